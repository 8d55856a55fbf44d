/**
 * Calendar days written `YYYY-MM-DD`, read and written with `Date`'s UTC arithmetic. Day.js's
 * strict parse (`customParseFormat`) did the same at tens of microseconds a call, on every
 * command's `from:`/`to:`; the dates that need a calendar (months, zones, DST) stay with Day.js
 * and `Intl` (src/query/time-zone.ts).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;

/**
 * Midnight UTC of `date` in milliseconds, or `undefined` when it is not a real calendar day
 * (`2025-02-30`, `2025-13-01`, `25-1-1`).
 */
export const utcDayMs = (date: string): number | undefined => {
  const match = DAY.exec(date);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const at = new Date(0);
  at.setUTCFullYear(year, month, day);
  const real =
    at.getUTCFullYear() === year && at.getUTCMonth() === month && at.getUTCDate() === day;
  return real ? at.getTime() : undefined;
};

/** Whether `date` is a real `YYYY-MM-DD` calendar day. */
export const isCalendarDay = (date: string): boolean => utcDayMs(date) !== undefined;

/** The UTC calendar day (`YYYY-MM-DD`) of an instant. */
export const utcDay = (instantMs: number): string => new Date(instantMs).toISOString().slice(0, 10);

/**
 * The calendar day `days` after `date` (before, when negative).
 * @throws RangeError when `date` is not a real calendar day.
 */
export const shiftDay = (date: string, days: number): string => {
  const ms = utcDayMs(date);
  if (ms === undefined) throw new RangeError(`Not a calendar day: ${date}`);
  return utcDay(ms + days * DAY_MS);
};
