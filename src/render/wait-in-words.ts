import { slackDate } from './slack-date.js';
import type { RenderContext } from './types.js';

/** "1 second", "25 seconds", "3 minutes", "2 hours": a wait rounded to the unit that reads best. */
const durationInWords = (ms: number): string => {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 90) return plural(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return plural(minutes, 'minute');
  return plural(Math.round(minutes / 60), 'hour');
};

/**
 * "in about 25 seconds", with the time it ends in the viewer's own zone from `clockFromMs` of
 * waiting on ("in about 3 hours (Today at 5:00 PM)"); "in a minute" when the wait is unknown.
 */
const waitInWords = (
  retryAfterMs: number | undefined,
  ctx: RenderContext,
  clockFromMs: number,
): string => {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return 'in a minute';
  const about = `in about ${durationInWords(retryAfterMs)}`;
  if (retryAfterMs < clockFromMs) return about;
  const at = slackDate(
    new Date(ctx.now.getTime() + retryAfterMs).toISOString(),
    'dateTime',
    ctx.timeZone,
  );
  return at === undefined ? about : `${about} (${at})`;
};

/**
 * "in about 25 seconds": when a request to Zoom may be made again, for a limit the whole app
 * hit (Zoom's own). From an hour on, the time it lifts follows in the viewer's own zone ("in
 * about 3 hours (Today at 5:00 PM)"); "in a minute" when Zoom said nothing usable.
 * https://developers.zoom.us/docs/api/rest/rate-limits/
 */
export const retryWhen = (retryAfterMs: number | undefined, ctx: RenderContext): string =>
  waitInWords(retryAfterMs, ctx, 3_600_000);

/**
 * "in about 25 seconds (Today at 2:03 PM)": when a person may go on after using up their own
 * share, always with the time in their own zone; "in a minute" when the wait is unknown.
 */
export const goOnWhen = (retryAfterMs: number | undefined, ctx: RenderContext): string =>
  waitInWords(retryAfterMs, ctx, 0);
