import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { buildQuery } from '../../src/query/build-query.js';
import { DEFAULT_PAGE_SIZE } from '../../src/query/types.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const ctx = (timeZone = 'UTC') => ({
  now: createFakeClock('2026-11-26T12:00:00Z').now(),
  timeZone,
});

const LIMITS = { maxMonths: 12 };

describe('buildQuery', () => {
  it('applies Zoom’s defaults and the default window when only a target is given', () => {
    const { query, notes } = buildQuery({ target: { kind: 'self' } }, ctx(), LIMITS);
    expect(query).toEqual({
      sessionType: 'all',
      filterType: 'last_message_time',
      from: '2026-10-27T12:00:00Z',
      to: '2026-11-26T12:00:00Z',
      pageSize: DEFAULT_PAGE_SIZE,
    });
    expect(query).not.toHaveProperty('phoneNumber');
    expect(notes).toEqual([{ kind: 'default-window', days: 30 }]);
  });

  it('keeps what the person asked for when every option is given', () => {
    expect(
      buildQuery(
        {
          target: { kind: 'slack-user', userId: 'U123ABC' },
          from: { kind: 'day', date: '2026-11-01' },
          to: { kind: 'day', date: '2026-11-02' },
          sessionType: 'call_queue',
          filterType: 'sent_received_message_time',
          phoneNumber: '14155550100',
          pageSize: 100,
        },
        ctx('Asia/Kolkata'),
        LIMITS,
      ),
    ).toEqual({
      query: {
        sessionType: 'call_queue',
        filterType: 'sent_received_message_time',
        from: '2026-10-31T18:30:00Z',
        to: '2026-11-02T18:29:59Z',
        phoneNumber: '14155550100',
        pageSize: 100,
      },
      notes: [],
    });
  });

  it('passes on the window’s note when only from is given', () => {
    expect(
      buildQuery(
        { target: { kind: 'self' }, from: { kind: 'day', date: '2026-11-20' } },
        ctx(),
        LIMITS,
      ).notes,
    ).toEqual([{ kind: 'open-ended', days: 30, clippedToNow: true }]);
  });

  it('refuses the dates when the window cannot be built', () => {
    expect(() =>
      buildQuery(
        { target: { kind: 'self' }, from: { kind: 'day', date: '2026-12-01' } },
        ctx(),
        LIMITS,
      ),
    ).toThrow(
      expect.objectContaining({
        constructor: AppError,
        code: 'INVALID_ARGS',
        detail: { reason: 'from-in-future', option: 'from', value: '2026-12-01' },
      }),
    );
  });

  it('keeps the whole of a range longer than a month, and refuses one over the cap', () => {
    const since = (amount: number) => ({
      target: { kind: 'self' } as const,
      since: { amount, unit: 'month' } as const,
    });
    expect(buildQuery(since(6), ctx(), LIMITS).query).toMatchObject({
      from: '2026-05-26T12:00:00Z',
      to: '2026-11-26T12:00:00Z',
    });
    expect(() => buildQuery(since(6), ctx(), { maxMonths: 5 })).toThrow(
      expect.objectContaining({ detail: { reason: 'range-over-cap', limit: 5, value: '6m' } }),
    );
  });
});
