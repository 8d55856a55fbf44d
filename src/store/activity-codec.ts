import type { ConversationActivity, TextActivity } from '../domain/inbox.js';

/** The epoch milliseconds of a text's instant; throws `RangeError` when `at` is not an instant. */
const activityMs = (activity: TextActivity): number => {
  const ms = Date.parse(activity.at);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new RangeError(`at must be an ISO 8601 instant, got ${activity.at}`);
  }
  return ms;
};

/** Throws `RangeError` when a list's `limit` is not a positive integer. */
export const assertActivityLimit = (limit: number): void => {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
};

/** One conversation's times in epoch milliseconds, as every adapter keeps them (`0`: none). */
export interface ActivityTimes {
  readonly inMs: number;
  readonly outMs: number;
  readonly failedOutMs: number;
}

/** No text of the conversation noted yet. */
export const NO_ACTIVITY: ActivityTimes = { inMs: 0, outMs: 0, failedOutMs: 0 };

/**
 * The times after noting a text: its direction's time moves forward, never back, and a failed
 * text out is a text out too, so `outMs` stays the newest text out, failed or not. From
 * {@link NO_ACTIVITY}, the times one text sets (`0` where it sets none), for adapters that keep
 * the maximum themselves (SQLite's `max()`, Redis's `ZADD GT`).
 * Throws `RangeError` when `at` is not an instant.
 */
export const withActivity = (times: ActivityTimes, activity: TextActivity): ActivityTimes => {
  const ms = activityMs(activity);
  return {
    inMs: activity.direction === 'in' ? Math.max(times.inMs, ms) : times.inMs,
    outMs: activity.direction === 'in' ? times.outMs : Math.max(times.outMs, ms),
    failedOutMs:
      activity.direction === 'failed-out' ? Math.max(times.failedOutMs, ms) : times.failedOutMs,
  };
};

const instant = (ms: number): string | undefined =>
  Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;

/**
 * One conversation's times as every adapter returns them: `0` means no such text; instants in
 * `toISOString()` form.
 */
export const toConversationActivity = (
  ownerZoomUserId: string,
  sessionId: string,
  times: ActivityTimes,
): ConversationActivity => {
  const lastInboundAt = instant(times.inMs);
  const lastOutboundAt = instant(times.outMs);
  const lastFailedOutboundAt = instant(times.failedOutMs);
  return {
    ownerZoomUserId,
    sessionId,
    ...(lastInboundAt === undefined ? {} : { lastInboundAt }),
    ...(lastOutboundAt === undefined ? {} : { lastOutboundAt }),
    ...(lastFailedOutboundAt === undefined ? {} : { lastFailedOutboundAt }),
  };
};

/**
 * Whether a conversation waits for a reply from `sinceMs` on: a text came in then or later, and
 * either nothing went out after it or the newest text out failed (a later text out that did not
 * fail answers it again). SQLite says the same in SQL.
 */
export const isUnanswered = (times: ActivityTimes, sinceMs: number): boolean =>
  times.inMs > 0 &&
  times.inMs >= sinceMs &&
  (times.inMs > times.outMs || (times.failedOutMs > 0 && times.failedOutMs >= times.outMs));
