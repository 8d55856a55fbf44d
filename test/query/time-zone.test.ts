import { describe, expect, it } from 'vitest';
import { calendarDayIn, shiftInZone, zoomInstant } from '../../src/query/time-zone.js';

const at = (iso: string) => Date.parse(iso);

describe('shiftInZone', () => {
  it.each([
    ['UTC', '2026-11-26T12:00:00Z', -7, 'day', '2026-11-19T12:00:00Z'],
    ['America/New_York', '2026-03-10T19:00:00Z', -7, 'day', '2026-03-03T20:00:00Z'],
    ['America/New_York', '2026-11-03T20:00:00Z', -1, 'week', '2026-10-27T19:00:00Z'],
    ['Europe/Paris', '2026-04-15T10:00:00Z', -1, 'month', '2026-03-15T11:00:00Z'],
    ['Australia/Sydney', '2026-04-10T00:00:00Z', -1, 'week', '2026-04-02T23:00:00Z'],
    ['UTC', '2026-05-31T08:00:00Z', -3, 'month', '2026-02-28T08:00:00Z'],
    ['UTC', '2028-05-31T08:00:00Z', -3, 'month', '2028-02-29T08:00:00Z'],
    ['UTC', '2026-01-31T00:00:00Z', 31, 'day', '2026-03-03T00:00:00Z'],
  ] as const)(
    'keeps the wall-clock time in %j from %s by %i %s',
    (timeZone, from, amount, unit, expected) => {
      expect(zoomInstant(shiftInZone(at(from), amount, unit, timeZone))).toBe(expected);
    },
  );

  it('moves a wall time a DST jump skips forward by the jump', () => {
    expect(
      zoomInstant(shiftInZone(at('2026-03-09T06:30:00Z'), -1, 'day', 'America/New_York')),
    ).toBe('2026-03-08T07:30:00Z');
  });
});

describe('calendarDayIn', () => {
  it.each([
    ['UTC', '2026-11-30T23:59:59Z', '2026-11-30'],
    ['Europe/Paris', '2026-11-30T23:00:00Z', '2026-12-01'],
    ['America/Los_Angeles', '2027-01-01T07:59:59Z', '2026-12-31'],
    ['Pacific/Kiritimati', '2026-12-31T10:00:00Z', '2027-01-01'],
  ])('reads the local day in %j of %s', (timeZone, iso, day) => {
    expect(calendarDayIn(at(iso), timeZone)).toBe(day);
  });
});

describe('zoomInstant', () => {
  it('writes Zoom’s format and drops milliseconds', () => {
    expect(zoomInstant(at('2026-11-26T12:00:00.999Z'))).toBe('2026-11-26T12:00:00Z');
  });
});
