/**
 * The app's own nouns for Zoom Phone SMS: what a listing, a conversation, an export, a share and
 * the inbox talk about. No Zoom or Slack field names here: `src/zoom/` (the REST API) and
 * `src/zoom-events/` (webhooks) map their wire shapes into these types once, at the boundary.
 */

/**
 * A phone number in E.164 (`+14155550100`), normalised at the boundary. Zoom's own digits-only
 * form (`14155550100`) never travels past `src/zoom/`.
 */
export type PhoneNumber = string;

/** An ISO 8601 UTC instant (`2026-12-06T14:05:00Z`). */
export type Instant = string;

/** Who a number belongs to on the Zoom side. `other` keeps a kind Zoom adds later readable. */
export type LineKind = 'user' | 'call_queue' | 'auto_receptionist' | 'shared_line_group' | 'other';

/** The Zoom line (user, call queue, auto receptionist…) behind a participant. */
export interface LineOwner {
  /** Zoom's id of the user, call queue or auto receptionist, when Zoom says it. */
  readonly id?: string;
  readonly kind: LineKind;
  /** The kind as Zoom named it, kept only when `kind` is `other`, for display. */
  readonly rawKind?: string;
}

/** One side of a conversation: a contact, or a number of the account. */
export interface Participant {
  /** The name Zoom shows; absent when Zoom has none. Third-party text: escape before display. */
  readonly name?: string;
  readonly phoneNumber?: PhoneNumber;
  /** True for the number of the session's owner (the person, queue or receptionist). */
  readonly isOwner: boolean;
  readonly owner?: LineOwner;
}

/** What a session belongs to, as Zoom classifies it. */
export type SessionKind = 'user' | 'call_queue' | 'auto_receptionist' | 'other';

/** One SMS conversation (Zoom's "session"). */
export interface SmsSession {
  /** `''` when the source gave none: such a session is listed but cannot be opened. */
  readonly id: string;
  readonly kind: SessionKind;
  /** The kind as Zoom named it, kept only when `kind` is `other`, for display. */
  readonly rawKind?: string;
  /** When the last text was sent or received; absent when Zoom did not say. */
  readonly lastActivityAt?: Instant;
  /** At most 10. */
  readonly participants: readonly Participant[];
}

/** An MMS attachment, described only: the app never fetches or stores the file. */
export interface Attachment {
  readonly id?: string;
  readonly name?: string;
  readonly sizeBytes?: number;
  /** `image`, `audio`, `video` or `file`, with Zoom's own type kept for display. */
  readonly kind: 'image' | 'audio' | 'video' | 'file';
  readonly rawType?: string;
  /** Where Zoom serves the file to a signed-in Zoom user ("Open in Zoom"); never fetched. */
  readonly openUrl?: string;
}

/** `in`: a contact wrote to the account; `out`: the account wrote. */
export type MessageDirection = 'in' | 'out' | 'unknown';

/**
 * Where a message stands. `sent` means Zoom accepted it; `delivered` means the carrier confirmed;
 * `failed` covers failed to send and failed to deliver (told apart by `SmsMessage.failure`).
 */
export type DeliveryStatus = 'received' | 'sent' | 'delivered' | 'failed' | 'unknown';

/** Where a `failed` message failed: it never left the account, or the carrier could not deliver it. */
export type DeliveryFailure = 'send' | 'deliver';

/** One SMS or MMS in a session. */
export interface SmsMessage {
  /** `''` when the source gave none. */
  readonly id: string;
  readonly sessionId?: string;
  readonly sentAt?: Instant;
  readonly direction: MessageDirection;
  /** The direction as the source named it, kept only when `direction` is `unknown`, for display. */
  readonly rawDirection?: string;
  /** The text as written. Never logged, never stored by the app. */
  readonly text?: string;
  readonly status: DeliveryStatus;
  /** Set when `status` is `failed` and the source said where it failed. */
  readonly failure?: DeliveryFailure;
  /**
   * The status as the source named it, kept only when `status` is `unknown` and the source said
   * something (its own `unknown` included): absent means it did not say.
   */
  readonly rawStatus?: string;
  /** Group texts have several recipients. */
  readonly isGroup: boolean;
  readonly sender?: Participant;
  readonly recipients: readonly Participant[];
  readonly attachments: readonly Attachment[];
}

/** One page of a listing: `nextPageToken` is `''` on the last page. */
export interface SmsSessionsPage {
  readonly sessions: readonly SmsSession[];
  readonly nextPageToken: string;
}

/** One page of a session's messages: `nextPageToken` is `''` on the last page. */
export interface SmsMessagesPage {
  readonly messages: readonly SmsMessage[];
  readonly nextPageToken: string;
}
