/**
 * Facts about Zoom that its OpenAPI documents do not carry, kept as data so the code and the
 * tests read one typed source instead of prose. Each group names where Zoom states it.
 */

/**
 * Error bodies Zoom documents outside the SMS operations' own error tables: the access token,
 * scope and licence errors every Phone call can answer, and the rate limit.
 * Sources: https://developers.zoom.us/docs/api/rest/error-codes/ and
 * https://developers.zoom.us/docs/api/rest/rate-limits/
 */
export const ZOOM_DOCUMENTED_ERRORS = [
  { status: 401, code: 124, message: 'Invalid access token.' },
  { status: 400, code: 4711, message: 'Invalid access token, does not contain scopes' },
  { status: 403, code: 2031, message: 'Zoom Phone has not been enabled for this account.' },
  { status: 429, code: 429, message: 'You have reached the maximum per-second rate limit' },
] as const;

/**
 * Server-to-Server OAuth: the token endpoint's error body and the token's lifetime.
 * Source: https://developers.zoom.us/docs/internal-apps/s2s-oauth/
 */
export const ZOOM_OAUTH = {
  tokenLifetimeSeconds: 3600,
  invalidClient: { error: 'invalid_client', reason: 'Invalid client_id or client_secret' },
} as const;

/**
 * Rate limits of the SMS list operation (label HEAVY; budget for HEAVY even where newer specs say
 * MEDIUM), per account and shared by every app and replica of it.
 * Source: https://developers.zoom.us/docs/api/rest/rate-limits/
 */
export const ZOOM_RATE_LIMITS = {
  pro: { perSecond: 5, perDay: 15_000 },
  businessPlus: { perSecond: 10, perDay: 30_000 },
} as const;

/**
 * Lifetime of a list operation's `next_page_token`.
 * Source: the operation's own description in spec/zoom/phone-sms-openapi.json.
 */
export const ZOOM_PAGE_TOKEN_LIFETIME_MS = 15 * 60_000;
