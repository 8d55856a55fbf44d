import { defineSlot } from './process/async-scope.js';

/** Where a request stands in the line for Zoom, told while it waits. */
export interface QueueNotice {
  /** Requests (on every replica) that will reach Zoom before this one. */
  readonly ahead: number;
  /** About how long until this request reaches Zoom. */
  readonly estimatedWaitMs: number;
}

/** Receives the notices of the work it was attached to. Must not throw. */
export type NoticeListener = (notice: QueueNotice) => void;

const slot = defineSlot<NoticeListener>('notice listener');

/**
 * Runs `work` with `listener` receiving the {@link QueueNotice}s of everything it starts, so the
 * part that answers a person (src/slack/interim-answer.ts) hears from the part that makes them
 * wait (src/zoom/rate-limiter.ts) without either knowing the other. The app's one async scope
 * (src/process/async-scope.ts, Node's AsyncLocalStorage) carries the listener across every
 * `await`. https://nodejs.org/api/async_context.html
 */
export const runWithNoticeListener = <T>(listener: NoticeListener, work: () => T): T =>
  slot.run(listener, work);

/** The listener of the work running now, if any (none outside a request). */
export const currentNoticeListener = (): NoticeListener | undefined => slot.get();

/** Tells whoever waits on the current work where it stands; a no-op when nobody listens. */
export const noticeQueued = (notice: QueueNotice): void => {
  slot.get()?.(notice);
};
