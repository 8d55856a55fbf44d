import { defineSlot } from '../process/async-scope.js';

/**
 * Who a Zoom request is made for: the person whose allowance it spends and whose lane it waits
 * in (src/zoom/rate-limiter.ts). One exists per inbound request (a Slack command, click or
 * event), so every Zoom call that request makes, however deep, is charged to the same person.
 */
export interface ZoomCaller {
  /** A stable key for the person: the Slack user id. */
  readonly key: string;
  /**
   * Whether the person may spend the larger daily share (`ZOOM_ADMIN_DAILY_SHARE`); asked only
   * when a Zoom request is about to be made, and at most once per caller.
   */
  readonly privileged: () => Promise<boolean>;
  /**
   * Set once the request took its one token of the person's burst allowance: one request costs
   * one token however many Zoom calls it makes (an export's pages, an empty month passed over).
   */
  charged: boolean;
}

const slot = defineSlot<ZoomCaller>('Zoom caller');

/**
 * A {@link ZoomCaller} for `key`; `privileged` is called at most once, on first need, so a
 * request that never reaches Zoom never asks it.
 */
export const createZoomCaller = (
  key: string,
  privileged: () => Promise<boolean> = async () => false,
): ZoomCaller => {
  let answer: Promise<boolean> | undefined;
  return {
    key,
    privileged: () => {
      answer ??= privileged().catch(() => false);
      return answer;
    },
    charged: false,
  };
};

/**
 * Runs `work` with `caller` as the {@link currentZoomCaller} of every Zoom request it starts.
 * The app's one async scope (src/process/async-scope.ts, Node's AsyncLocalStorage) carries it
 * across every `await`, so the Zoom adapter learns who asked without `ZoomApi` growing a
 * parameter. https://nodejs.org/api/async_context.html
 */
export const runAsZoomCaller = <T>(caller: ZoomCaller, work: () => T): T => slot.run(caller, work);

/** The caller of the work running now; `undefined` outside a person's request (the app's own). */
export const currentZoomCaller = (): ZoomCaller | undefined => slot.get();
