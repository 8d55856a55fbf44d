import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** Work the process has started and not finished: what a graceful shutdown waits for. */
export interface InFlightTracker {
  /** Runs `work`, counting it in flight until it settles. */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Work in flight now. */
  readonly size: number;
  /** Resolves `true` once nothing is in flight, or `false` when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
  /**
   * Bolt global middleware counting every listener run. Bolt's `next()` resolves only when the
   * listeners finished, well after `ack()` answered Slack, so this counts the work a person is
   * still waiting for. https://docs.slack.dev/tools/bolt-js/concepts/global-middleware
   */
  readonly middleware: Middleware<AnyMiddlewareArgs>;
}

/** Builds an {@link InFlightTracker}. */
export const createInFlightTracker = (): InFlightTracker => {
  let size = 0;
  const idle: Array<() => void> = [];

  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    size += 1;
    try {
      return await work();
    } finally {
      size -= 1;
      if (size === 0) for (const wake of idle.splice(0)) wake();
    }
  };

  return {
    track,
    get size() {
      return size;
    },
    drain: (timeoutMs) =>
      size === 0
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), timeoutMs);
            idle.push(() => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
    middleware: async ({ next }) => {
      await track(next);
    },
  };
};
