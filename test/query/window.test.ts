import { describe, expect, it } from 'vitest';
import { AppError, type ErrorDetail } from '../../src/errors.js';
import type { DateArg, SinceArg } from '../../src/query/types.js';
import { type AskedDates, resolveWindow } from '../../src/query/window.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const NOW = '2026-11-26T12:00:00Z';

const day = (date: string): DateArg => ({ kind: 'day', date });
const instant = (iso: string): DateArg => ({ kind: 'instant', iso });

const ctx = (timeZone: string, now = NOW) => ({ now: createFakeClock(now).now(), timeZone });

const LIMITS = { maxMonths: 12 };

const resolve = (dates: AskedDates, context: ReturnType<typeof ctx>, limits = LIMITS) =>
  resolveWindow(dates, context, limits);

const refusal = (dates: AskedDates, timeZone = 'UTC', now = NOW, limits = LIMITS): ErrorDetail => {
  try {
    resolve(dates, ctx(timeZone, now), limits);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_ARGS');
    return (error as AppError).detail;
  }
  throw new Error('resolved without error');
};

describe('resolveWindow', () => {
  it('looks at the 30 days ending now when no dates are given', () => {
    expect(resolve({}, ctx('America/New_York'))).toEqual({
      from: '2026-10-27T12:00:00Z',
      to: '2026-11-26T12:00:00Z',
      notes: [{ kind: 'default-window', days: 30 }],
    });
  });

  it('drops milliseconds when now has them', () => {
    const clock = createFakeClock(NOW);
    clock.advance(1_999);
    expect(resolve({}, { now: clock.now(), timeZone: 'UTC' })).toMatchObject({
      from: '2026-10-27T12:00:01Z',
      to: '2026-11-26T12:00:01Z',
    });
  });

  it.each([
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T03:59:59Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T04:59:59Z'],
    ['America/New_York', '2026-07-04', '2026-07-04T04:00:00Z', '2026-07-05T03:59:59Z'],
    ['Asia/Kolkata', '2026-05-01', '2026-04-30T18:30:00Z', '2026-05-01T18:29:59Z'],
    ['Pacific/Auckland', '2026-04-05', '2026-04-04T11:00:00Z', '2026-04-05T11:59:59Z'],
    ['Pacific/Auckland', '2026-09-27', '2026-09-26T12:00:00Z', '2026-09-27T10:59:59Z'],
    ['Pacific/Kiritimati', '2026-11-26', '2026-11-25T10:00:00Z', '2026-11-26T09:59:59Z'],
    ['America/Havana', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T04:59:59Z'],
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00Z', '2026-09-07T02:59:59Z'],
    ['UTC', '2026-11-01', '2026-11-01T00:00:00Z', '2026-11-01T23:59:59Z'],
    ['Mars/Olympus_Mons', '2026-11-01', '2026-11-01T00:00:00Z', '2026-11-01T23:59:59Z'],
    ['', '2026-11-01', '2026-11-01T00:00:00Z', '2026-11-01T23:59:59Z'],
  ])(
    'covers the whole local day in %j when from and to are both %s',
    (timeZone, date, from, to) => {
      expect(resolve({ from: day(date), to: day(date) }, ctx(timeZone))).toEqual({
        from,
        to,
        notes: [],
      });
    },
  );

  it('uses instants as given when from and to are instants', () => {
    expect(
      resolve(
        { from: instant('2026-11-01T10:00:00Z'), to: instant('2026-11-02T10:00:00Z') },
        ctx('Asia/Kolkata'),
      ),
    ).toEqual({ from: '2026-11-01T10:00:00Z', to: '2026-11-02T10:00:00Z', notes: [] });
  });

  it('mixes a local day and an instant when one of each is given', () => {
    expect(
      resolve(
        { from: day('2026-11-01'), to: instant('2026-11-02T10:00:00Z') },
        ctx('Asia/Kolkata'),
      ),
    ).toEqual({ from: '2026-10-31T18:30:00Z', to: '2026-11-02T10:00:00Z', notes: [] });
  });

  it.each([
    ['UTC', '2026-10-01', '2026-10-01T00:00:00Z', '2026-10-30T23:59:59Z'],
    ['America/New_York', '2026-10-01', '2026-10-01T04:00:00Z', '2026-10-31T03:59:59Z'],
    ['America/New_York', '2026-10-15', '2026-10-15T04:00:00Z', '2026-11-14T04:59:59Z'],
    ['Pacific/Auckland', '2026-09-01', '2026-08-31T12:00:00Z', '2026-09-30T10:59:59Z'],
  ])('covers 30 whole local days in %j when only from:%s is given', (timeZone, date, from, to) => {
    expect(resolve({ from: day(date) }, ctx(timeZone))).toEqual({
      from,
      to,
      notes: [{ kind: 'open-ended', days: 30, clippedToNow: false }],
    });
  });

  it('covers 30 days after an instant when only an instant from is given', () => {
    expect(resolve({ from: instant('2026-10-01T10:00:00Z') }, ctx('UTC'))).toEqual({
      from: '2026-10-01T10:00:00Z',
      to: '2026-10-31T10:00:00Z',
      notes: [{ kind: 'open-ended', days: 30, clippedToNow: false }],
    });
  });

  it.each([
    [day('2026-11-20'), '2026-11-20T00:00:00Z'],
    [day('2026-11-26'), '2026-11-26T00:00:00Z'],
    [instant('2026-11-26T12:00:00Z'), '2026-11-26T12:00:00Z'],
  ])(
    'stops at now and says so when only from %j is given and 30 days reach past now',
    (from, iso) => {
      expect(resolve({ from }, ctx('UTC'))).toEqual({
        from: iso,
        to: '2026-11-26T12:00:00Z',
        notes: [{ kind: 'open-ended', days: 30, clippedToNow: true }],
      });
    },
  );

  it.each([
    ['UTC', day('2026-11-10'), '2026-10-12T00:00:00Z', '2026-11-10T23:59:59Z'],
    ['America/New_York', day('2026-11-10'), '2026-10-12T04:00:00Z', '2026-11-11T04:59:59Z'],
    [
      'Asia/Kolkata',
      instant('2026-11-10T00:00:00Z'),
      '2026-10-11T00:00:00Z',
      '2026-11-10T00:00:00Z',
    ],
  ])(
    'covers the 30 days ending at to in %j when only to %j is given',
    (timeZone, to, from, end) => {
      expect(resolve({ to }, ctx(timeZone))).toEqual({
        from,
        to: end,
        notes: [{ kind: 'open-start', days: 30 }],
      });
    },
  );

  it.each([day('2026-11-26'), day('2026-12-31'), instant('2026-11-26T12:00:01Z')])(
    'covers the 30 days ending now when only to %j is given and it is later than now',
    (to) => {
      expect(resolve({ to }, ctx('UTC'))).toEqual({
        from: '2026-10-27T12:00:00Z',
        to: '2026-11-26T12:00:00Z',
        notes: [{ kind: 'open-start', days: 30 }],
      });
    },
  );

  it('stops at now without a note when to is later than now', () => {
    expect(resolve({ from: day('2026-11-01'), to: day('2026-12-31') }, ctx('UTC'))).toEqual({
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-26T12:00:00Z',
      notes: [],
    });
  });

  it.each([
    [{ from: day('2026-11-10'), to: day('2026-11-01') }, '2026-11-10…2026-11-01'],
    [
      { from: instant('2026-11-10T00:00:01Z'), to: instant('2026-11-10T00:00:00Z') },
      '2026-11-10T00:00:01Z…2026-11-10T00:00:00Z',
    ],
    [
      { from: day('2026-11-10'), to: instant('2026-11-09T23:59:59Z') },
      '2026-11-10…2026-11-09T23:59:59Z',
    ],
  ])('refuses %j when from is later than to', (dates, value) => {
    expect(refusal(dates)).toEqual({ reason: 'from-after-to', value });
  });

  it('accepts the same instant as from and to when they are equal', () => {
    const at = instant('2026-11-10T00:00:00Z');
    expect(resolve({ from: at, to: at }, ctx('UTC'))).toMatchObject({
      from: '2026-11-10T00:00:00Z',
      to: '2026-11-10T00:00:00Z',
    });
  });

  it.each([
    [day('2026-11-27'), '2026-11-27'],
    [instant('2026-11-26T12:00:01Z'), '2026-11-26T12:00:01Z'],
  ])('refuses from %j when it is later than now', (from, value) => {
    expect(refusal({ from })).toEqual({ reason: 'from-in-future', option: 'from', value });
    expect(refusal({ from, to: day('2026-12-01') })).toEqual({
      reason: 'from-in-future',
      option: 'from',
      value,
    });
  });

  it('accepts tomorrow’s UTC date as from when it is already that day in Kiritimati', () => {
    expect(refusal({ from: day('2026-11-27') }, 'UTC').reason).toBe('from-in-future');
    expect(resolve({ from: day('2026-11-27') }, ctx('Pacific/Kiritimati'))).toEqual({
      from: '2026-11-26T10:00:00Z',
      to: '2026-11-26T12:00:00Z',
      notes: [{ kind: 'open-ended', days: 30, clippedToNow: true }],
    });
  });

  it.each([
    ['UTC', '2026-01-01', '2026-06-30', '2026-01-01T00:00:00Z', '2026-06-30T23:59:59Z'],
    [
      'America/New_York',
      '2026-10-01',
      '2026-11-01',
      '2026-10-01T04:00:00Z',
      '2026-11-02T04:59:59Z',
    ],
    [
      'Pacific/Auckland',
      '2026-03-15',
      '2026-04-15',
      '2026-03-14T11:00:00Z',
      '2026-04-15T11:59:59Z',
    ],
  ])(
    'keeps a range longer than 31 days in %j from:%s to:%s whole, to be asked a month at a time',
    (timeZone, from, to, start, end) => {
      expect(resolve({ from: day(from), to: day(to) }, ctx(timeZone))).toEqual({
        from: start,
        to: end,
        notes: [],
      });
    },
  );

  it.each([
    ['UTC', '2025-11-27', '2026-11-26'],
    ['America/New_York', '2025-11-27', '2026-11-26'],
    ['UTC', '2026-01-01', '2026-12-31'],
    ['Europe/Paris', '2024-03-01', '2025-02-28'],
  ])('accepts 12 months in %j from:%s to:%s under a cap of 12', (timeZone, from, to) => {
    const now = '2027-06-01T00:00:00Z';
    expect(() => resolve({ from: day(from), to: day(to) }, ctx(timeZone, now))).not.toThrow();
  });

  it.each([
    ['UTC', '2025-11-26', '2026-11-26'],
    ['America/New_York', '2025-11-26', '2026-11-26'],
    ['UTC', '2026-01-01', '2027-01-01'],
  ])(
    'refuses a day more than 12 months in %j from:%s to:%s, with the cap',
    (timeZone, from, to) => {
      expect(refusal({ from: day(from), to: day(to) }, timeZone, '2027-06-01T00:00:00Z')).toEqual({
        reason: 'range-over-cap',
        limit: 12,
        value: `${from}…${to}`,
      });
    },
  );

  it('measures the cap after stopping at now when to is later than now', () => {
    expect(resolve({ from: day('2026-01-01'), to: day('2027-03-01') }, ctx('UTC'))).toMatchObject({
      from: '2026-01-01T00:00:00Z',
      to: '2026-11-26T12:00:00Z',
    });
    expect(refusal({ from: day('2025-11-26'), to: day('2027-03-01') }).reason).toBe(
      'range-over-cap',
    );
  });

  it('applies the configured cap when it is not 12', () => {
    const dates = { from: day('2026-08-01'), to: day('2026-10-31') };
    expect(() => resolve(dates, ctx('UTC'), { maxMonths: 3 })).not.toThrow();
    expect(refusal({ ...dates, from: day('2026-07-31') }, 'UTC', NOW, { maxMonths: 3 })).toEqual({
      reason: 'range-over-cap',
      limit: 3,
      value: '2026-07-31…2026-10-31',
    });
  });
});

describe('resolveWindow with since', () => {
  const since = (amount: number, unit: SinceArg['unit']): AskedDates => ({
    since: { amount, unit },
  });

  it.each([
    ['UTC', since(7, 'day'), '2026-11-19T12:00:00Z'],
    ['UTC', since(2, 'week'), '2026-11-12T12:00:00Z'],
    ['UTC', since(3, 'month'), '2026-08-26T12:00:00Z'],
    ['America/New_York', since(7, 'day'), '2026-11-19T12:00:00Z'],
    ['America/New_York', since(4, 'week'), '2026-10-29T11:00:00Z'],
    ['Europe/Paris', since(1, 'month'), '2026-10-26T12:00:00Z'],
    ['Europe/Paris', since(2, 'month'), '2026-09-26T11:00:00Z'],
    ['Australia/Sydney', since(2, 'month'), '2026-09-26T13:00:00Z'],
  ])('counts back on the wall clock of %j for %j, up to now', (timeZone, dates, from) => {
    expect(resolve(dates, ctx(timeZone))).toEqual({
      from,
      to: '2026-11-26T12:00:00Z',
      notes: [],
    });
  });

  it('ends a month back on the last day of a shorter month, leap years included', () => {
    expect(resolve(since(1, 'month'), ctx('UTC', '2028-03-31T09:00:00Z')).from).toBe(
      '2028-02-29T09:00:00Z',
    );
    expect(resolve(since(1, 'month'), ctx('UTC', '2027-03-31T09:00:00Z')).from).toBe(
      '2027-02-28T09:00:00Z',
    );
  });

  it('accepts exactly the cap in months, even from a leap day', () => {
    expect(resolve(since(12, 'month'), ctx('UTC', '2028-02-29T09:00:00Z')).from).toBe(
      '2027-02-28T09:00:00Z',
    );
  });

  it.each([
    [since(13, 'month'), '13m'],
    [since(53, 'week'), '53w'],
    [since(400, 'day'), '400d'],
  ])('refuses %j over a cap of 12 months, with the cap', (dates, value) => {
    expect(refusal(dates)).toEqual({ reason: 'range-over-cap', limit: 12, value });
  });
});
