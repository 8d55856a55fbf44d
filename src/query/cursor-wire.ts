import { z } from 'zod';
import type { Subject } from '../domain/subject.js';
import { AppError } from '../errors.js';
import { SEAL_CHARS } from '../keys/value-seal.js';
import { EMAIL_MAX_CHARS, isZoomUserRef } from '../users/zoom-user-ref.js';
import type { PageCursor, RangePosition, WindowPages } from './cursor.js';
import { type DateRange, splitRange } from './range-windows.js';
import { safeTimeZone, zoomInstant } from './time-zone.js';
import {
  FILTER_TYPES,
  MAX_PAGE_NUMBER,
  MAX_PAGE_SIZE,
  MAX_RANGE_DAYS,
  RANGE_MONTHS_LIMIT,
  SESSION_TYPES,
} from './types.js';

/**
 * The longest button `value` the app writes: Slack's limit (2,000) less the seal every value gets
 * on its way out (src/keys/value-seal.ts).
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
export const BUTTON_VALUE_MAX_CHARS = 2000 - SEAL_CHARS;

const DAY_MS = 86_400_000;

/** Longest range a cursor may name, checked before it is split: the cap's months, 31 days each. */
const RANGE_MAX_MS = (RANGE_MONTHS_LIMIT + 1) * 31 * DAY_MS;

/** IANA zone names are at most a few dozen characters (`America/Argentina/ComodRivadavia`). */
const TIME_ZONE_MAX_CHARS = 64;

const token = z.string().max(BUTTON_VALUE_MAX_CHARS);

const zoomTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  .refine((iso) => zoomInstant(Date.parse(iso)) === iso);

/** Longest window one Zoom call may be asked for, as the typed command allows it. */
const WINDOW_MAX_MS = MAX_RANGE_DAYS * DAY_MS;

const querySchema = z.object({
  st: z.enum(SESSION_TYPES),
  ft: z.enum(FILTER_TYPES),
  f: zoomTime,
  t: zoomTime,
  ph: z
    .string()
    .regex(/^\d{4,15}$/)
    .optional(),
  ps: z.number().int().min(1).max(MAX_PAGE_SIZE),
});

const singleSchema = z.object({
  v: z.literal(1),
  s: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/)
    .optional(),
  z: z.string().max(EMAIL_MAX_CHARS).refine(isZoomUserRef).optional(),
  q: querySchema,
  k: token,
  tr: z.array(token),
  n: z.number().int().min(1).max(MAX_PAGE_NUMBER),
});

/**
 * A listing split into windows: `q.f`/`q.t` are the whole range, `r` where it stands in it
 * (`tz` the zone it is split in, `w` the window, `e` the pages shown in earlier windows as
 * `[window, tokens]`).
 */
const rangedSchema = singleSchema.extend({
  v: z.literal(2),
  q: querySchema.extend({ f: zoomTime, t: zoomTime }),
  r: z.object({
    tz: z.string().max(TIME_ZONE_MAX_CHARS),
    w: z.number().int().min(0),
    e: z.array(z.tuple([z.number().int().min(0), z.array(token).min(1)])),
  }),
});

const wireSchema = z.discriminatedUnion('v', [singleSchema, rangedSchema]);

type Wire = z.infer<typeof wireSchema>;

const subjectOf = ({ s, z: zoomUser }: Wire): Subject | undefined => {
  if (s !== undefined && zoomUser === undefined) return { kind: 'slack-user', slackUserId: s };
  if (zoomUser !== undefined && s === undefined) return { kind: 'zoom-user', zoomUser };
  return undefined;
};

/**
 * The wire form of `cursor` with the given `trail` and `earlier` pages (either may be shorter
 * than the cursor's, to fit a button value): `v: 1` for a listing asked in one call, exactly as
 * earlier releases wrote it; `v: 2` for one split into windows, which a release that cannot
 * page through windows refuses instead of misreading.
 */
export const toWire = (
  cursor: PageCursor,
  trail: readonly string[],
  earlier: readonly WindowPages[],
): Wire => {
  const { range, query } = cursor;
  const base = {
    ...(cursor.subject.kind === 'slack-user'
      ? { s: cursor.subject.slackUserId }
      : { z: cursor.subject.zoomUser }),
    q: {
      st: query.sessionType,
      ft: query.filterType,
      f: range?.from ?? query.from,
      t: range?.to ?? query.to,
      ...(query.phoneNumber === undefined ? {} : { ph: query.phoneNumber }),
      ps: query.pageSize,
    },
    k: cursor.token,
    tr: [...trail],
    n: cursor.page,
  };
  if (range === undefined) return { v: 1, ...base };
  return {
    v: 2,
    ...base,
    r: {
      tz: range.timeZone,
      w: range.window,
      e: earlier.map((pages): [number, string[]] => [pages.window, [...pages.tokens]]),
    },
  };
};

const isIncreasingBelow = (windows: readonly number[], limit: number): boolean =>
  windows.every((window, i) => window < limit && (i === 0 || window > (windows[i - 1] ?? -1)));

const rangeOf = (
  wire: Extract<Wire, { v: 2 }>,
): { readonly range: RangePosition; readonly window: DateRange } | undefined => {
  const { f: from, t: to } = wire.q;
  const { tz, w, e } = wire.r;
  const spanMs = Date.parse(to) - Date.parse(from);
  if (safeTimeZone(tz) !== tz || spanMs < 0 || spanMs > RANGE_MAX_MS) return undefined;
  const windows = splitRange({ from, to }, tz);
  const earlier = e.map(([window, tokens]) => ({ window, tokens }));
  const window = windows[w];
  const consistent =
    windows.length > 1 &&
    isIncreasingBelow(
      earlier.map((pages) => pages.window),
      w,
    ) &&
    wire.tr.length < wire.n;
  return window === undefined || !consistent
    ? undefined
    : { range: { from, to, timeZone: tz, window: w, earlier }, window };
};

/**
 * The cursor a button value stands for, or `undefined` when it is not one this release wrote
 * (not JSON, edited, cut short, two subjects or none, a window that is not one of its range).
 */
export const fromWire = (raw: unknown): PageCursor | undefined => {
  const parsed = wireSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const w = parsed.data;
  const subject = subjectOf(w);
  if (subject === undefined) return undefined;
  const query = {
    sessionType: w.q.st,
    filterType: w.q.ft,
    from: w.q.f,
    to: w.q.t,
    ...(w.q.ph === undefined ? {} : { phoneNumber: w.q.ph }),
    pageSize: w.q.ps,
  };
  const position = { subject, token: w.k, trail: w.tr, page: w.n };
  if (w.v === 1) {
    const spanMs = Date.parse(w.q.t) - Date.parse(w.q.f);
    const consistent = spanMs >= 0 && spanMs <= WINDOW_MAX_MS && w.tr.length < w.n;
    return consistent ? { ...position, query } : undefined;
  }
  const ranged = rangeOf(w);
  if (ranged === undefined) return undefined;
  const { range, window } = ranged;
  return { ...position, query: { ...query, from: window.from, to: window.to }, range };
};
/**
 * Serialises a cursor into a button value of at most {@link BUTTON_VALUE_MAX_CHARS}. When it is
 * too long, the pages of the oldest earlier windows go first, then the oldest tokens of the
 * trail: Previous then stops where what is kept does, and every page number stays exact.
 */
export const encodeCursor = (cursor: PageCursor): string => {
  let trail = cursor.trail;
  let earlier = cursor.range?.earlier ?? [];
  for (;;) {
    const value = JSON.stringify(toWire(cursor, trail, earlier));
    if (value.length <= BUTTON_VALUE_MAX_CHARS) return value;
    if (earlier.length > 0) earlier = earlier.slice(1);
    else if (trail.length > 0) trail = trail.slice(1);
    else throw new AppError('INTERNAL', 'Page token too long for a button value');
  }
};

/**
 * Reads a button value back. Anything that is not a cursor this version wrote (edited, cut
 * short, a window that is not one of its range) is `BAD_BUTTON`, never a crash; cursors of
 * earlier releases still read.
 */
export const decodeCursor = (value: string): PageCursor => {
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch (cause) {
    throw new AppError('BAD_BUTTON', 'Button value is not JSON', { cause });
  }
  const cursor = fromWire(raw);
  if (cursor === undefined) throw new AppError('BAD_BUTTON', 'Button value is not a page cursor');
  return cursor;
};
