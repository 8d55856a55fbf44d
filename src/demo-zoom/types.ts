/**
 * What the demo Zoom knows: people, shared lines and SMS conversations. Plain data (ISO strings,
 * no `Date`s), so a dataset serialises to the same JSON every time it is built from the same
 * inputs. Phone numbers are Zoom's wire format: digits with country code and no `+`.
 */

/** A Zoom user of the demo account. */
export interface DemoUser {
  /** Zoom user id (22 characters, as Zoom issues them). Case-sensitive. */
  readonly id: string;
  /** Matched case-insensitively when a request names the user by email. */
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly displayName: string;
  /** Whether the user holds a Zoom Phone licence; without it the phone APIs refuse the user. */
  readonly hasPhone: boolean;
  /** The user's direct number, when they have one. */
  readonly phoneNumber?: string;
}

/** `call_queue` or `auto_receptionist`: a number shared by several users. */
export type DemoLineKind = 'call_queue' | 'auto_receptionist';

/** A call queue or auto receptionist; its members see its SMS sessions. */
export interface DemoLine {
  readonly id: string;
  readonly kind: DemoLineKind;
  readonly name: string;
  readonly phoneNumber: string;
  /** Ids of the {@link DemoUser}s who can read this line's sessions. */
  readonly memberIds: readonly string[];
}

/** Zoom's `session_type` of one session (`all` is only a query value). */
export type DemoSessionType = 'user' | DemoLineKind;

/** Someone outside the account taking part in a session. */
export interface DemoContact {
  /** Absent when the number is not in anyone's contacts (Zoom then sends no `display_name`). */
  readonly name?: string;
  readonly phoneNumber: string;
}

/** Zoom's `delivery_status` of one message. */
export type DemoDeliveryStatus =
  | 'received'
  | 'delivered'
  | 'failed_to_send'
  | 'sent'
  | 'failed_to_deliver'
  | 'unknown';

/** Zoom's attachment `type`. */
export type DemoAttachmentType = 'OTHER' | 'PNG' | 'GIF' | 'JPG' | 'AUDIO' | 'VIDEO';

/** A file sent with an MMS. */
export interface DemoAttachment {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: DemoAttachmentType;
}

/** One SMS or MMS. */
export interface DemoMessage {
  readonly id: string;
  /** `in`: a contact wrote to the owner; `out`: the owner wrote. */
  readonly direction: 'in' | 'out';
  /** UTC, whole seconds: `YYYY-MM-DDTHH:mm:ssZ`. */
  readonly at: string;
  readonly text: string;
  /** The owner's number for `out`, one of the session's contacts for `in`. */
  readonly senderNumber: string;
  readonly status: DemoDeliveryStatus;
  readonly attachments?: readonly DemoAttachment[];
}

/** One SMS conversation between a user (or shared line) and one or more contacts. */
export interface DemoSession {
  /** 32 hexadecimal characters, as Zoom issues them. */
  readonly id: string;
  readonly type: DemoSessionType;
  /** A {@link DemoUser} id for `user`, a {@link DemoLine} id otherwise. */
  readonly ownerId: string;
  /** One for a 1:1 conversation, up to nine for a group (Zoom caps participants at ten). */
  readonly contacts: readonly DemoContact[];
  /** Oldest first; never empty. The last one's `at` is the session's `last_access_time`. */
  readonly messages: readonly DemoMessage[];
}

/** Everything the demo Zoom serves. Build one with `createDemoDataset` or `buildDataset`. */
export interface DemoDataset {
  readonly users: readonly DemoUser[];
  readonly callQueues: readonly DemoLine[];
  readonly autoReceptionists: readonly DemoLine[];
  readonly sessions: readonly DemoSession[];
}
