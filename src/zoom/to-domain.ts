import type { AccountUser, PhoneProfile } from '../domain/account.js';
import type {
  Attachment,
  DeliveryFailure,
  DeliveryStatus,
  LineKind,
  LineOwner,
  MessageDirection,
  Participant,
  PhoneNumber,
  SessionKind,
  SmsMessage,
  SmsMessagesPage,
  SmsSession,
  SmsSessionsPage,
} from '../domain/sms.js';
import { parseZoomNumber } from '../query/phone.js';
import type {
  ZoomParticipant,
  ZoomPhoneUser,
  ZoomSmsAttachment,
  ZoomSmsHistory,
  ZoomSmsParty,
  ZoomSmsSession,
  ZoomSmsSessionDetails,
  ZoomSmsSessionsPage,
  ZoomUser,
} from './schemas.js';

/** How many converted numbers are remembered before the memo starts afresh (bounded memory). */
export const E164_MEMO_MAX = 10_000;

const e164Memo = new Map<string, PhoneNumber>();

const convert = (zoomNumber: string): PhoneNumber =>
  parseZoomNumber(zoomNumber)?.number ?? zoomNumber;

/**
 * A Zoom number (digits with country code, `14155550100`) in E.164 (`+14155550100`). Zoom marks
 * nothing as required, so anything that is not a possible number is kept exactly as it came,
 * for display. Remembered (up to {@link E164_MEMO_MAX}): the same numbers come back page after page.
 */
export const phoneFromZoom = (zoomNumber: string): PhoneNumber => {
  const known = e164Memo.get(zoomNumber);
  if (known !== undefined) return known;
  if (e164Memo.size >= E164_MEMO_MAX) e164Memo.clear();
  const result = convert(zoomNumber);
  e164Memo.set(zoomNumber, result);
  return result;
};

const LINE_KINDS: Readonly<Record<string, LineKind>> = {
  user: 'user',
  callQueue: 'call_queue',
  autoReceptionist: 'auto_receptionist',
  sharedLineGroup: 'shared_line_group',
};

const SESSION_KINDS: Readonly<Record<string, SessionKind>> = {
  user: 'user',
  call_queue: 'call_queue',
  auto_receptionist: 'auto_receptionist',
};

const known = <T>(table: Readonly<Record<string, T>>, value: string | undefined): T | undefined =>
  value !== undefined && Object.hasOwn(table, value) ? table[value] : undefined;

/** A participant's `owner` as a {@link LineOwner}: `callQueue` → `call_queue`, others kept raw. */
export const lineOwnerFromZoom = (owner: NonNullable<ZoomParticipant['owner']>): LineOwner => {
  const kind = known(LINE_KINDS, owner.type);
  return {
    ...(owner.id === undefined ? {} : { id: owner.id }),
    kind: kind ?? 'other',
    ...(kind === undefined && owner.type !== undefined ? { rawKind: owner.type } : {}),
  };
};

/** A participant of a session, or a message's sender or recipient, as a {@link Participant}. */
export const participantFromZoom = (party: ZoomSmsParty, isOwner = false): Participant => ({
  ...(party.display_name === undefined ? {} : { name: party.display_name }),
  ...(party.phone_number === undefined ? {} : { phoneNumber: phoneFromZoom(party.phone_number) }),
  isOwner,
  ...(party.owner === undefined ? {} : { owner: lineOwnerFromZoom(party.owner) }),
});

/**
 * One of Zoom's `sms_sessions[]` as an {@link SmsSession}: owner types in the app's words
 * (`callQueue` → `call_queue`), numbers in E.164, a kind Zoom adds later kept as `rawKind`.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const sessionFromZoom = (session: ZoomSmsSession): SmsSession => {
  const kind = known(SESSION_KINDS, session.session_type);
  return {
    id: session.session_id ?? '',
    kind: kind ?? 'other',
    ...(kind === undefined && session.session_type !== undefined
      ? { rawKind: session.session_type }
      : {}),
    ...(session.last_access_time === undefined ? {} : { lastActivityAt: session.last_access_time }),
    participants: (session.participants ?? []).map((p) =>
      participantFromZoom(p, p.is_session_owner === true),
    ),
  };
};

/** A page of "Get user's SMS sessions" as an {@link SmsSessionsPage}; last page = `''`. */
export const sessionsPageFromZoom = (page: ZoomSmsSessionsPage): SmsSessionsPage => ({
  sessions: (page.sms_sessions ?? []).map(sessionFromZoom),
  nextPageToken: page.next_page_token ?? '',
});

const IMAGE_TYPES: ReadonlySet<string> = new Set(['PNG', 'GIF', 'JPG']);

const attachmentKind = (type: string | undefined): Attachment['kind'] => {
  if (type === undefined) return 'file';
  if (IMAGE_TYPES.has(type)) return 'image';
  if (type === 'AUDIO') return 'audio';
  if (type === 'VIDEO') return 'video';
  return 'file';
};

const attachment = (file: ZoomSmsAttachment): Attachment => ({
  ...(file.id === undefined ? {} : { id: file.id }),
  ...(file.name === undefined ? {} : { name: file.name }),
  ...(file.size === undefined ? {} : { sizeBytes: file.size }),
  kind: attachmentKind(file.type),
  ...(file.type === undefined ? {} : { rawType: file.type }),
  ...(file.download_url === undefined ? {} : { openUrl: file.download_url }),
});

const DIRECTIONS: Readonly<Record<string, MessageDirection>> = { In: 'in', Out: 'out' };

const STATUSES: Readonly<
  Record<string, { readonly status: DeliveryStatus; readonly failure?: DeliveryFailure }>
> = {
  received: { status: 'received' },
  sent: { status: 'sent' },
  delivered: { status: 'delivered' },
  failed_to_send: { status: 'failed', failure: 'send' },
  failed_to_deliver: { status: 'failed', failure: 'deliver' },
};

/** Zoom's `message_type` values for group texts: 3 group SMS, 4 group MMS. */
const GROUP_MESSAGE_TYPES: ReadonlySet<number> = new Set([3, 4]);

/**
 * One of Zoom's `sms_histories[]` as an {@link SmsMessage}. Zoom's `unknown` status, and any it
 * adds later, become `unknown` with the word kept as `rawStatus`; an absent one leaves it out.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/sms/sessions/{sessionId}
 */
export const messageFromZoom = (message: ZoomSmsHistory, sessionId?: string): SmsMessage => {
  const direction = known(DIRECTIONS, message.direction);
  const status = known(STATUSES, message.delivery_status);
  return {
    id: message.message_id ?? '',
    ...(sessionId === undefined ? {} : { sessionId }),
    ...(message.date_time === undefined ? {} : { sentAt: message.date_time }),
    direction: direction ?? 'unknown',
    ...(direction === undefined && message.direction !== undefined
      ? { rawDirection: message.direction }
      : {}),
    ...(message.message === undefined ? {} : { text: message.message }),
    status: status?.status ?? 'unknown',
    ...(status?.failure === undefined ? {} : { failure: status.failure }),
    ...(status === undefined && message.delivery_status !== undefined
      ? { rawStatus: message.delivery_status }
      : {}),
    isGroup: GROUP_MESSAGE_TYPES.has(message.message_type ?? 0),
    ...(message.sender === undefined ? {} : { sender: participantFromZoom(message.sender) }),
    recipients: (message.to_members ?? []).map((p) => participantFromZoom(p)),
    attachments: (message.attachments ?? []).map(attachment),
  };
};

/** A page of "Get SMS session details" as an {@link SmsMessagesPage}; last page = `''`. */
export const messagesPageFromZoom = (
  page: ZoomSmsSessionDetails,
  sessionId?: string,
): SmsMessagesPage => ({
  messages: (page.sms_histories ?? []).map((m) => messageFromZoom(m, sessionId)),
  nextPageToken: page.next_page_token ?? '',
});

/**
 * "Get a user" as an {@link AccountUser}: its name is the display name, else first and last name.
 * https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId}
 */
export const accountUserFromZoom = (user: ZoomUser): AccountUser => {
  const name =
    user.display_name?.trim() ||
    [user.first_name, user.last_name].filter((part) => part?.trim()).join(' ');
  return {
    id: user.id,
    ...(user.email === undefined ? {} : { email: user.email }),
    ...(name === '' ? {} : { name }),
  };
};

/** "Get a user's profile" (Zoom Phone) as a {@link PhoneProfile}, numbers in E.164. */
export const phoneProfileFromZoom = (user: ZoomPhoneUser): PhoneProfile => ({
  ...(user.id === undefined ? {} : { id: user.id }),
  phoneNumbers: (user.phone_numbers ?? []).flatMap((entry) =>
    entry.number === undefined ? [] : [phoneFromZoom(entry.number)],
  ),
});
