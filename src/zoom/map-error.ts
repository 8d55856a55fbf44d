import { AppError, type ErrorCode, type ErrorDetail } from '../errors.js';
import type { ZoomErrorBody } from './schemas.js';

/** What is known about one refused Zoom API request. */
export interface ZoomErrorContext {
  readonly status: number;
  /** Zoom's `{ code, message }` body, when the body was one. */
  readonly body: ZoomErrorBody | undefined;
  /** Whether the request carried a `next_page_token` (only then can a 400 mean an expired page). */
  readonly pageTokenSent: boolean;
  /** From `Retry-After`, already parsed (see `parseRetryAfter`). */
  readonly retryAfterMs?: number;
  /** The Zoom user id or email the request was about, for the person-facing message. */
  readonly zoomUser?: string;
}

type Verdict = readonly [code: ErrorCode, summary: string];

/**
 * Zoom error codes that mean the same whatever the HTTP status. Sources: the operations' error
 * tables in spec/zoom/phone-sms-openapi.json (300, 1001, 1120, 2001, 7012, 7013) and
 * https://developers.zoom.us/docs/api/rest/error-definitions/ (124, 2031, 4711), as collected
 * in src/zoom/platform-facts.ts.
 */
const BY_ZOOM_CODE: ReadonlyMap<number, Verdict> = new Map<number, Verdict>([
  [124, ['ZOOM_AUTH', 'invalid or expired access token']],
  [300, ['ZOOM_INVALID_USER', 'invalid user id']],
  [1001, ['ZOOM_USER_NOT_FOUND', 'user does not exist']],
  [1120, ['ZOOM_USER_NOT_FOUND', 'no valid invitation to the account for this user']],
  [2001, ['ZOOM_AUTH', 'account does not exist']],
  [2031, ['ZOOM_PHONE_NOT_ENABLED', 'Zoom Phone is not enabled']],
  [4711, ['ZOOM_MISSING_SCOPES', 'access token lacks scopes']],
  [7012, ['ZOOM_SMS_ERROR', 'error retrieving SMS']],
  [7013, ['ZOOM_SMS_ERROR', 'error retrieving SMS history']],
]);

const PHONE_NOT_ENABLED = /zoom phone|not enabled/i;
const PAGE_TOKEN_REFUSED = /next.?page.?token/i;
const SCOPE_LIST = /scopes?\s*:?\s*\[([^\]]*)\]/i;

const judge = ({ status, body, pageTokenSent }: ZoomErrorContext): Verdict => {
  const known = body?.code === undefined ? undefined : BY_ZOOM_CODE.get(body.code);
  if (known) return known;
  const message = body?.message ?? '';
  if (status === 429) return ['ZOOM_RATE_LIMITED', 'too many requests'];
  if (status >= 500) return ['ZOOM_UNAVAILABLE', 'Zoom failed to answer'];
  if (status === 401) return ['ZOOM_AUTH', 'access token refused'];
  if (status === 403 && PHONE_NOT_ENABLED.test(message)) {
    return ['ZOOM_PHONE_NOT_ENABLED', 'Zoom Phone is not enabled'];
  }
  if (status === 403) return ['ZOOM_AUTH', 'the app may not do this in this account'];
  if (status === 400 && body?.code === 400 && pageTokenSent && PAGE_TOKEN_REFUSED.test(message)) {
    return ['PAGE_EXPIRED', 'next page token invalid or expired'];
  }
  return ['INTERNAL', 'Zoom refused a request it should have accepted'];
};

const missingScopes = (message: string | undefined): readonly string[] | undefined => {
  const list = message?.match(SCOPE_LIST)?.[1];
  const scopes = list?.split(/[\s,]+/).filter((scope) => scope !== '');
  return scopes && scopes.length > 0 ? scopes : undefined;
};

/**
 * Translates a refused Zoom API request into the app's {@link AppError}, once, at the adapter
 * boundary (listeners switch on `code`, never on a status). Zoom's own code decides first when it
 * is one we know, since it is more specific than the status; then the status does:
 *
 * - `429` → `ZOOM_RATE_LIMITED` (with `retryAfterMs` when Zoom said), `5xx` → `ZOOM_UNAVAILABLE`;
 * - `401` → `ZOOM_AUTH` (the client has already retried once with a fresh token);
 * - `403` naming Zoom Phone or "not enabled" → `ZOOM_PHONE_NOT_ENABLED`; any other `403` is a
 *   permission the app's Zoom account lacks → `ZOOM_AUTH` (an admin must fix the configuration);
 * - `400`/`400` about the next page token, when one was sent → `PAGE_EXPIRED` (tokens live
 *   15 minutes);
 * - anything else → `INTERNAL`: every parameter is validated before the call, so an unforeseen
 *   `400` (e.g. "SMS session type is invalid") or `404` means our request was wrong. It is a bug
 *   to fix, not something Zoom's answer can explain to the person; the log gets status, code and
 *   Zoom's body.
 *
 * `detail` always carries `status` and, when Zoom sent one, `zoomCode`; `cause` is Zoom's body.
 * The message names status, code and a summary but never Zoom's text, which can hold an email.
 * @see https://developers.zoom.us/docs/api/rest/error-definitions/
 */
export const mapZoomError = (context: ZoomErrorContext): AppError => {
  const [code, summary] = judge(context);
  const zoomCode = context.body?.code;
  const scopes = code === 'ZOOM_MISSING_SCOPES' ? missingScopes(context.body?.message) : undefined;
  const detail: ErrorDetail = {
    status: context.status,
    ...(zoomCode === undefined ? {} : { zoomCode }),
    ...(scopes === undefined ? {} : { scopes }),
    ...(context.retryAfterMs === undefined ? {} : { retryAfterMs: context.retryAfterMs }),
    ...(context.zoomUser === undefined ? {} : { zoomUser: context.zoomUser }),
  };
  const label = zoomCode === undefined ? `${context.status}` : `${context.status}/${zoomCode}`;
  return new AppError(code, `Zoom answered ${label}: ${summary}`, {
    cause: context.body,
    detail,
  });
};
