import type { Clock } from '../../clock.js';
import type {
  ConversationActivity,
  InboxEvent,
  TextActivity,
  TextDirection,
} from '../../domain/inbox.js';
import type { AppLogger } from '../../logger.js';
import type { TextActivityStore } from '../../store/types.js';

/** How long the app remembers when a conversation last had a text in and out. */
export const UNANSWERED_RETENTION_DAYS = 14;

/** The most conversations waiting for a reply the Home tab lists, newest first. */
export const UNANSWERED_MAX = 10;

/** How often, at most, one process forgets times older than the retention. */
export const ACTIVITY_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who is waiting for a reply, known from the texts Zoom reports and the replies sent from Slack. */
export interface TextActivityLog {
  /**
   * Notes one text of a person's own number (times only; a failed one too); older times are
   * pruned now and then.
   */
  record(activity: TextActivity): Promise<void>;
  /** The person's conversations waiting for a reply, newest first, at most {@link UNANSWERED_MAX}. */
  unanswered(ownerZoomUserId: string): Promise<readonly ConversationActivity[]>;
  /** Whether a text of this conversation of this person's number was ever noted (and kept). */
  knows(ownerZoomUserId: string, sessionId: string): Promise<boolean>;
}

const directionOf = (event: InboxEvent): TextDirection => {
  if (event.kind === 'received') return 'in';
  return event.kind === 'failed' || event.message.status === 'failed' ? 'failed-out' : 'out';
};

/**
 * The text of a person's own number an inbox event stands for, or `undefined` for one that says
 * nothing about who waits for a reply: a call queue's or auto receptionist's text, one with no
 * owner id. A send that failed (`phone.sms_sent_failed`, or a `phone.sms_sent` that carries
 * Zoom's reason) is `failed-out` at the failed text's own time, so it re-opens the conversation
 * unless a later text went out. The time is the message's, else `now`.
 */
export const textActivityOf = (event: InboxEvent, now: Date): TextActivity | undefined => {
  const { owner, message } = event;
  if (owner.kind !== 'user' || owner.zoomUserId === undefined) return undefined;
  const at =
    message.sentAt !== undefined && Number.isFinite(Date.parse(message.sentAt))
      ? message.sentAt
      : now.toISOString();
  return {
    ownerZoomUserId: owner.zoomUserId,
    sessionId: message.sessionId,
    direction: directionOf(event),
    at,
  };
};

/**
 * Whether the newest text that went out in a conversation is one Zoom reported failed (a
 * failure at the same instant as the newest text out is taken to be that text's), so the
 * contact got no answer. The stores list such a conversation as waiting when a text came in.
 */
export const lastReplyFailed = (activity: ConversationActivity): boolean =>
  activity.lastFailedOutboundAt !== undefined &&
  (activity.lastOutboundAt === undefined ||
    Date.parse(activity.lastFailedOutboundAt) >= Date.parse(activity.lastOutboundAt));

/**
 * The log of who is waiting for a reply, over the store. Times older than
 * {@link UNANSWERED_RETENTION_DAYS} are never listed, and are forgotten at most once an
 * {@link ACTIVITY_PRUNE_INTERVAL_MS} per process after a text is noted (any replica's prune
 * serves all; a failed prune is logged and tried again later).
 */
export const createTextActivityLog = (deps: {
  readonly store: TextActivityStore;
  readonly clock: Clock;
  readonly logger: AppLogger;
}): TextActivityLog => {
  const { store, clock } = deps;
  let lastPruneMs = Number.NEGATIVE_INFINITY;
  const cutoff = () => new Date(clock.now().getTime() - UNANSWERED_RETENTION_DAYS * DAY_MS);
  const pruneNowAndThen = async () => {
    const nowMs = clock.now().getTime();
    if (nowMs - lastPruneMs < ACTIVITY_PRUNE_INTERVAL_MS) return;
    lastPruneMs = nowMs;
    try {
      await store.pruneTextActivity(cutoff());
    } catch (error) {
      deps.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'old text activity could not be pruned',
      );
    }
  };
  return {
    record: async (activity) => {
      await store.recordTextActivity(activity);
      await pruneNowAndThen();
    },
    unanswered: (ownerZoomUserId) =>
      store.listUnanswered(ownerZoomUserId, cutoff(), UNANSWERED_MAX),
    knows: async (ownerZoomUserId, sessionId) =>
      (await store.getTextActivity(ownerZoomUserId, sessionId)) !== undefined,
  };
};
