import { invalidArgs } from '../errors.js';
import { dayjs, safeTimeZone, startOfDayIn } from './time-zone.js';
import { type DateArg, DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, type WindowNote } from './types.js';

/** What a window is resolved against: the clock's `now` and the person's IANA time zone. */
export interface WindowContext {
  readonly now: Date;
  /** Passed through {@link safeTimeZone}, so a missing or unknown zone means UTC. */
  readonly timeZone: string;
}

/** The exact UTC range to ask Zoom for, and what the reply must say about how it was chosen. */
export interface ResolvedWindow {
  /** `YYYY-MM-DDTHH:mm:ssZ`, Zoom's `yyyy-MM-dd'T'HH:mm:ss'Z'`. */
  readonly from: string;
  /** `YYYY-MM-DDTHH:mm:ssZ`, never later than `now`. */
  readonly to: string;
  readonly notes: WindowNote[];
}

const DAY_MS = 86_400_000;
const SECOND_MS = 1000;

const zoomInstant = (instantMs: number): string =>
  dayjs.utc(instantMs).format('YYYY-MM-DDTHH:mm:ss[Z]');

const shiftDay = (date: string, days: number): string =>
  dayjs.utc(date, 'YYYY-MM-DD', true).add(days, 'day').format('YYYY-MM-DD');

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

/**
 * Turns the dates a person typed into the UTC instants Zoom's `from`/`to` need, so every page of
 * a listing asks exactly the same question. Zoom requires `to` with `from`, answers "about a
 * month" at a time and has nothing later than now, so:
 *
 * - a bare day is that whole calendar day in `ctx.timeZone` (00:00:00 to 23:59:59 local, across
 *   DST changes); an instant is used as given;
 * - no dates: the {@link DEFAULT_RANGE_DAYS} days ending now (`default-window` note);
 * - `from` only: {@link DEFAULT_RANGE_DAYS} days from `from` (whole calendar days for a bare day),
 *   cut at now (`open-ended` note, saying whether it was cut);
 * - `to` only: the {@link DEFAULT_RANGE_DAYS} days ending at `to` (whole calendar days for a bare
 *   day), or ending now when `to` is later than now (`open-start` note);
 * - a `to` later than now becomes now, without a note: Zoom has nothing later, so the answer is
 *   the same.
 *
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 * @throws AppError `INVALID_ARGS` with `from-after-to` (`from` later than `to`), `from-in-future`
 * (`from` later than now) or `range-too-long` (more than {@link MAX_RANGE_DAYS} days once `to` is
 * cut at now; counted in whole calendar days for a bare `from`, so every calendar month fits
 * whatever its DST change).
 */
export const resolveWindow = (
  dates: { readonly from?: DateArg; readonly to?: DateArg },
  ctx: WindowContext,
): ResolvedWindow => {
  const timeZone = safeTimeZone(ctx.timeZone);
  const nowMs = ctx.now.getTime();
  const { from, to } = dates;

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
  if (toMs > spanEndMs(from, MAX_RANGE_DAYS, timeZone)) {
    throw invalidArgs('range-too-long', {
      limit: MAX_RANGE_DAYS,
      value: `${typed(from)}…${typed(to)}`,
    });
  }
  return { from: zoomInstant(fromMs), to: zoomInstant(toMs), notes: [] };
};
