import { invalidArgs } from '../errors.js';
import { shiftDay } from './calendar-day.js';
import { safeTimeZone, shiftInZone, startOfDayIn, zoomInstant } from './time-zone.js';
import {
  type DateArg,
  DEFAULT_RANGE_DAYS,
  SINCE_UNIT_LETTERS,
  type SinceArg,
  type WindowNote,
} from './types.js';

/** What a window is resolved against: the clock's `now` and the person's IANA time zone. */
export interface WindowContext {
  readonly now: Date;
  /** Passed through {@link safeTimeZone}, so a missing or unknown zone means UTC. */
  readonly timeZone: string;
}

/** How long a range may be: `MAX_RANGE_MONTHS`, from the configuration. */
export interface RangeLimits {
  readonly maxMonths: number;
}

/**
 * The exact UTC range a listing covers (Zoom is asked for it a window at a time, see
 * `splitRange`), and what the reply must say about how it was chosen.
 */
export interface ResolvedWindow {
  /** `YYYY-MM-DDTHH:mm:ssZ`, Zoom's `yyyy-MM-dd'T'HH:mm:ss'Z'`. */
  readonly from: string;
  /** `YYYY-MM-DDTHH:mm:ssZ`, never later than `now`. */
  readonly to: string;
  readonly notes: WindowNote[];
}

/** The dates a person gave: `from`/`to`, or `since` (never both; the grammar refuses it). */
export interface AskedDates {
  readonly from?: DateArg;
  readonly to?: DateArg;
  readonly since?: SinceArg;
}

const DAY_MS = 86_400_000;
const SECOND_MS = 1000;

const startMs = (arg: DateArg, timeZone: string): number =>
  arg.kind === 'day' ? startOfDayIn(arg.date, timeZone).getTime() : Date.parse(arg.iso);

const endMs = (arg: DateArg, timeZone: string): number =>
  arg.kind === 'day'
    ? startOfDayIn(shiftDay(arg.date, 1), timeZone).getTime() - SECOND_MS
    : Date.parse(arg.iso);

/** The end of the `days` days starting at `from`: whole calendar days in the zone for a bare day. */
const spanEndMs = (from: DateArg, days: number, timeZone: string): number =>
  from.kind === 'day'
    ? startOfDayIn(shiftDay(from.date, days), timeZone).getTime() - SECOND_MS
    : Date.parse(from.iso) + days * DAY_MS;

/** The start of the `days` days ending at `to`: whole calendar days in the zone for a bare day. */
const spanStartMs = (to: DateArg, days: number, timeZone: string): number =>
  to.kind === 'day'
    ? startOfDayIn(shiftDay(to.date, 1 - days), timeZone).getTime()
    : Date.parse(to.iso) - days * DAY_MS;

const typed = (arg: DateArg): string => (arg.kind === 'day' ? arg.date : arg.iso);

/** Refuses a range whose `from` is earlier than `limits.maxMonths` months before its `to`. */
const checkCap = (
  fromMs: number,
  toMs: number,
  typedValue: string,
  timeZone: string,
  limits: RangeLimits,
): void => {
  if (fromMs < shiftInZone(toMs, -limits.maxMonths, 'month', timeZone)) {
    throw invalidArgs('range-over-cap', { limit: limits.maxMonths, value: typedValue });
  }
};

/**
 * Turns the dates a person typed into the UTC instants of the range their listing covers, so
 * every page of it asks exactly the same question. Zoom requires `to` with `from`, answers "about
 * a month" at a time and has nothing later than now, so:
 *
 * - a bare day is that whole calendar day in `ctx.timeZone` (00:00:00 to 23:59:59 local, across
 *   DST changes); an instant is used as given;
 * - no dates: the {@link DEFAULT_RANGE_DAYS} days ending now (`default-window` note);
 * - `from` only: {@link DEFAULT_RANGE_DAYS} days from `from` (whole calendar days for a bare day),
 *   cut at now (`open-ended` note, saying whether it was cut);
 * - `to` only: the {@link DEFAULT_RANGE_DAYS} days ending at `to` (whole calendar days for a bare
 *   day), or ending now when `to` is later than now (`open-start` note);
 * - `since` (`since:3m`): from the same wall-clock time that many days, weeks or calendar months
 *   ago in `ctx.timeZone`, up to now;
 * - a `to` later than now becomes now, without a note: Zoom has nothing later, so the answer is
 *   the same.
 *
 * A range longer than a month is asked for a window at a time (`splitRange`). It may span at most `limits.maxMonths` calendar months, counted back from its
 * end (after `to` is cut at now) on the person's wall clock, so `since:12m` and
 * `from:2026-01-01 to:2026-12-31` both fit a cap of 12.
 *
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 * @throws AppError `INVALID_ARGS` with `from-after-to` (`from` later than `to`), `from-in-future`
 * (`from` later than now) or `range-over-cap` (longer than `limits.maxMonths` months).
 */
export const resolveWindow = (
  dates: AskedDates,
  ctx: WindowContext,
  limits: RangeLimits,
): ResolvedWindow => {
  const timeZone = safeTimeZone(ctx.timeZone);
  const nowMs = ctx.now.getTime();
  const { from, to, since } = dates;

  if (since !== undefined) {
    const sinceMs = shiftInZone(nowMs, -since.amount, since.unit, timeZone);
    checkCap(sinceMs, nowMs, `${since.amount}${SINCE_UNIT_LETTERS[since.unit]}`, timeZone, limits);
    return { from: zoomInstant(sinceMs), to: zoomInstant(nowMs), notes: [] };
  }

  if (from === undefined) {
    if (to === undefined) {
      return {
        from: zoomInstant(nowMs - DEFAULT_RANGE_DAYS * DAY_MS),
        to: zoomInstant(nowMs),
        notes: [{ kind: 'default-window', days: DEFAULT_RANGE_DAYS }],
      };
    }
    const toMs = endMs(to, timeZone);
    return {
      from: zoomInstant(
        toMs > nowMs
          ? nowMs - DEFAULT_RANGE_DAYS * DAY_MS
          : spanStartMs(to, DEFAULT_RANGE_DAYS, timeZone),
      ),
      to: zoomInstant(Math.min(toMs, nowMs)),
      notes: [{ kind: 'open-start', days: DEFAULT_RANGE_DAYS }],
    };
  }

  const fromMs = startMs(from, timeZone);
  if (to !== undefined && fromMs > endMs(to, timeZone)) {
    throw invalidArgs('from-after-to', { value: `${typed(from)}…${typed(to)}` });
  }
  if (fromMs > nowMs) throw invalidArgs('from-in-future', { option: 'from', value: typed(from) });

  if (to === undefined) {
    const openEndMs = spanEndMs(from, DEFAULT_RANGE_DAYS, timeZone);
    const clippedToNow = openEndMs > nowMs;
    return {
      from: zoomInstant(fromMs),
      to: zoomInstant(clippedToNow ? nowMs : openEndMs),
      notes: [{ kind: 'open-ended', days: DEFAULT_RANGE_DAYS, clippedToNow }],
    };
  }

  const toMs = Math.min(endMs(to, timeZone), nowMs);
  checkCap(fromMs, toMs, `${typed(from)}…${typed(to)}`, timeZone, limits);
  return { from: zoomInstant(fromMs), to: zoomInstant(toMs), notes: [] };
};

/**
 * Whether a range a button carries stays within `maxMonths` months in its zone, as a typed one
 * must (`MAX_RANGE_MONTHS`): the same rule as the command's, for a value that could have been
 * written under another setting, or edited.
 */
export const isRangeWithinMonths = (
  range: { readonly from: string; readonly to: string; readonly timeZone: string },
  maxMonths: number,
): boolean =>
  Date.parse(range.from) >=
  shiftInZone(Date.parse(range.to), -maxMonths, 'month', safeTimeZone(range.timeZone));
