import type { Clock } from '../../clock.js';
import type { InboxThread } from '../../domain/inbox.js';
import type { Instant, SmsMessage } from '../../domain/sms.js';
import { AppError, toAppError } from '../../errors.js';
import type { AppLogger } from '../../logger.js';
import type { Store } from '../../store/types.js';
import { SMS_MAX_CHARS, smsLength } from '../../zoom/send-sms.js';
import type { ZoomApi } from '../../zoom/types.js';
import type { AuditTrail } from '../audit-trail.js';
import { ZOOM_MESSAGE_DEDUPE_TTL_MS, zoomMessageKey } from '../inbox/intake.js';
import type { TextActivityLog } from '../inbox/text-activity.js';
import type { ReplyAccess, ReplyGrant, ReplyTarget } from './reply-access.js';
import { replyParties } from './reply-parties.js';

/** Messages the reply modal shows above the text box (newest last). */
export const REPLY_CONTEXT_MESSAGES = 5;

/**
 * How long a submission's key is remembered: far longer than Slack ever retries a request or a
 * person double-clicks, so one submission sends once.
 */
export const SUBMISSION_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;

/** The store key of a submission (see {@link ReplyCore.claimSubmission}). */
export const submissionKey = (key: string): string => `sms-send:${key}`;

/** A conversation as the reply modal shows it. */
export interface ReplyConversation {
  readonly target: ReplyTarget;
  /** Oldest first, at most {@link REPLY_CONTEXT_MESSAGES}. */
  readonly messages: readonly SmsMessage[];
  /** The line's name when a route granted the reply (`Support`), for the modal's title line. */
  readonly lineName?: string;
}

/** A reply that Zoom accepted. */
export interface SentReply {
  /** The conversation's Slack thread; absent for a reply from the Home tab to one without. */
  readonly thread?: InboxThread;
  readonly messageId?: string;
  readonly sentAt: Instant;
  /** Whether the text was posted to the thread now (else Zoom's `phone.sms_sent` will bring it). */
  readonly shownInThread: boolean;
}

/** What the thread shows for a reply just sent (text held in memory only). */
export interface PublishedReply {
  readonly actor: string;
  readonly text: string;
  readonly sentAt: Instant;
}

/** Recorders for sends; `Metrics` (src/metrics/metrics.ts) fits as is. */
export interface ReplyMetrics {
  /** One submitted reply: `sent`, or the error code it ended with. */
  smsSend(outcome: string): void;
}

/** What {@link createReplyCore} needs. */
export interface ReplyCoreDeps {
  readonly access: ReplyAccess;
  /** The session's messages of the past month, newest first (session details). */
  readonly history: (sessionId: string) => Promise<readonly SmsMessage[]>;
  readonly zoom: Pick<ZoomApi, 'sendSms'>;
  readonly store: Pick<Store, 'claimOnce' | 'releaseClaim'>;
  readonly audit: AuditTrail;
  readonly clock: Clock;
  readonly logger: AppLogger;
  /** Posts a sent reply into its thread (the Slack side renders it). */
  readonly publish: (thread: InboxThread, reply: PublishedReply) => Promise<void>;
  /** Notes a reply from a person's own number, so it no longer waits for one. */
  readonly activity: Pick<TextActivityLog, 'record'>;
  readonly metrics?: ReplyMetrics;
}

/** Replying to an SMS conversation from Slack. */
export interface ReplyCore {
  /**
   * The conversation for the reply modal, for `actor` only if they may reply (checked here and
   * again at every send); audited as `reply-open`.
   * @throws AppError `REPLY_FORBIDDEN` or a `ZOOM_*` code.
   */
  open(actor: string, target: ReplyTarget): Promise<ReplyConversation>;
  /**
   * `true` the first time a submission's key is claimed, on any replica, for a day: a double
   * click or a retried `view_submission` sends once.
   */
  claimSubmission(key: string): Promise<boolean>;
  /**
   * Sends `text` from the session's number to its other participants, if `actor` may (decided
   * now), audits the attempt (who, which session, when, the outcome; never the text) and shows
   * the text once in the thread.
   * @throws AppError `SMS_TOO_LONG`, `REPLY_FORBIDDEN`, `REPLY_UNAVAILABLE`, `SMS_INVALID_NUMBER`,
   * `SMS_REFUSED`, `ZOOM_UNCONFIRMED`, `ZOOM_RATE_LIMITED` or another `ZOOM_*` code.
   */
  send(actor: string, target: ReplyTarget, text: string): Promise<SentReply>;
}

const lineOwnerOf = (grant: ReplyGrant): string | undefined =>
  grant.kind === 'owner' ? grant.ownerZoomUserId : grant.thread.lineId;

/**
 * Builds the reply core. The text lives only in memory for the length of the send; the store
 * keeps the submission's key and the sent message's id, nothing more (which is why a send is
 * not queued in the store: a queued send would have to keep the text).
 */
export const createReplyCore = (deps: ReplyCoreDeps): ReplyCore => {
  const record = (
    actor: string,
    target: ReplyTarget,
    action: string,
    outcome: { grant?: ReplyGrant; error?: AppError; messageId?: string },
  ) =>
    deps.audit.record({
      actorSlackUserId: actor,
      ...(outcome.grant?.kind === 'owner' ? { subjectZoomUser: outcome.grant.zoomUser } : {}),
      action,
      filters: {
        session: target.sessionId,
        ...(target.channelId === undefined ? {} : { channel: target.channelId }),
        ...(outcome.grant === undefined ? {} : { via: outcome.grant.kind }),
        ...(outcome.grant?.kind === 'route' ? { line: outcome.grant.route.lineId } : {}),
        ...(outcome.messageId === undefined ? {} : { message: outcome.messageId }),
      },
      allowed: outcome.error?.code !== 'REPLY_FORBIDDEN',
      ...(outcome.error === undefined
        ? {}
        : { reason: outcome.error.detail.refusal ?? outcome.error.code }),
    });

  const authorize = async (actor: string, target: ReplyTarget, action: string) => {
    try {
      return await deps.access.check(actor, target);
    } catch (caught) {
      const error = toAppError(caught);
      await record(actor, target, action, { error });
      throw error;
    }
  };

  const showOnce = async (
    grant: ReplyGrant,
    actor: string,
    text: string,
    sent: Omit<SentReply, 'shownInThread' | 'thread'>,
  ) => {
    if (sent.messageId === undefined || grant.thread === undefined) return false;
    const { thread } = grant;
    const key = zoomMessageKey(sent.messageId);
    if (!(await deps.store.claimOnce(key, ZOOM_MESSAGE_DEDUPE_TTL_MS, deps.clock.now()))) {
      return false;
    }
    try {
      await deps.publish(thread, { actor, text, sentAt: sent.sentAt });
      return true;
    } catch (error) {
      deps.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'sent reply could not be posted to its thread; Zoom’s phone.sms_sent will bring it',
      );
      await deps.store.releaseClaim(key).catch(() => undefined);
      return false;
    }
  };

  const send = async (actor: string, target: ReplyTarget, text: string): Promise<SentReply> => {
    const length = smsLength(text);
    if (length > SMS_MAX_CHARS) {
      throw new AppError('SMS_TOO_LONG', `Text of ${length} characters`, {
        detail: { limit: SMS_MAX_CHARS, length },
      });
    }
    const grant = await authorize(actor, target, 'reply');
    let result: Awaited<ReturnType<ZoomApi['sendSms']>>;
    try {
      const owner = lineOwnerOf(grant);
      const parties =
        owner === undefined ? undefined : replyParties(await deps.history(target.sessionId), owner);
      if (parties === undefined) {
        throw new AppError('REPLY_UNAVAILABLE', 'No recent message shows who is in the session');
      }
      result = await deps.zoom.sendSms({ ...parties, text, sessionId: target.sessionId });
    } catch (caught) {
      const error = toAppError(caught);
      await record(actor, target, 'reply', { grant, error });
      throw error;
    }
    const sentAt =
      result.sentAt ??
      deps.clock
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    const base = {
      ...(grant.thread === undefined ? {} : { thread: grant.thread }),
      sentAt,
      ...(result.messageId === undefined ? {} : { messageId: result.messageId }),
    };
    await record(actor, target, 'reply', { grant, ...base });
    if (grant.kind === 'owner') {
      await deps.activity
        .record({
          ownerZoomUserId: grant.ownerZoomUserId,
          sessionId: target.sessionId,
          direction: 'out',
          at: sentAt,
        })
        .catch((error: unknown) => {
          deps.logger.warn(
            { err: { message: error instanceof Error ? error.message : String(error) } },
            'a sent reply could not be noted as an answer',
          );
        });
    }
    const shownInThread = await showOnce(grant, actor, text, base).catch((error: unknown) => {
      deps.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'could not claim the sent message for its thread',
      );
      return false;
    });
    return { ...base, shownInThread };
  };

  return {
    open: async (actor, target) => {
      const grant = await authorize(actor, target, 'reply-open');
      const messages = await deps.history(target.sessionId);
      await record(actor, target, 'reply-open', { grant });
      return {
        target,
        messages: messages.slice(0, REPLY_CONTEXT_MESSAGES).reverse(),
        ...(grant.kind === 'route' ? { lineName: grant.route.lineName } : {}),
      };
    },
    claimSubmission: (key) =>
      deps.store.claimOnce(submissionKey(key), SUBMISSION_CLAIM_TTL_MS, deps.clock.now()),
    send: async (actor, target, text) => {
      try {
        const sent = await send(actor, target, text);
        deps.metrics?.smsSend('sent');
        return sent;
      } catch (caught) {
        const error = toAppError(caught);
        deps.metrics?.smsSend(error.code);
        throw error;
      }
    },
  };
};
