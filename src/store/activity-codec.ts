import type { ConversationActivity, TextActivity } from '../domain/inbox.js';

/**
 * The epoch milliseconds of a text's instant, as every adapter stores it.
 * Throws `RangeError` when `at` is not an instant.
 */
export const activityMs = (activity: TextActivity): number => {
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

/**
 * One conversation's times as every adapter returns them: `0` or absent means no such text;
 * instants in `toISOString()` form.
 */
export const toConversationActivity = (
  ownerZoomUserId: string,
  sessionId: string,
  inboundMs: number | undefined,
  outboundMs: number | undefined,
): ConversationActivity => ({
  ownerZoomUserId,
  sessionId,
  ...(inboundMs === undefined || inboundMs <= 0
    ? {}
    : { lastInboundAt: new Date(inboundMs).toISOString() }),
  ...(outboundMs === undefined || outboundMs <= 0
    ? {}
    : { lastOutboundAt: new Date(outboundMs).toISOString() }),
});

/** Whether a conversation waits for a reply from `sinceMs` on: it came in then or later, unanswered. */
export const isUnanswered = (inboundMs: number, outboundMs: number, sinceMs: number): boolean =>
  inboundMs > 0 && inboundMs >= sinceMs && inboundMs > outboundMs;
