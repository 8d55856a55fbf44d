import type { SmsSession } from '../domain/sms.js';
import {
  followingCursor,
  listingQuery,
  type PageCursor,
  type RangePosition,
  rangeWindows,
} from '../query/cursor.js';
import { dayjs, safeTimeZone, wallClockMs } from '../query/time-zone.js';
import { DEFAULT_RANGE_DAYS, type WindowNote } from '../query/types.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { subjectName } from './identity-subject.js';
import { describeQuery, type QueryDescription } from './query-description.js';
import { slackDate } from './slack-date.js';
import type { RenderContext, SessionsPageModel } from './types.js';

/** Between the page and how much of the range is left ("June 2026, page 2 · 5 more months to go"). */
const SEPARATOR = ' · ';

const monthAt = (iso: string, range: RangePosition) =>
  dayjs.utc(Date.parse(iso)).tz(range.timeZone);

const windowMonth = (range: RangePosition, window: number): string => {
  const start = rangeWindows(range)[window]?.from;
  return start === undefined ? 'this range' : monthAt(start, range).format('MMMM YYYY');
};

/**
 * The search a listing's frame describes: the whole range the person asked for (in
 * `timeZone`), whatever window of it the page is in. See {@link describeQuery}.
 */
export const describeListing = (cursor: PageCursor, timeZone: string): QueryDescription =>
  describeQuery(listingQuery(cursor), timeZone);

/**
 * Which page this is, in words: "page 3", or for a range asked a month at a time the month
 * (in the zone the range was split in) and the page within it: "June 2026, page 2".
 */
export const pageLabel = (cursor: PageCursor): string =>
  cursor.range === undefined
    ? `page ${cursor.page}`
    : `${windowMonth(cursor.range, cursor.range.window)}, page ${cursor.page}`;

/**
 * The frame's position, safe mrkdwn: "*Page 3*", or for a range asked a month at a time
 * "*June 2026, page 2* · 5 more months to go" ("· last month of the range" at its end).
 */
export const pagePosition = (cursor: PageCursor): string => {
  const label = pageLabel(cursor);
  const bold = `*${label.charAt(0).toUpperCase()}${label.slice(1)}*`;
  if (cursor.range === undefined) return bold;
  const left = rangeWindows(cursor.range).length - 1 - cursor.range.window;
  const tail =
    left === 0 ? 'last month of the range' : `${left} more month${left === 1 ? '' : 's'} to go`;
  return `${bold}${SEPARATOR}${tail}`;
};

/**
 * The months found empty on the way to this page, oldest to newest: "March–May 2026",
 * "November 2025–January 2026", "June 2026"; `undefined` when none were passed over.
 */
export const skippedMonths = (model: SessionsPageModel): string | undefined => {
  const { range } = model.cursor;
  const newest = model.skipped?.[0];
  const oldest = model.skipped?.at(-1);
  if (range === undefined || newest === undefined || oldest === undefined) return undefined;
  const windows = rangeWindows(range);
  const first = windows[oldest];
  const last = windows[newest];
  if (first === undefined || last === undefined) return undefined;
  const start = monthAt(first.from, range);
  const end = monthAt(last.from, range);
  if (start.format('YYYY-MM') === end.format('YYYY-MM')) return end.format('MMMM YYYY');
  return start.year() === end.year()
    ? `${start.format('MMMM')}–${end.format('MMMM YYYY')}`
    : `${start.format('MMMM YYYY')}–${end.format('MMMM YYYY')}`;
};

/**
 * The notes for a page of sessions reached past empty months, so nobody wonders where they
 * went: "No conversations in May–June 2026, so this starts with April 2026." None otherwise.
 */
export const skippedNotes = (model: SessionsPageModel): string[] => {
  const months = skippedMonths(model);
  const { range } = model.cursor;
  if (months === undefined || range === undefined || model.page.sessions.length === 0) return [];
  const here = windowMonth(range, range.window);
  return [`:information_source: No conversations in ${months}, so this starts with ${here}.`];
};

/**
 * What an empty page of a range asked a month at a time says instead of the usual "no
 * conversations" text: the empty months and where Next carries on, when the app stopped
 * passing over them for this click; the empty months and the end of the range, when they ran
 * to its end. `undefined` when the usual text is right: the page has sessions, or the whole
 * range was found empty from its newest month on.
 */
export const skippedBody = (model: SessionsPageModel): string | undefined => {
  const months = skippedMonths(model);
  const { cursor, page } = model;
  if (months === undefined || cursor.range === undefined || page.sessions.length > 0) {
    return undefined;
  }
  const next = followingCursor(cursor, page);
  if (next?.range !== undefined) {
    return `:mag: No conversations in ${months}. *Next* continues with ${windowMonth(next.range, next.range.window)}.`;
  }
  return model.skipped?.[0] === 0
    ? undefined
    : `No more SMS conversations: none in ${months}, and that is the end of the range.`;
};

/** How one surface names the two ways to widen an empty search (command syntax or Home controls). */
export interface WideningWords {
  /** Put before the repeated search, e.g. an emoji. */
  readonly lead: string;
  /** E.g. "`type:all`" in a message, "*All types*" in the Home tab. */
  readonly allTypes: string;
  /** E.g. "no `phone:`" in a message, "an empty phone number" in the Home tab. */
  readonly noPhone: string;
}

/**
 * The body of a listing with no sessions: the end of the list on a later page, else the search
 * repeated (whose, when, type, filter, phone) with what would widen it, in the surface's words.
 */
export const emptyListingText = (
  model: SessionsPageModel,
  described: QueryDescription,
  words: WideningWords,
): string => {
  if (model.cursor.page > 1) return 'No more SMS conversations: this is the end of the list.';
  const phone = described.phone === undefined ? '' : `, with ${described.phone}`;
  const tips = [
    'a wider window',
    ...(model.cursor.query.sessionType === 'all' ? [] : [words.allTypes]),
    ...(described.phone === undefined ? [] : [words.noPhone]),
  ];
  const last = tips.pop();
  const advice = tips.length === 0 ? last : `${tips.join(', ')} or ${last}`;
  return (
    `${words.lead}No SMS conversations for ${subjectName(model.subject)} between ${described.from} and ${described.to} ` +
    `(${described.type}, ${described.filter}${phone}).\nTry ${advice}.`
  );
};

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** Whether the instant reads `hms` (`HH:mm:ss`) on the viewer's wall clock. */
const isAt = (iso: string, timeZone: string, hms: string): boolean => {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return false;
  const wall = new Date(wallClockMs(ms, safeTimeZone(timeZone)));
  const read = [wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()];
  return read.map(twoDigits).join(':') === hms;
};

const windowEnd = (iso: string, ctx: RenderContext, boundary: string): string =>
  slackDate(
    iso,
    isAt(iso, ctx.timeZone, boundary) ? 'shortDay' : 'compactDateTime',
    ctx.timeZone,
    ctx.now,
  ) ?? truncate(escapeMrkdwn(iso), 30);

const DAY_MS = 86_400_000;

/**
 * Whether a listing is the default window on a later page (its notes are said on page 1 only):
 * exactly {@link DEFAULT_RANGE_DAYS} days (give or take a DST hour) ending less than a day ago.
 */
const isPastDefaultWindow = (cursor: PageCursor, ctx: RenderContext): boolean => {
  const query = listingQuery(cursor);
  const span = Date.parse(query.to) - Date.parse(query.from);
  return (
    Math.abs(span - DEFAULT_RANGE_DAYS * DAY_MS) <= 3_600_000 &&
    ctx.now.getTime() - Date.parse(query.to) < DAY_MS
  );
};

/**
 * The window a listing covers, for its frame: "Past 30 days" when no dates were given, else its
 * ends as Slack date tokens (each reader sees their own zone; a bare day when the end falls on
 * a day boundary of the viewer's zone, the year only when it is not this one).
 */
export const windowLabel = (
  cursor: PageCursor,
  notes: readonly WindowNote[],
  ctx: RenderContext,
): string => {
  const fallback = notes.find((note) => note.kind === 'default-window');
  if (fallback !== undefined) return `Past ${fallback.days} days`;
  if (isPastDefaultWindow(cursor, ctx)) return `Past ${DEFAULT_RANGE_DAYS} days`;
  const [from, to] = windowEnds(cursor, ctx);
  return `${from} – ${to}`;
};

/** The first and last moment of a listing's whole window, as Slack date tokens; see {@link windowLabel}. */
export const windowEnds = (cursor: PageCursor, ctx: RenderContext): [string, string] => {
  const query = listingQuery(cursor);
  const zoned = { ...ctx, timeZone: safeTimeZone(ctx.timeZone) };
  return [windowEnd(query.from, zoned, '00:00:00'), windowEnd(query.to, zoned, '23:59:59')];
};

/**
 * Where a page stands, by what it shows: "1–10, newest first" (rows counted from the start of
 * the listing), or across a range asked a month at a time the days it spans, newest first
 * ("Dec 5 → Nov 28", as Slack date tokens). `undefined` for an empty page.
 */
export const positionLabel = (
  cursor: PageCursor,
  sessions: readonly SmsSession[],
  ctx: RenderContext,
): string | undefined => {
  if (sessions.length === 0) return undefined;
  if (cursor.range === undefined) {
    const first = (cursor.page - 1) * cursor.query.pageSize + 1;
    const last = first + sessions.length - 1;
    return `${first === last ? `${first}` : `${first}–${last}`}, newest first`;
  }
  const day = (session: SmsSession | undefined) =>
    session?.lastActivityAt === undefined
      ? undefined
      : slackDate(session.lastActivityAt, 'shortDay', ctx.timeZone, ctx.now);
  const newest = day(sessions[0]);
  const oldest = day(sessions.at(-1));
  if (newest === undefined || oldest === undefined) return `${pageLabel(cursor)}`;
  const shown = (token: string) => token.slice(token.indexOf('|'));
  return shown(newest) === shown(oldest) ? newest : `${newest} → ${oldest}`;
};
