/**
 * The app's own nouns for the SMS inbox: a text Zoom told the app about, where texts of a call
 * queue or auto receptionist go in Slack, and the Slack thread a session lives in. No Zoom or
 * Slack wire names: `src/zoom-events/` maps Zoom's webhooks into these once, at the boundary.
 */
import type { Instant, LineKind, SmsMessage } from './sms.js';

/** The kinds of shared line an admin can route to a channel. */
export type RoutableLineKind = 'call_queue' | 'auto_receptionist';

/** A call queue or auto receptionist of the account. */
export interface SharedLine {
  /** Zoom's id of the call queue or auto receptionist. */
  readonly id: string;
  readonly kind: RoutableLineKind;
  /** Its name in Zoom (third-party text: escape before display). */
  readonly name: string;
}

/** One page of the account's call queues or auto receptionists; `nextPageToken` `''` on the last. */
export interface SharedLinesPage {
  readonly lines: readonly SharedLine[];
  readonly nextPageToken: string;
}

/** Who may answer a routed line's texts from Slack (decided again at every send). */
export type RouteReplyPolicy =
  | { readonly kind: 'nobody' }
  | { readonly kind: 'people'; readonly slackUserIds: readonly string[] }
  | { readonly kind: 'channel-members' };

/** A permanent Slack failure recorded on a route, for admins to read in `routes`. */
export interface RouteError {
  /** Slack's error code (`channel_not_found`, `is_archived`, `not_in_channel`, …). */
  readonly code: string;
  /** ISO 8601 instant of the failure. */
  readonly at: string;
}

/** A call queue's or auto receptionist's texts go to one Slack channel. */
export interface InboxRoute {
  /** Zoom's id of the call queue or auto receptionist. */
  readonly lineId: string;
  readonly lineKind: RoutableLineKind;
  /** The line's name when it was routed (for `routes`; third-party text). */
  readonly lineName: string;
  readonly channelId: string;
  readonly reply: RouteReplyPolicy;
  /** Slack user id of the admin who routed it. */
  readonly createdBy: string;
  /** ISO 8601 instant. */
  readonly createdAt: string;
  readonly lastError?: RouteError;
}

/** The Slack thread a session's texts go to, in one destination channel (a DM or a routed channel). */
export interface InboxThread {
  readonly sessionId: string;
  /** Slack channel id (`D…` for a direct message, `C…`/`G…` for a routed channel). */
  readonly channelId: string;
  /** `ts` of the thread's first message. */
  readonly threadTs: string;
  /** The Zoom user who owns a user session. */
  readonly ownerZoomUserId?: string;
  /** The call queue or auto receptionist of a routed session. */
  readonly lineId?: string;
}

/** Who a text belongs to on the Zoom side. */
export interface InboxOwner {
  readonly kind: LineKind;
  /** The Zoom user who owns (user line) or received (shared line) the text. */
  readonly zoomUserId?: string;
  /** The call queue's or auto receptionist's id, for shared lines. */
  readonly lineId?: string;
  /** On a sent text of a shared line: the member who sent it. */
  readonly senderZoomUserId?: string;
}

/**
 * What Zoom reported of a text: `received` from a contact, `sent` from the account, or `failed`:
 * a text the account sent (from Slack or the Zoom client) that Zoom could not send. A failure
 * carries the message id of the text it is about, which Zoom (or a reply from Slack) may already
 * have reported as sent.
 */
export type InboxEventKind = 'received' | 'sent' | 'failed';

/** One text Zoom reported: received from a contact, sent from the account, or failed to send. */
export interface InboxEvent {
  readonly kind: InboxEventKind;
  /** The message, numbers in E.164. Its text is held in memory only, never stored or logged. */
  readonly message: SmsMessage & { readonly id: string; readonly sessionId: string };
  readonly accountId: string;
  readonly owner: InboxOwner;
  /**
   * Zoom's reason for a `failed` text, when it gave one (third-party text: escape before
   * display). Held in memory with the text, never stored or logged.
   */
  readonly failureReason?: string;
}

/**
 * Which way a text of a person's own number went, as the record of who is waiting for a reply
 * takes it: `in` from a contact, `out` from the account (a reply from Slack included), or
 * `failed-out`: a text the account sent that Zoom reported it could not send (the same text may
 * have been noted as `out` before).
 */
export type TextDirection = 'in' | 'out' | 'failed-out';

/**
 * One text of a person's own number, as the record of who is waiting for a reply takes it: times
 * only, never the text, a name or a number.
 */
export interface TextActivity {
  /** The Zoom user id that owns the number (Zoom's `owner.id` of a user line). */
  readonly ownerZoomUserId: string;
  readonly sessionId: string;
  readonly direction: TextDirection;
  /** ISO 8601 instant of the text (of a failed one: when it was sent, not when it failed). */
  readonly at: Instant;
}

/**
 * When a conversation of a person's own number last had a text in, one out, and one out that
 * failed. It waits for a reply when a text came in after every text that went out, or when the
 * newest text that went out failed (`lastFailedOutboundAt` at or after `lastOutboundAt`).
 */
export interface ConversationActivity {
  readonly ownerZoomUserId: string;
  readonly sessionId: string;
  /** The newest text that came in; absent when none did (that the app heard of). */
  readonly lastInboundAt?: Instant;
  /** The newest text that went out (failed or not); absent when none did. */
  readonly lastOutboundAt?: Instant;
  /** The newest text that went out and that Zoom reported failed; absent when none did. */
  readonly lastFailedOutboundAt?: Instant;
}
