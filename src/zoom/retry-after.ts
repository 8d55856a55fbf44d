const DELAY_SECONDS = /^\d+(?:\.\d+)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Turns a `Retry-After` header into how many milliseconds to wait from `now`.
 *
 * Zoom sends delay-seconds on the per-second limit and a date on the daily limit
 * (https://developers.zoom.us/docs/api/rest/rate-limits/); HTTP allows seconds or an
 * IMF-fixdate (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after). All three are read,
 * ISO 8601 date-times only with an explicit offset (a zone-less time depends on the zone).
 * A date in the past means "now" (`0`). Anything else, or no header, is `undefined`: what to do
 * without a hint is the caller's policy, not this parser's.
 */
export const parseRetryAfter = (header: string | null, now: Date): number | undefined => {
  const value = header?.trim();
  if (!value) return undefined;
  if (DELAY_SECONDS.test(value)) return Math.ceil(Number(value) * 1000);
  if (!ISO_DATE_TIME.test(value) && !IMF_FIXDATE.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
};
