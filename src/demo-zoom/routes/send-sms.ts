import { createHash } from 'node:crypto';
import type { DatasetIndex, IndexedSession } from '../dataset-index.js';
import { type DemoResponse, validationError, zoomError } from '../responses.js';
import type { DemoMessage, DemoSession } from '../types.js';
import { toZoomTime } from '../zoom-time.js';

/** `message`: "Maximum length is 500 characters." */
const MAX_MESSAGE_CHARS = 500;

/** `to_members`: `maxItems: 10`. */
const MAX_RECIPIENTS = 10;

/** `attachments`: `maxItems: 10`, of these types. */
const MAX_ATTACHMENTS = 10;
const ATTACHMENT_TYPES = ['PNG', 'JPEG', 'JPG', 'GIF', 'PDF'];

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * The number the demo Zoom cannot text (digits, as every demo number; area code 555 is none of
 * the demo contacts', so no demo conversation has it): a send to it is accepted (201, as Zoom
 * accepts a send before the carrier has its say) and then fails, so the playground can show
 * `phone.sms_sent_failed`.
 */
export const DEMO_UNREACHABLE_NUMBER = '15555550199';

/** Why a send to {@link DEMO_UNREACHABLE_NUMBER} failed, as the demo's `failure_reason`. */
export const DEMO_UNREACHABLE_REASON = "The recipient's number cannot receive text messages.";

/** One text the demo accepted, as a test or the playground wants to see it. */
export interface DemoSentText {
  readonly messageId: string;
  readonly sessionId: string;
  /** Zoom's digits-only form, as every other demo number. */
  readonly senderNumber: string;
  readonly recipientNumbers: readonly string[];
  readonly text: string;
  readonly at: string;
  /** The user, call queue or auto receptionist the sender number belongs to. */
  readonly owner: { readonly type: DemoSession['type']; readonly id: string };
  /** Set when the text could not be sent (a recipient is {@link DEMO_UNREACHABLE_NUMBER}). */
  readonly failureReason?: string;
}

/** What `POST /phone/sms/messages` works with. */
export interface SendSmsContext {
  readonly index: DatasetIndex;
  readonly nowMs: number;
  readonly contentType: string | undefined;
  readonly body: string;
  /** A counter the message id derives from, so the same run gives the same ids. */
  readonly sequence: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parse = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

const messageId = (sequence: number, sessionId: string): string => {
  const hex = createHash('sha256').update(`sms:${sessionId}:${sequence}`).digest('hex');
  const upper = hex.toUpperCase();
  return `${upper.slice(0, 8)}-${upper.slice(8, 12)}-${upper.slice(12, 16)}-${upper.slice(16, 20)}-${upper.slice(20, 32)}`;
};

const newSessionId = (ownerId: string, contacts: readonly string[]): string =>
  createHash('sha256')
    .update(`session:${ownerId}|${[...contacts].sort().join(',')}`)
    .digest('hex')
    .slice(0, 32);

const E164_ERROR = () =>
  zoomError(400, 316, 'The phone number does not conform to the E.164 standard.');

const checkAttachments = (attachments: unknown): DemoResponse | undefined => {
  if (attachments === undefined) return undefined;
  if (!Array.isArray(attachments) || attachments.length > MAX_ATTACHMENTS) {
    return validationError('attachments', `must be an array of at most ${MAX_ATTACHMENTS}`);
  }
  for (const item of attachments) {
    if (!isObject(item) || item.type === undefined) {
      return zoomError(400, 138, 'Missing content type for SMS attachment.');
    }
    if (typeof item.type !== 'string' || !ATTACHMENT_TYPES.includes(item.type)) {
      return zoomError(400, 121, 'Unsupported content type for SMS attachments.');
    }
  }
  return undefined;
};

interface ValidSend {
  readonly sender: string;
  readonly recipients: readonly string[];
  readonly text: string;
  readonly sessionId: string | undefined;
}

const validate = (context: SendSmsContext): ValidSend | DemoResponse => {
  if (!context.contentType?.toLowerCase().startsWith('application/json')) {
    return zoomError(400, 300, 'Unsupported content type.');
  }
  const body = parse(context.body);
  if (!isObject(body)) return zoomError(400, 300, 'Request Body should be a valid JSON object.');
  const { sender, to_members: toMembers, message, session_id: sessionId } = body;
  if (!isObject(sender) || typeof sender.phone_number !== 'string') {
    return validationError('sender.phone_number', 'is required');
  }
  if (!Array.isArray(toMembers) || toMembers.length === 0) {
    return validationError('to_members', 'is required');
  }
  if (toMembers.length > MAX_RECIPIENTS) {
    return validationError('to_members', `must have at most ${MAX_RECIPIENTS} items`);
  }
  const recipients: string[] = [];
  for (const member of toMembers) {
    if (!isObject(member) || typeof member.phone_number !== 'string') {
      return validationError('to_members.phone_number', 'is required');
    }
    recipients.push(member.phone_number);
  }
  if (![sender.phone_number, ...recipients].every((number) => E164.test(number))) {
    return E164_ERROR();
  }
  if (message !== undefined && typeof message !== 'string') {
    return validationError('message', 'must be a string');
  }
  if (typeof message === 'string' && [...message].length > MAX_MESSAGE_CHARS) {
    return validationError('message', `must be at most ${MAX_MESSAGE_CHARS} characters`);
  }
  const attachmentError = checkAttachments(body.attachments);
  if (attachmentError !== undefined) return attachmentError;
  if ((message === undefined || message === '') && body.attachments === undefined) {
    return validationError('message', 'is required when there are no attachments');
  }
  if (sessionId !== undefined && typeof sessionId !== 'string') {
    return validationError('session_id', 'must be a string');
  }
  return {
    sender: sender.phone_number.slice(1),
    recipients: recipients.map((number) => number.slice(1)),
    text: typeof message === 'string' ? message : '',
    sessionId,
  };
};

const conversation = (
  index: DatasetIndex,
  send: ValidSend,
  owner: { type: DemoSession['type']; id: string },
): IndexedSession | DemoResponse | undefined => {
  const found = index.findConversation(owner.id, send.recipients);
  if (send.sessionId === undefined || send.sessionId === found?.session.id) return found;
  return validationError(
    'session_id',
    'is not the session between this sender and these recipients',
  );
};

/**
 * "Post SMS message" (`POST /phone/sms/messages`), as strictly as
 * spec/zoom/phone-sms-events-and-send.json words it: a JSON body; `sender.phone_number` and
 * every `to_members[].phone_number` in E.164 (else 316); 1 to 10 recipients; `message` at most
 * 500 characters; the sender a number of the account, a user's with Zoom Phone, a call queue's or
 * an auto receptionist's (else 7001 "Phone number is not valid."). The text joins the session
 * between that sender and exactly those recipients (a new one when there is none); a `session_id`
 * naming another session is refused. 201 `{ date_time, message_id, session_id }`. A text to
 * {@link DEMO_UNREACHABLE_NUMBER} is accepted too, recorded as `failed_to_send`, and reported
 * with its `failureReason` (the playground then sends `phone.sms_sent_failed`).
 */
export const sendSms = (
  context: SendSmsContext,
): { readonly response: DemoResponse; readonly sent?: DemoSentText } => {
  const send = validate(context);
  if ('status' in send) return { response: send };
  const owner = context.index.lineOfNumber(send.sender);
  if (owner === undefined || send.recipients.some((n) => context.index.lineOfNumber(n))) {
    return { response: zoomError(400, 7001, 'Phone number is not valid.') };
  }
  const found = conversation(context.index, send, owner);
  if (found !== undefined && 'status' in found) return { response: found };
  const at = toZoomTime(Math.floor(context.nowMs / 1000) * 1000);
  const sessionId = found?.session.id ?? newSessionId(owner.id, send.recipients);
  const unreachable = send.recipients.includes(DEMO_UNREACHABLE_NUMBER);
  const message: DemoMessage = {
    id: messageId(context.sequence, sessionId),
    direction: 'out',
    at,
    text: send.text,
    senderNumber: send.sender,
    status: unreachable ? 'failed_to_send' : 'sent',
  };
  const session: DemoSession = found?.session ?? {
    id: sessionId,
    type: owner.type,
    ownerId: owner.id,
    contacts: send.recipients.map((phoneNumber) => ({ phoneNumber })),
    messages: [],
  };
  context.index.record({ ...session, messages: [...session.messages, message] });
  return {
    response: {
      status: 201,
      body: { date_time: at, message_id: message.id, session_id: sessionId },
    },
    sent: {
      messageId: message.id,
      sessionId,
      senderNumber: send.sender,
      recipientNumbers: send.recipients,
      text: send.text,
      at,
      owner,
      ...(unreachable ? { failureReason: DEMO_UNREACHABLE_REASON } : {}),
    },
  };
};
