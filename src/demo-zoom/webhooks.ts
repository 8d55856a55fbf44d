import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { zoomSignature } from '../zoom-events/signature.js';
import type { DemoAttachment, DemoContact, DemoLine, DemoUser } from './types.js';

/** Zoom's account id the demo Zoom's events carry unless told otherwise. */
export const DEMO_ACCOUNT_ID = 'demo-account-0001';

/** One text for {@link buildSmsEvent}: who owns the line, who wrote, and what. */
export interface DemoSmsEventInput {
  /**
   * `received`: the contact wrote to the line; `sent`: the line wrote to the contact; `failed`:
   * the line wrote to the contact and Zoom could not send it (`phone.sms_sent_failed`).
   */
  readonly kind: 'received' | 'sent' | 'failed';
  /** The user or shared line (call queue, auto receptionist) the session belongs to. */
  readonly owner: DemoUser | DemoLine;
  /** For a shared line: the member who received (or sent) the text. */
  readonly member?: DemoUser;
  readonly contact: DemoContact;
  readonly sessionId: string;
  /** Zoom's message id; a fresh one when absent. */
  readonly messageId?: string;
  /** UTC instant, `YYYY-MM-DDTHH:mm:ssZ`. */
  readonly at: string;
  readonly text: string;
  readonly attachments?: readonly DemoAttachment[];
  readonly accountId?: string;
  /**
   * `sent` and `failed` only: why the send failed. A `sent` event always carries the field (`''`
   * when nothing failed); a `failed` one only when given, as the spec makes it optional there.
   */
  readonly failureReason?: string;
}

const isLine = (owner: DemoUser | DemoLine): owner is DemoLine => 'kind' in owner;

const OWNER_TYPES = { call_queue: 'callQueue', auto_receptionist: 'autoReceptionist' } as const;

const digits = (phoneNumber: string): string => phoneNumber.replace(/\D/g, '');

const EVENT_NAMES = {
  received: 'phone.sms_received',
  sent: 'phone.sms_sent',
  failed: 'phone.sms_sent_failed',
} as const;

/** The `failure_reason` of each kind: always on `sent`, when given on `failed`, never on `received`. */
const failureReasonOf = (input: DemoSmsEventInput): { failure_reason?: string } => {
  if (input.kind === 'sent') return { failure_reason: input.failureReason ?? '' };
  return input.kind === 'failed' && input.failureReason !== undefined
    ? { failure_reason: input.failureReason }
    : {};
};

/**
 * A `phone.sms_received`, `phone.sms_sent` or `phone.sms_sent_failed` body exactly as Zoom's
 * Phone webhook reference shapes it (spec/zoom/phone-sms-events-and-send.json; a test holds it
 * to the spec): numbers as digits with a country code, `owner.team_id` for a shared line's
 * received text and `owner.sms_sender_user_id` for its sent (or failed) one.
 * https://developers.zoom.us/docs/api/phone/events/
 */
export const buildSmsEvent = (input: DemoSmsEventInput): Record<string, unknown> => {
  const line = isLine(input.owner) ? input.owner : undefined;
  const user = line === undefined ? (input.owner as DemoUser) : input.member;
  const accountNumber = digits(line?.phoneNumber ?? user?.phoneNumber ?? '');
  const contact = {
    phone_number: digits(input.contact.phoneNumber),
    ...(input.contact.name === undefined ? {} : { display_name: input.contact.name }),
  };
  const received = input.kind === 'received';
  /** The account's side as a person: the spec types it `user` (a line's member, when named). */
  const sentBy = {
    phone_number: accountNumber,
    ...(user === undefined ? {} : { id: user.id, type: 'user', display_name: user.displayName }),
  };
  const owner =
    line === undefined
      ? { type: 'user', id: user?.id ?? '' }
      : received
        ? { type: OWNER_TYPES[line.kind], id: input.member?.id ?? line.id, team_id: line.id }
        : {
            type: OWNER_TYPES[line.kind],
            id: line.id,
            ...(input.member === undefined ? {} : { sms_sender_user_id: input.member.id }),
          };
  return {
    event: EVENT_NAMES[input.kind],
    event_ts: Date.parse(input.at),
    payload: {
      account_id: input.accountId ?? DEMO_ACCOUNT_ID,
      object: {
        ...failureReasonOf(input),
        sender: received ? contact : sentBy,
        to_members: [received ? { ...sentBy, is_message_owner: true } : contact],
        owner,
        message: input.text,
        attachments: (input.attachments ?? []).map((file) => ({
          id: file.id,
          size: file.size,
          name: file.name,
          type: file.type.toLowerCase(),
          download_url: `https://zoom.us/v2/phone/sms/attachments/${file.id}`,
        })),
        session_id: input.sessionId,
        message_id: input.messageId ?? randomUUID(),
        message_type: (input.attachments?.length ?? 0) > 0 ? 2 : 1,
        date_time: input.at,
      },
    },
  };
};

/**
 * Zoom's headers for a webhook body: `x-zm-request-timestamp` (seconds) and `x-zm-signature`
 * (`v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}` with the Secret Token).
 */
export const signedZoomHeaders = (
  secretToken: string,
  body: string,
  now: Date,
): Record<string, string> => {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-zm-request-timestamp': timestamp,
    'x-zm-signature': zoomSignature(secretToken, timestamp, body),
  };
};

/** Where and how {@link emitSmsEvent} posts. */
export interface EmitOptions {
  /** The app's `POST /zoom/events` URL. */
  readonly url: string;
  /** The Secret Token the app was given (`ZOOM_WEBHOOK_SECRET_TOKEN`). */
  readonly secretToken: string;
  readonly clock?: Clock;
  readonly fetch?: typeof fetch;
}

/**
 * Posts one signed SMS event to the app, as Zoom delivers it (the demo Zoom's webhook: the
 * playground's "a customer texts…", and the echo of a text sent from Slack). Resolves with the
 * app's answer and the message id the event carried.
 */
export const emitSmsEvent = async (
  options: EmitOptions,
  input: DemoSmsEventInput,
): Promise<{ readonly status: number; readonly messageId: string }> => {
  const event = buildSmsEvent(input);
  const body = JSON.stringify(event);
  const now = options.clock?.now() ?? new Date();
  const response = await (options.fetch ?? fetch)(options.url, {
    method: 'POST',
    headers: signedZoomHeaders(options.secretToken, body, now),
    body,
  });
  await response.arrayBuffer();
  const object = (event.payload as { object: { message_id: string } }).object;
  return { status: response.status, messageId: object.message_id };
};
