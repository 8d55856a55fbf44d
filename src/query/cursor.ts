import type { Subject } from '../domain/subject.js';
import { AppError } from '../errors.js';
import { type DateRange, splitRange } from './range-windows.js';
import { safeTimeZone } from './time-zone.js';
import type { SessionQuery } from './types.js';

/** The pages of one window a person has seen: Zoom's token of each, page 1's `''` first. */
export interface WindowPages {
  readonly window: number;
  readonly tokens: readonly string[];
}

/**
 * Where a listing of a range too long for one Zoom call stands: the whole range, the zone it
 * was split into calendar months in (the asker's; see `splitRange`), which window the page is
 * in (0 is the newest) and the pages already seen in earlier (newer) windows, for Previous.
 */
export interface RangePosition {
  /** The whole range, `YYYY-MM-DDTHH:mm:ssZ`. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly window: number;
  /** Oldest first; windows found empty are not in it (Previous never lands on nothing). */
  readonly earlier: readonly WindowPages[];
}

/**
 * Where a listing is: whose sessions, the exact query, Zoom's token for this page and the tokens
 * of the pages before it (Zoom pages forward only, so Previous replays an earlier token).
 * It travels in button values, which anyone who sees the message can replay or edit: decoding
 * validates it, and every use re-checks that the clicker may see `subject`. On the wire the
 * subject is `s` (a Slack user id) or `z` (a normalised Zoom email or id), never both.
 */
export interface PageCursor {
  /** Whose sessions these are. */
  readonly subject: Subject;
  /** What Zoom is asked for this page: the whole listing, or the current window of `range`. */
  readonly query: SessionQuery;
  /** `''` for the first page (of the window). */
  readonly token: string;
  /** Tokens of earlier pages of this window, oldest first (may be shortened to fit a button value). */
  readonly trail: readonly string[];
  /** 1-based page number, within the window when there is a `range`. */
  readonly page: number;
  /** Present only when the listing's range is asked for a window at a time. */
  readonly range?: RangePosition;
}

/** The windows of a split range, newest first (see `splitRange`). */
export const rangeWindows = (range: RangePosition): DateRange[] =>
  splitRange(range, range.timeZone);

const atWindow = (
  cursor: PageCursor,
  range: RangePosition,
  windows: readonly DateRange[] = rangeWindows(range),
): PageCursor => {
  const window = windows[range.window];
  if (window === undefined) throw new AppError('INTERNAL', 'Window outside its range');
  return {
    ...cursor,
    query: { ...cursor.query, from: window.from, to: window.to },
    token: '',
    trail: [],
    page: 1,
    range,
  };
};

/**
 * Page 1 of a new listing of `query` for `subject`. A range Zoom cannot answer in one call is
 * split into calendar months of `timeZone` (the asker's), newest first, and the cursor starts
 * at the newest; otherwise the cursor is exactly what earlier releases wrote.
 */
export const startCursor = (
  subject: Subject,
  query: SessionQuery,
  timeZone: string,
): PageCursor => {
  const first: PageCursor = { subject, query, token: '', trail: [], page: 1 };
  const zone = safeTimeZone(timeZone);
  const windows = splitRange(query, zone);
  if (windows.length === 1) return first;
  const range = { from: query.from, to: query.to, timeZone: zone, window: 0, earlier: [] };
  return atWindow(first, range, windows);
};

/** The whole listing's query: the range a person asked for, whatever window a page is in. */
export const listingQuery = (cursor: PageCursor): SessionQuery =>
  cursor.range === undefined
    ? cursor.query
    : { ...cursor.query, from: cursor.range.from, to: cursor.range.to };

/** Every question the listing asks Zoom, one a window, newest first; each at most a month. */
export const windowQueries = (cursor: PageCursor): SessionQuery[] =>
  cursor.range === undefined
    ? [cursor.query]
    : rangeWindows(cursor.range).map((w) => ({ ...cursor.query, from: w.from, to: w.to }));

/** The cursor for the page after this one in the same window, given Zoom's `next_page_token`. */
export const nextCursor = (cursor: PageCursor, nextPageToken: string): PageCursor => ({
  ...cursor,
  token: nextPageToken,
  trail: [...cursor.trail, cursor.token],
  page: cursor.page + 1,
});

/**
 * Where Next leads from the page `cursor` points at, given Zoom's answer for it: Zoom's next page
 * of the same window; once a window is exhausted, page 1 of the next (older) window of the
 * range; `undefined` at the end of the listing. The pages of the window are remembered for
 * Previous, except a page with no sessions (nothing to go back to), and only while the trail
 * still holds all of them, so page numbers stay exact.
 */
export const followingCursor = (
  cursor: PageCursor,
  answer: { readonly nextPageToken: string; readonly sessions: readonly unknown[] },
): PageCursor | undefined => {
  if (answer.nextPageToken !== '') return nextCursor(cursor, answer.nextPageToken);
  const { range } = cursor;
  if (range === undefined) return undefined;
  const windows = rangeWindows(range);
  if (range.window + 1 >= windows.length) return undefined;
  const tokens = answer.sessions.length > 0 ? [...cursor.trail, cursor.token] : cursor.trail;
  const whole = cursor.trail.length === cursor.page - 1;
  const earlier = !whole
    ? []
    : tokens.length === 0
      ? range.earlier
      : [...range.earlier, { window: range.window, tokens }];
  return atWindow(cursor, { ...range, window: range.window + 1, earlier }, windows);
};

/**
 * The cursor for the page before this one, across window boundaries (the last page seen of the
 * previous window that had any), or `undefined` when what the cursor kept does not reach back.
 */
export const previousCursor = (cursor: PageCursor): PageCursor | undefined => {
  const token = cursor.trail.at(-1);
  if (token !== undefined && cursor.page > 1) {
    return { ...cursor, token, trail: cursor.trail.slice(0, -1), page: cursor.page - 1 };
  }
  const last = cursor.page === 1 ? cursor.range?.earlier.at(-1) : undefined;
  if (cursor.range === undefined || last === undefined) return undefined;
  const range = {
    ...cursor.range,
    window: last.window,
    earlier: cursor.range.earlier.slice(0, -1),
  };
  return {
    ...atWindow(cursor, range),
    token: last.tokens.at(-1) ?? '',
    trail: last.tokens.slice(0, -1),
    page: last.tokens.length,
  };
};

/** Page 1 of the same listing (its newest window) after an expired token, or to start over. */
export const firstCursor = (cursor: PageCursor): PageCursor =>
  cursor.range === undefined
    ? { ...cursor, token: '', trail: [], page: 1 }
    : atWindow(cursor, { ...cursor.range, window: 0, earlier: [] });

/**
 * Whether two cursors stand at the same place of one listing: the same query window and page
 * number (Zoom may hand out a different token for the same page each time it is asked).
 */
export const isSamePlace = (a: PageCursor, b: PageCursor): boolean =>
  a.page === b.page &&
  a.range?.window === b.range?.window &&
  a.query.from === b.query.from &&
  a.query.to === b.query.to;
