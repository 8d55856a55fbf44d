import { z } from 'zod';
import type { Instant, PhoneNumber } from '../domain/sms.js';
import { AppError } from '../errors.js';
import { mapZoomError, type ZoomErrorContext } from './map-error.js';
import type { ZoomRequest } from './zoom-request.js';

/**
 * Zoom's cap on one text: "Maximum length is 500 characters" (`message` of `POST
 * /phone/sms/messages`, spec/zoom/phone-sms-events-and-send.json). Counted in characters as a
 * person sees them (code points), not UTF-16 units.
 */
export const SMS_MAX_CHARS = 500;

/** Zoom's cap on `to_members` (`maxItems: 10`). */
export const SMS_MAX_RECIPIENTS = 10;

/** E.164: `+`, a country code that does not start with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{1,14}$/;

/** One text to send, in the app's own terms. */
export interface SmsSendRequest {
  /** The number of the session's owner (a user, call queue or auto receptionist), E.164. */
  readonly from: PhoneNumber;
  /** The session's other participants, E.164, 1 to {@link SMS_MAX_RECIPIENTS}. */
  readonly to: readonly PhoneNumber[];
  readonly text: string;
  /** Zoom's session id, so the text continues that conversation. */
  readonly sessionId?: string;
}

/**
 * What Zoom said about a text it accepted. Every field may be missing: Zoom marks none as
 * required, and a send that Zoom accepted must never be reported as failed because its answer
 * was thin.
 */
export interface SmsSendResult {
  readonly messageId?: string;
  readonly sessionId?: string;
  readonly sentAt?: Instant;
}

/** 201 body of `POST /phone/sms/messages`: `{ date_time, message_id, session_id }`. */
export const zoomSmsSentSchema = z.object({
  /** UTC, e.g. `2022-01-17T08:13:27Z`. */
  date_time: z.string().optional(),
  message_id: z.string().optional(),
  session_id: z.string().optional(),
});

/** The 201 as the client reads it: a body that is not the documented one reads as empty. */
const sentAnswerSchema = zoomSmsSentSchema.catch({});

/** Characters as a person counts them (an emoji is one). */
export const smsLength = (text: string): number => [...text].length;

/** Whether `number` is E.164, the only form the send operation accepts (else error 316). */
export const isE164 = (number: string): boolean => E164.test(number);

/**
 * The send operation's error codes (its 400 table in spec/zoom/phone-sms-events-and-send.json):
 * 7001 "Phone number is not valid" and 316 "does not conform to the E.164 standard" are the
 * conversation's numbers; 300 "Unsupported content type" and the attachment codes are our
 * request's fault. 429, 401/124 and 4711 mean what they mean for every call.
 */
const INVALID_NUMBER_CODES: ReadonlySet<number> = new Set([7001, 316]);
const OUR_FAULT_CODES: ReadonlySet<number> = new Set([300, 121, 138, 140]);
const SHARED_CODES: ReadonlySet<number> = new Set([124, 2001, 2031, 4711, 429]);

/**
 * Translates a refused send once, at the boundary. Zoom publishes no code for an opted-out
 * recipient or an expired session, so any other 4xx becomes `SMS_REFUSED` carrying Zoom's own
 * sentence (`detail.zoomMessage`) for the person who tried to send; the log keeps the code only.
 */
export const mapSendError = (context: ZoomErrorContext): AppError => {
  const zoomCode = context.body?.code;
  const detail = {
    status: context.status,
    ...(zoomCode === undefined ? {} : { zoomCode }),
  };
  const label = zoomCode === undefined ? `${context.status}` : `${context.status}/${zoomCode}`;
  if (zoomCode !== undefined && INVALID_NUMBER_CODES.has(zoomCode)) {
    return new AppError('SMS_INVALID_NUMBER', `Zoom answered ${label}: invalid number`, {
      cause: context.body,
      detail,
    });
  }
  if (zoomCode !== undefined && OUR_FAULT_CODES.has(zoomCode)) {
    return new AppError('INTERNAL', `Zoom answered ${label}: the send request was malformed`, {
      cause: context.body,
      detail,
    });
  }
  const shared = zoomCode !== undefined && SHARED_CODES.has(zoomCode);
  const refused = context.status >= 400 && context.status < 500 && context.status !== 429;
  if (!shared && refused && context.status !== 401) {
    const message = context.body?.message?.trim();
    return new AppError('SMS_REFUSED', `Zoom answered ${label}: send refused`, {
      cause: context.body,
      detail: { ...detail, ...(message ? { zoomMessage: message } : {}) },
    });
  }
  return mapZoomError(context);
};

/**
 * The request of "Post SMS message" (`POST /phone/sms/messages`), checked against the spec
 * before anything leaves the app: E.164 numbers, 1 to 10 recipients, 1 to 500 characters.
 * Not idempotent: Zoom takes no idempotency key, so the client never repeats it after an answer
 * that leaves the outcome unknown (see `ZoomRequest.idempotent`).
 * @throws AppError `SMS_TOO_LONG` over 500 characters; `INTERNAL` for a number that is not
 * E.164 or a recipient count out of range (the app builds those, never a person).
 */
export const sendSmsRequest = (request: SmsSendRequest): ZoomRequest<SmsSendResult> => {
  const length = smsLength(request.text);
  if (length > SMS_MAX_CHARS) {
    throw new AppError('SMS_TOO_LONG', `Text of ${length} characters`, {
      detail: { limit: SMS_MAX_CHARS, length },
    });
  }
  if (request.text.trim() === '') throw new AppError('INTERNAL', 'Refusing to send an empty text');
  const numbers = [request.from, ...request.to];
  if (!numbers.every(isE164)) throw new AppError('INTERNAL', 'A number to text is not E.164');
  if (request.to.length < 1 || request.to.length > SMS_MAX_RECIPIENTS) {
    throw new AppError('INTERNAL', `A text needs 1 to ${SMS_MAX_RECIPIENTS} recipients`);
  }
  return {
    template: '/phone/sms/messages',
    path: '/phone/sms/messages',
    method: 'POST',
    idempotent: false,
    mapError: mapSendError,
    body: {
      sender: { phone_number: request.from },
      to_members: request.to.map((phoneNumber) => ({ phone_number: phoneNumber })),
      message: request.text,
      ...(request.sessionId === undefined ? {} : { session_id: request.sessionId }),
    },
    schema: sentAnswerSchema.transform(
      (body): SmsSendResult => ({
        ...(body.message_id ? { messageId: body.message_id } : {}),
        ...(body.session_id ? { sessionId: body.session_id } : {}),
        ...(body.date_time ? { sentAt: body.date_time } : {}),
      }),
    ),
  };
};
