import dayjsBase from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { createBoundedMemo } from '../bounded-memo.js';
import { utcDay, utcDayMs } from './calendar-day.js';
import type { SinceUnit } from './types.js';

dayjsBase.extend(utc);
dayjsBase.extend(timezone);
dayjsBase.extend(customParseFormat);

/**
 * Day.js with the `utc`, `timezone` and `customParseFormat` plugins already extended. Import it
 * from here, never from `dayjs` directly, so every module sees the same plugins without each one
 * extending them again. https://day.js.org/docs/en/plugin/loading-into-nodejs
 */
export const dayjs = dayjsBase;

/** The zone used when a person's time zone is missing or not a zone this runtime knows. */
export const FALLBACK_TIME_ZONE = 'UTC';

const DAY_MS = 86_400_000;

/**
 * The IANA time zone to compute with: `tz` when the runtime's `Intl` knows it, else
 * {@link FALLBACK_TIME_ZONE}. Slack's `users.info` `tz` is usually an IANA name but may be absent
 * (bots, some guests) or a name older or newer than the runtime's zone data; a bad zone must
 * degrade to UTC rather than turn every date into a crash.
 * https://api.slack.com/methods/users.info
 */
export const safeTimeZone = (tz: string | undefined): string => {
  if (tz === undefined || tz.trim() === '') return FALLBACK_TIME_ZONE;
  return wallClockFormatter(tz) === undefined ? FALLBACK_TIME_ZONE : tz;
};

/** Time zones whose formatters are remembered: every IANA zone, with room to spare. */
export const ZONE_FORMATTERS_MAX = 1_000;

/**
 * One wall-clock formatter per known zone (an unknown name is not remembered, so untrusted names
 * cannot fill it), at most {@link ZONE_FORMATTERS_MAX}: building an `Intl.DateTimeFormat` is
 * costly and every page needs several, while zones are few.
 */
export const wallClockFormatters = createBoundedMemo<string, Intl.DateTimeFormat | undefined>(
  ZONE_FORMATTERS_MAX,
);

const newWallClockFormatter = (timeZone: string): Intl.DateTimeFormat | undefined => {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
};

const wallClockFormatter = (timeZone: string): Intl.DateTimeFormat | undefined =>
  wallClockFormatters.get(timeZone, newWallClockFormatter);

const SECOND_MS = 1_000;

/** `ms` rounded down to a whole second, for negative instants too. */
const floorToSecond = (ms: number): number => ms - (((ms % SECOND_MS) + SECOND_MS) % SECOND_MS);

/** The wall clock read through the zone's formatter: exact, and the costly part. */
const formattedWallClockMs = (instantMs: number, timeZone: string): number => {
  const formatter = wallClockFormatter(timeZone) ?? wallClockFormatter(FALLBACK_TIME_ZONE);
  const parts = formatter?.formatToParts(instantMs) ?? [];
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
};

/** How far the zone's wall clock is ahead of UTC at a whole-second instant. */
const formattedOffsetMs = (secondMs: number, timeZone: string): number =>
  formattedWallClockMs(secondMs, timeZone) - secondMs;

/**
 * Offsets are remembered per zone and quarter of an hour. A quarter whose first and last second
 * have the same offset has it throughout (no zone changes its offset twice within 15 minutes);
 * one whose ends differ holds a change and is computed exactly, date by date.
 */
export const OFFSET_BUCKET_MS = 15 * 60 * 1000;

/** Zone-and-quarter-hour offsets remembered: a page's worth of dates in many zones. */
export const ZONE_OFFSETS_MAX = 4_096;

/** Remembered offsets (first in, first out; see {@link OFFSET_BUCKET_MS}). Exported for its bound. */
export const zoneOffsets = createBoundedMemo<string, number | undefined>(ZONE_OFFSETS_MAX);

const zoneOffsetMs = (secondMs: number, timeZone: string): number => {
  const bucket = Math.floor(secondMs / OFFSET_BUCKET_MS);
  const cached = zoneOffsets.get(`${timeZone}\u0000${bucket}`, () => {
    const start = bucket * OFFSET_BUCKET_MS;
    const offset = formattedOffsetMs(start, timeZone);
    return formattedOffsetMs(start + OFFSET_BUCKET_MS - SECOND_MS, timeZone) === offset
      ? offset
      : undefined;
  });
  return cached ?? formattedOffsetMs(secondMs, timeZone);
};

/**
 * The wall-clock time in `timeZone` at `instantMs`, as epoch ms of the same wall-clock reading
 * in UTC (read it with `getUTCHours()` and friends), in whole seconds; an unknown zone reads as
 * UTC. The zone's offset is remembered per quarter hour ({@link OFFSET_BUCKET_MS}), so a page
 * of dates costs one formatter call a quarter hour instead of one a date.
 */
export const wallClockMs = (instantMs: number, timeZone: string): number => {
  const secondMs = floorToSecond(instantMs);
  const zone = wallClockFormatter(timeZone) === undefined ? FALLBACK_TIME_ZONE : timeZone;
  return secondMs + zoneOffsetMs(secondMs, zone);
};

const instantAtWallClock = (wall: number, timeZone: string): number => {
  const offsetAt = (instantMs: number): number => wallClockMs(instantMs, timeZone) - instantMs;
  const beforeMs = wall - offsetAt(wall - DAY_MS);
  const candidates = [beforeMs, wall - offsetAt(wall + DAY_MS)].filter(
    (instantMs) => wallClockMs(instantMs, timeZone) === wall,
  );
  return candidates.length === 0 ? beforeMs : Math.min(...candidates);
};

/**
 * The first instant of calendar day `date` (`YYYY-MM-DD`) in `timeZone`. When midnight happens
 * twice (a DST fall-back at 01:00) the earlier one is taken; when it never happens (a DST jump at
 * midnight) the day starts at the jump. Computed from `Intl` alone, so the answer depends neither
 * on the host's own zone nor on the current time (Day.js's `tz()` parser reads both).
 * @throws RangeError when `date` is not a real `YYYY-MM-DD` day (the grammar never lets one through).
 */
export const startOfDayIn = (date: string, timeZone: string): Date => {
  const wall = utcDayMs(date);
  if (wall === undefined) throw new RangeError(`Not a calendar day: ${date}`);
  return new Date(instantAtWallClock(wall, timeZone));
};

/**
 * The calendar day (`YYYY-MM-DD`) that `instantMs` falls on in `timeZone`, from `Intl` alone
 * (see {@link startOfDayIn}).
 */
export const calendarDayIn = (instantMs: number, timeZone: string): string =>
  utcDay(wallClockMs(instantMs, timeZone));

/**
 * The instant `amount` days, weeks or calendar months after `instantMs` (before, when negative)
 * as a clock on the wall in `timeZone` reads it: 15:00 a week before a DST change is 15:00
 * again, not 14:00 or 16:00. A month from the 31st ends on the last day of a shorter month
 * (Day.js `add`); a wall time a DST jump skips moves forward by the jump. Whole seconds.
 */
export const shiftInZone = (
  instantMs: number,
  amount: number,
  unit: SinceUnit,
  timeZone: string,
): number =>
  instantAtWallClock(
    dayjs.utc(wallClockMs(instantMs, timeZone)).add(amount, unit).valueOf(),
    timeZone,
  );

/** What {@link zoomInstant} writes for a number that is no instant (as Day.js did). */
export const INVALID_INSTANT = 'Invalid Date';

/**
 * An instant as Zoom's `from`/`to` want it: `YYYY-MM-DDTHH:mm:ssZ` (`yyyy-MM-dd'T'HH:mm:ss'Z'`),
 * milliseconds dropped; {@link INVALID_INSTANT} for a number that is no instant (NaN, or beyond
 * `Date`'s range), which equals no instant Zoom writes.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const zoomInstant = (instantMs: number): string => {
  const at = new Date(instantMs);
  return Number.isNaN(at.getTime()) ? INVALID_INSTANT : `${at.toISOString().slice(0, 19)}Z`;
};
