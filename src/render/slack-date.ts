import { createBoundedMemo } from '../bounded-memo.js';
import { safeTimeZone, wallClockMs, ZONE_FORMATTERS_MAX } from '../query/time-zone.js';

/**
 * The ways the app shows a moment: a Slack date token (rendered in each viewer's own time zone)
 * and the fallback text Slack shows where it cannot render the token, written in the same shape.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export const SLACK_DATE_FORMATS = {
  /** "Yesterday at 2:03 PM" (fallback "Nov 26, 2026 at 2:03 PM"): one session on its own. */
  dateTime: {
    token: '{date_short_pretty} at {time}',
    fallback: (p: DateParts) =>
      p.thisYear
        ? `${p.month} ${p.day} at ${p.time}`
        : `${p.month} ${p.day}, ${p.year} at ${p.time}`,
  },
  /** "Yesterday 2:03 PM" (fallback "Nov 26 2:03 PM"): one line of a dense page. */
  compactDateTime: {
    token: '{date_short_pretty} {time}',
    fallback: (p: DateParts) => `${p.month} ${p.day} ${p.time}`,
  },
  /** "Yesterday at 2:03:09 PM": events that may share a minute (the audit trail). */
  dateTimeSeconds: {
    token: '{date_short_pretty} at {time_secs}',
    fallback: (p: DateParts) => `${p.month} ${p.day}, ${p.year} at ${p.timeSeconds}`,
  },
  /** "Nov 26, 2026": a day, one end of a window. */
  day: {
    token: '{date_short}',
    fallback: (p: DateParts) => `${p.month} ${p.day}, ${p.year}`,
  },
  /**
   * "3 hours ago" (fallback "Nov 26, 2:03 PM", the year only when it is not this one): a row's
   * last activity, short so the visible budget goes to names.
   */
  ago: {
    token: '{ago}',
    fallback: (p: DateParts) =>
      p.thisYear ? `${p.month} ${p.day}, ${p.time}` : `${p.month} ${p.day}, ${p.year}`,
  },
  /** "Yesterday" or "Nov 26, 2026" (fallback "Nov 26", the year only when not this one): a day. */
  shortDay: {
    token: '{date_short_pretty}',
    fallback: (p: DateParts) =>
      p.thisYear ? `${p.month} ${p.day}` : `${p.month} ${p.day}, ${p.year}`,
  },
} as const;

/** The pieces a fallback is written from, in the viewer's zone (`Nov`, `26`, `2026`, `2:03 PM`). */
export interface DateParts {
  readonly month: string;
  readonly day: string;
  readonly year: string;
  readonly time: string;
  /** `2:03:09 PM`. */
  readonly timeSeconds: string;
  /** Whether the moment falls in the year it is now, in the same zone (then the year is left out). */
  readonly thisYear: boolean;
}

/**
 * One `Intl.DateTimeFormat` per time zone as Slack names it (at most
 * {@link ZONE_FORMATTERS_MAX}), for the zone's short name in a window's end ("EST"): building
 * one is costly, and a workspace has few zones. Exported so a test can see the bound.
 */
export const fallbackFormatters = createBoundedMemo<string, Intl.DateTimeFormat>(
  ZONE_FORMATTERS_MAX,
);

const newFallbackFormatter = (timeZone: string): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    hour12: true,
    timeZoneName: 'short',
  });

const fallbackFormatter = (requestedZone: string): Intl.DateTimeFormat =>
  fallbackFormatters.get(safeTimeZone(requestedZone), newFallbackFormatter);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/**
 * The pieces, as `en-US` writes them, from the zone's wall clock ({@link wallClockMs}, whose
 * offsets are remembered), not from a formatter call per date: the costliest step of a page.
 */
export const dateParts = (ms: number, timeZone: string, nowMs?: number): DateParts => {
  const zone = safeTimeZone(timeZone);
  const wall = new Date(wallClockMs(ms, zone));
  const year = String(wall.getUTCFullYear());
  const hours = wall.getUTCHours();
  const clock = `${hours % 12 || 12}:${twoDigits(wall.getUTCMinutes())}`;
  const period = hours < 12 ? 'AM' : 'PM';
  return {
    month: MONTHS[wall.getUTCMonth()] ?? '',
    day: String(wall.getUTCDate()),
    year,
    time: `${clock} ${period}`,
    timeSeconds: `${clock}:${twoDigits(wall.getUTCSeconds())} ${period}`,
    thisYear:
      nowMs !== undefined && new Date(wallClockMs(nowMs, zone)).getUTCFullYear() === Number(year),
  };
};

/** The zone's short name at `ms` (`EST`, `GMT+1`), as `en-US` writes it. */
export const zoneName = (ms: number, timeZone: string): string =>
  fallbackFormatter(timeZone)
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value ?? '';

/** A key of {@link SLACK_DATE_FORMATS}. */
export type SlackDateFormat = keyof typeof SLACK_DATE_FORMATS;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export const instantMs = (iso: string): number | undefined => {
  if (!ISO_INSTANT.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * `<!date^UNIX^{format}|fallback>` for an ISO instant (Zoom's `2022-03-25T02:11:27Z`), so every
 * viewer reads it in their own Slack time zone. The fallback, shown by clients that cannot render
 * the token, is computed in `fallbackTimeZone` (the viewer's zone, from `RenderContext`).
 * `undefined` when `iso` is not an instant with a zone, so the caller can say "unknown". With
 * `now`, a fallback of this year leaves the year out.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export const slackDate = (
  iso: string,
  format: SlackDateFormat,
  fallbackTimeZone: string,
  now?: Date,
): string | undefined => {
  const ms = instantMs(iso);
  if (ms === undefined) return undefined;
  const { token, fallback } = SLACK_DATE_FORMATS[format];
  const parts = dateParts(ms, fallbackTimeZone, now?.getTime());
  return `<!date^${Math.floor(ms / 1000)}^${token}|${fallback(parts)}>`;
};
