/**
 * Every failure the app knows how to explain. Vendor errors are translated into one of these
 * once, at the adapter boundary; listeners switch on `code`, never on an HTTP status. The text a
 * person reads for each code lives in `src/render/error-explanation.ts`.
 */
export type ErrorCode =
  /** The command text or a filter could not be understood (see {@link InvalidArgsReason}). */
  | 'INVALID_ARGS'
  /** The person asked for someone else's sessions without being an admin. */
  | 'FORBIDDEN'
  /** An admin command (`link`, `unlink`, `who`, `audit`) from someone who is not an admin. */
  | 'ADMIN_ONLY'
  /**
   * The person or the request is from another Slack workspace or organization (Slack Connect,
   * `is_stranger`): no admin rights, and only their own sessions through an admin's link.
   */
  | 'OUTSIDE_WORKSPACE'
  /** Slack does not know the person named (`users.info` → `user_not_found`). */
  | 'SLACK_USER_NOT_FOUND'
  /** The Slack person has no email on their profile, so no Zoom user can be found. */
  | 'NOT_LINKED'
  /** Zoom 404 / 1001: no Zoom user with that id or email. */
  | 'ZOOM_USER_NOT_FOUND'
  /** Zoom 400 / 300: the user id is not valid. */
  | 'ZOOM_INVALID_USER'
  /** Zoom 403 / 2031 (or similar): the user has no Zoom Phone. */
  | 'ZOOM_PHONE_NOT_ENABLED'
  /** Zoom 404 / 7012: Zoom could not retrieve the SMS sessions. */
  | 'ZOOM_SMS_ERROR'
  /** Zoom 4711: the Server-to-Server app lacks scopes (named in `detail.scopes`). */
  | 'ZOOM_MISSING_SCOPES'
  /** The Zoom credentials were refused (token endpoint, 401/124 twice, 404/2001). */
  | 'ZOOM_AUTH'
  /** Zoom 429; `detail.retryAfterMs` says when to try again when Zoom told us. */
  | 'ZOOM_RATE_LIMITED'
  /**
   * One person asked for more than their share of Zoom (src/zoom/person-allowance.ts): their
   * burst (`detail.rateLimit` `per-second`) or their daily share (`daily`); `detail.retryAfterMs`
   * says when they may go on, `detail.limit` how many requests the allowance holds.
   */
  | 'SLOW_DOWN'
  /** The app is shutting down (SIGTERM) before the request reached Zoom; another try will do. */
  | 'APP_RESTARTING'
  /** Zoom 5xx, network error or timeout, after bounded retries. */
  | 'ZOOM_UNAVAILABLE'
  /** Zoom answered with a body that does not match its specification. */
  | 'ZOOM_BAD_RESPONSE'
  /** Zoom 400 / "The next page token is invalid or expired." (tokens live 15 minutes). */
  | 'PAGE_EXPIRED'
  /** A button value or view metadata could not be read (edited, truncated or from an old version). */
  | 'BAD_BUTTON'
  /** A Share action (an old or forged one) while `SHARE_ENABLED=false`. */
  | 'SHARE_DISABLED'
  /** Slack refused to post in the channel; `detail.value` is Slack's error (`not_in_channel`, …). */
  | 'SLACK_CANNOT_POST'
  /** Slack refused the CSV upload or the direct message it goes to; `detail.value` is Slack's error. */
  | 'SLACK_UPLOAD_FAILED'
  /** A reply is longer than Zoom's 500 characters (`detail.limit`, `detail.length`); nothing was sent. */
  | 'SMS_TOO_LONG'
  /** Zoom 7001 or 316: a number of the conversation is not one Zoom can text; nothing was sent. */
  | 'SMS_INVALID_NUMBER'
  /**
   * Zoom refused a send for a reason it names only in words (an opted-out recipient, an expired
   * session, a number that may not text): `detail.zoomMessage` is Zoom's own sentence.
   */
  | 'SMS_REFUSED'
  /**
   * A request that changes something (a send) got no clear answer (timeout, dropped connection,
   * 5xx): Zoom may or may not have acted, so it is not repeated.
   */
  | 'ZOOM_UNCONFIRMED'
  /** The person may not reply in this conversation (`detail.refusal` says why); nothing was sent. */
  | 'REPLY_FORBIDDEN'
  /**
   * The conversation's recent messages do not show who is in it (none in the past month), so
   * there is nobody to reply to from Slack; nothing was sent.
   */
  | 'REPLY_UNAVAILABLE'
  /** Anything else: a bug. The person gets an apology, the log gets the stack. */
  | 'INTERNAL';

/** Why command arguments were refused; each has its own sentence in the renderer. */
export type InvalidArgsReason =
  | 'unknown-option'
  | 'unexpected-word'
  | 'duplicate-option'
  | 'missing-value'
  | 'unclosed-quote'
  | 'bad-date'
  | 'bad-type'
  | 'bad-filter'
  | 'bad-phone'
  | 'bad-size'
  | 'bad-target'
  | 'from-after-to'
  | 'range-over-cap'
  | 'since-with-dates'
  | 'bad-since'
  | 'from-in-future'
  | 'missing-person'
  | 'missing-zoom-user'
  | 'bad-zoom-user'
  | 'bad-count'
  | 'bad-notify'
  | 'missing-line'
  | 'missing-channel'
  | 'bad-channel'
  | 'bad-reply';

/**
 * Why a reply was refused (`REPLY_FORBIDDEN`): the session is a person's and the replier is not
 * that person; a queue's or receptionist's session has no route, or a route that lets nobody
 * reply, or a list or channel the replier is not on; the conversation is not one the app knows.
 */
export type ReplyRefusal =
  | 'not-owner'
  | 'no-route'
  | 'route-nobody'
  | 'not-on-reply-list'
  | 'not-channel-member'
  | 'unknown-conversation';

/** Facts a renderer needs to explain an error; every field is optional and safe to show. */
export interface ErrorDetail {
  readonly reason?: InvalidArgsReason;
  /** Why a reply was refused. */
  readonly refusal?: ReplyRefusal;
  /** The offending value as the person typed it. */
  readonly value?: string;
  /** The option the value belongs to (`from`, `type`, …). */
  readonly option?: string;
  /** The nearest valid option or value, for "did you mean …?". */
  readonly suggestion?: string;
  /** Zoom scopes the app is missing. */
  readonly scopes?: readonly string[];
  /** How long Zoom asked us to wait. */
  readonly retryAfterMs?: number;
  /** Which of Zoom's limits `ZOOM_RATE_LIMITED` is about: the day's budget or requests a second. */
  readonly rateLimit?: 'daily' | 'per-second';
  /** The Zoom user (email or id) the error is about. */
  readonly zoomUser?: string;
  /** Zoom's own error code, for the admin-facing part of a message and the log. */
  readonly zoomCode?: number;
  /** HTTP status from Zoom, for the log. */
  readonly status?: number;
  /** A limit that was exceeded (months in a range, page size, characters in a text). */
  readonly limit?: number;
  /** How long the refused input was (characters in a reply). */
  readonly length?: number;
  /**
   * Zoom's own words for a refusal it has no documented code for. Shown only to the person who
   * made the request; never logged (it may name a phone number).
   */
  readonly zoomMessage?: string;
}

/** The one error type the app throws on purpose. `cause` keeps the original for the log. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly detail: ErrorDetail;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; detail?: ErrorDetail } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.detail = options.detail ?? {};
  }
}

/** Narrows anything caught to an {@link AppError}, wrapping unknown failures as `INTERNAL`. */
export const toAppError = (error: unknown): AppError =>
  error instanceof AppError
    ? error
    : new AppError('INTERNAL', error instanceof Error ? error.message : 'Unknown error', {
        cause: error,
      });

/** Shorthand for refusing command input. */
export const invalidArgs = (
  reason: InvalidArgsReason,
  detail: Omit<ErrorDetail, 'reason'> = {},
): AppError =>
  new AppError('INVALID_ARGS', `Invalid arguments: ${reason}`, { detail: { reason, ...detail } });
