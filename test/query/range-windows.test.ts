import { describe, expect, it } from 'vitest';
import { parseDateWindow } from '../../src/demo-zoom/date-window.js';
import { type DateRange, isOneWindow, splitRange } from '../../src/query/range-windows.js';
import { calendarDayIn } from '../../src/query/time-zone.js';

const NOW_MS = Date.parse('2030-01-01T00:00:00Z');
const SECOND_MS = 1000;

const range = (from: string, to: string): DateRange => ({ from, to });

/** Every property a split must have, whatever the range and zone. */
const expectSound = (whole: DateRange, timeZone: string, windows: readonly DateRange[]) => {
  expect(windows[0]?.to).toBe(whole.to);
  expect(windows.at(-1)?.from).toBe(whole.from);
  windows.forEach((window, i) => {
    expect(parseDateWindow(window.from, window.to, NOW_MS)).toMatchObject({ ok: true });
    expect(Date.parse(window.from)).toBeLessThanOrEqual(Date.parse(window.to));
    const older = windows[i + 1];
    if (older !== undefined) expect(Date.parse(older.to) + SECOND_MS).toBe(Date.parse(window.from));
    if (windows.length > 1) {
      expect(calendarDayIn(Date.parse(window.from), timeZone).slice(0, 7)).toBe(
        calendarDayIn(Date.parse(window.to), timeZone).slice(0, 7),
      );
    }
  });
};

describe('isOneWindow', () => {
  it.each([
    ['UTC', range('2026-10-01T00:00:00Z', '2026-10-31T23:59:59Z')],
    ['America/New_York', range('2026-03-01T05:00:00Z', '2026-04-01T03:59:59Z')],
    ['America/New_York', range('2026-10-01T04:00:00Z', '2026-11-01T03:59:59Z')],
    ['Pacific/Auckland', range('2026-03-14T11:00:00Z', '2026-04-14T11:59:59Z')],
    ['UTC', range('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z')],
  ])('is true for at most 31 local days in %j: %j', (timeZone, whole) => {
    expect(isOneWindow(whole, timeZone)).toBe(true);
    expect(splitRange(whole, timeZone)).toEqual([whole]);
  });

  it.each([
    ['UTC', range('2026-10-01T00:00:00Z', '2026-11-01T00:00:01Z')],
    ['America/New_York', range('2026-10-01T04:00:00Z', '2026-11-02T04:59:59Z')],
    ['Pacific/Auckland', range('2026-03-14T11:00:00Z', '2026-04-15T11:59:59Z')],
  ])('is false for a second or a day more in %j: %j', (timeZone, whole) => {
    expect(isOneWindow(whole, timeZone)).toBe(false);
  });
});

describe('splitRange', () => {
  it('splits the first half of 2026 into its six months, newest first', () => {
    const whole = range('2026-01-01T00:00:00Z', '2026-06-30T23:59:59Z');
    expect(splitRange(whole, 'UTC')).toEqual([
      range('2026-06-01T00:00:00Z', '2026-06-30T23:59:59Z'),
      range('2026-05-01T00:00:00Z', '2026-05-31T23:59:59Z'),
      range('2026-04-01T00:00:00Z', '2026-04-30T23:59:59Z'),
      range('2026-03-01T00:00:00Z', '2026-03-31T23:59:59Z'),
      range('2026-02-01T00:00:00Z', '2026-02-28T23:59:59Z'),
      range('2026-01-01T00:00:00Z', '2026-01-31T23:59:59Z'),
    ]);
  });

  it('starts each month at local midnight across both DST changes in Europe/Paris', () => {
    const whole = range('2026-02-14T23:00:00Z', '2026-11-10T22:59:59Z');
    const windows = splitRange(whole, 'Europe/Paris');
    expect(windows.map((w) => w.from)).toEqual([
      '2026-10-31T23:00:00Z',
      '2026-09-30T22:00:00Z',
      '2026-08-31T22:00:00Z',
      '2026-07-31T22:00:00Z',
      '2026-06-30T22:00:00Z',
      '2026-05-31T22:00:00Z',
      '2026-04-30T22:00:00Z',
      '2026-03-31T22:00:00Z',
      '2026-02-28T23:00:00Z',
      '2026-02-14T23:00:00Z',
    ]);
    expect(windows[2]).toEqual(range('2026-08-31T22:00:00Z', '2026-09-30T21:59:59Z'));
    expect(windows[1]).toEqual(range('2026-09-30T22:00:00Z', '2026-10-31T22:59:59Z'));
    expectSound(whole, 'Europe/Paris', windows);
  });

  it.each([
    ['Europe/Paris', '2026-10-31T23:30:00Z', '2026-10-31T23:00:00Z'],
    ['Pacific/Kiritimati', '2026-10-31T10:00:00Z', '2026-10-31T10:00:00Z'],
    ['America/Los_Angeles', '2026-10-01T06:59:59Z', '2026-09-01T07:00:00Z'],
  ])(
    'puts a range ending in %j at %s in the local month of its end',
    (timeZone, to, newestFrom) => {
      const whole = range('2026-08-10T00:00:00Z', to);
      const windows = splitRange(whole, timeZone);
      expect(windows[0]).toEqual(range(newestFrom, to));
      expectSound(whole, timeZone, windows);
    },
  );

  it('cuts the newest and oldest months at the ends of the range, on month ends', () => {
    const whole = range('2026-01-31T00:00:00Z', '2026-03-31T23:59:59Z');
    expect(splitRange(whole, 'UTC')).toEqual([
      range('2026-03-01T00:00:00Z', '2026-03-31T23:59:59Z'),
      range('2026-02-01T00:00:00Z', '2026-02-28T23:59:59Z'),
      range('2026-01-31T00:00:00Z', '2026-01-31T23:59:59Z'),
    ]);
  });

  it('gives February its 29th day in a leap year', () => {
    const windows = splitRange(range('2028-01-15T00:00:00Z', '2028-03-10T12:00:00Z'), 'UTC');
    expect(windows[1]).toEqual(range('2028-02-01T00:00:00Z', '2028-02-29T23:59:59Z'));
  });

  it('splits at the year boundary', () => {
    const windows = splitRange(range('2025-11-20T00:00:00Z', '2026-01-05T00:00:00Z'), 'UTC');
    expect(windows.map((w) => w.from)).toEqual([
      '2026-01-01T00:00:00Z',
      '2025-12-01T00:00:00Z',
      '2025-11-20T00:00:00Z',
    ]);
  });

  it.each([
    ['Asia/Kolkata', '2026-04-30T18:30:00Z'],
    ['Pacific/Kiritimati', '2026-04-30T10:00:00Z'],
    ['America/St_Johns', '2026-05-01T02:30:00Z'],
    ['Pacific/Chatham', '2026-04-30T11:15:00Z'],
    ['Unknown/Zone', '2026-05-01T00:00:00Z'],
  ])('starts May 2026 at local midnight in %j', (timeZone, mayStart) => {
    const whole = range('2026-03-15T00:00:00Z', '2026-06-15T00:00:00Z');
    const windows = splitRange(whole, timeZone);
    expect(windows.map((w) => w.from)).toContain(mayStart);
    expectSound(whole, timeZone === 'Unknown/Zone' ? 'UTC' : timeZone, windows);
  });

  it.each([
    'UTC',
    'America/New_York',
    'America/Santiago',
    'America/Havana',
    'Europe/London',
    'Australia/Lord_Howe',
    'Pacific/Auckland',
    'Asia/Tehran',
  ])('covers twelve months in %j with windows Zoom accepts, each in one local month', (tz) => {
    const whole = range('2025-11-26T07:13:00Z', '2026-11-26T12:00:00Z');
    const windows = splitRange(whole, tz);
    expect(windows.length).toBeGreaterThanOrEqual(12);
    expect(windows.length).toBeLessThanOrEqual(13);
    expectSound(whole, tz, windows);
  });
});
