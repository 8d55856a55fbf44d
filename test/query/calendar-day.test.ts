import { describe, expect, it } from 'vitest';
import { isCalendarDay, shiftDay, utcDay, utcDayMs } from '../../src/query/calendar-day.js';
import { dayjs } from '../../src/query/time-zone.js';

describe('calendar days', () => {
  it.each(['2024-02-29', '2025-01-01', '2025-12-31', '1999-06-15', '9999-12-31'])(
    'reads the real day %s as midnight UTC, as Day.js strictly does',
    (date) => {
      expect(utcDayMs(date)).toBe(dayjs.utc(date, 'YYYY-MM-DD', true).valueOf());
      expect(isCalendarDay(date)).toBe(true);
    },
  );

  it.each([
    '2025-02-29',
    '2025-02-30',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-1',
    '25-01-01',
    '2025-01-01T00:00:00Z',
    ' 2025-01-01',
    '',
  ])('refuses %j', (date) => {
    expect(utcDayMs(date)).toBeUndefined();
    expect(isCalendarDay(date)).toBe(false);
  });

  it('reads years before 100 as written (Date.UTC would read 0001 as 1901)', () => {
    expect(utcDayMs('0001-01-01')).toBe(-62_135_596_800_000);
    expect(utcDay(-62_135_596_800_000)).toBe('0001-01-01');
  });

  it('writes the UTC day of an instant', () => {
    expect(utcDay(Date.UTC(2025, 2, 30, 23, 59, 59))).toBe('2025-03-30');
  });

  it('shifts across months, years and leap days', () => {
    expect(shiftDay('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDay('2025-02-28', 1)).toBe('2025-03-01');
    expect(shiftDay('2025-12-31', 1)).toBe('2026-01-01');
    expect(shiftDay('2025-03-01', -30)).toBe('2025-01-30');
    expect(() => shiftDay('2025-02-30', 1)).toThrow(RangeError);
  });
});
