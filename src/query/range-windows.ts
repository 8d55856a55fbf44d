import type { Dayjs } from 'dayjs';
import {
  calendarDayIn,
  dayjs,
  safeTimeZone,
  shiftInZone,
  startOfDayIn,
  zoomInstant,
} from './time-zone.js';
import { MAX_RANGE_DAYS } from './types.js';

/** An inclusive span of UTC instants, each `YYYY-MM-DDTHH:mm:ssZ` (Zoom's `from`/`to`). */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const SECOND_MS = 1000;

const firstOfMonth = (instantMs: number, timeZone: string): Dayjs =>
  dayjs.utc(calendarDayIn(instantMs, timeZone), 'YYYY-MM-DD', true).startOf('month');

/**
 * Whether Zoom can be asked for `range` in one call: `to` at most {@link MAX_RANGE_DAYS} days
 * after `from` on the wall clock of `timeZone` (so 31 whole local days fit across a DST change).
 */
export const isOneWindow = (range: DateRange, timeZone: string): boolean =>
  Date.parse(range.to) <=
  shiftInZone(Date.parse(range.from), MAX_RANGE_DAYS, 'day', safeTimeZone(timeZone));

/**
 * The windows Zoom is asked for, one call at a time, to list `range`, newest first: the range
 * itself when it fits one call ({@link isOneWindow}), otherwise one window a calendar month of
 * `timeZone` (the person's), the newest and oldest cut at the range's ends. A month starts at
 * local midnight on the 1st whatever its DST changes, so every window is at most 31 local days
 * (at most 31 days and an hour), inside Zoom's "a month" rule; together they cover the range
 * exactly, each second once. Pure: the same range and zone always give the same windows, so a
 * cursor only needs the range, the zone and an index.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const splitRange = (range: DateRange, timeZone: string): DateRange[] => {
  const zone = safeTimeZone(timeZone);
  if (isOneWindow(range, zone)) return [range];
  const fromMs = Date.parse(range.from);
  const windows: DateRange[] = [];
  let endMs = Date.parse(range.to);
  let month = firstOfMonth(endMs, zone);
  while (endMs >= fromMs) {
    const startMs = Math.max(fromMs, startOfDayIn(month.format('YYYY-MM-DD'), zone).getTime());
    windows.push({ from: zoomInstant(startMs), to: zoomInstant(endMs) });
    endMs = startMs - SECOND_MS;
    month = month.subtract(1, 'month');
  }
  return windows;
};
