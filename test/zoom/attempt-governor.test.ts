import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { SessionQuery } from '../../src/query/types.js';
import {
  classifyRateLimit,
  createAttemptGovernor,
  type ZoomAttemptGovernor,
} from '../../src/zoom/attempt-governor.js';
import { runWithDeadline } from '../../src/zoom/call-budget.js';
import { createZoomClient } from '../../src/zoom/client.js';
import type { RateLimitSignal, ZoomRateLimiter } from '../../src/zoom/rate-limiter.js';
import rateLimited from '../fixtures/zoom/error-rate-limited.json' with { type: 'json' };
import lastPage from '../fixtures/zoom/sessions-last-page.json' with { type: 'json' };
import { createFakeClock } from '../helpers/fake-clock.js';
import { createFakeFetch, type FakeHandler, jsonResponse } from '../helpers/fake-fetch.js';

const SESSIONS = 'GET /v2/phone/users/:userId/sms/sessions';
const query: SessionQuery = {
  sessionType: 'user',
  filterType: 'last_message_time',
  from: '2026-11-01T00:00:00Z',
  to: '2026-11-26T12:00:00Z',
  pageSize: 10,
};

const ok: FakeHandler = () => jsonResponse(lastPage);
const status =
  (code: number, body: unknown = {}, headers: Record<string, string> = {}): FakeHandler =>
  () =>
    jsonResponse(body, { status: code, headers });

/** A governor that records what the client told it and refuses when told to. */
const recordingGovernor = (options: { refuseFrom?: number; remainingMs?: number } = {}) => {
  const seen: Array<{ attempt: number; previous: string | undefined }> = [];
  const limited: Array<string | null> = [];
  const released: number[] = [];
  const governor: ZoomAttemptGovernor = {
    beforeAttempt: async (attempt, previous) => {
      seen.push({ attempt, previous: previous?.code });
      if (options.refuseFrom !== undefined && attempt >= options.refuseFrom) {
        const refusal = new AppError('ZOOM_RATE_LIMITED', 'no turn in time');
        throw previous ?? refusal;
      }
      return () => {
        released.push(attempt);
      };
    },
    rateLimited: async (error, headers) => {
      limited.push(headers.get('x-ratelimit-type'));
      return error;
    },
    remainingMs: () => options.remainingMs ?? Number.POSITIVE_INFINITY,
  };
  return { governor, seen, limited, released };
};

const setup = (sessions: FakeHandler | readonly FakeHandler[], governor: ZoomAttemptGovernor) => {
  const fake = createFakeFetch({ [SESSIONS]: sessions });
  const sleeps: number[] = [];
  const client = createZoomClient({
    baseUrl: 'https://api.zoom.us/v2',
    tokenProvider: { getToken: async () => 'access-1', invalidate: () => {} },
    clock: createFakeClock(),
    logger: pino({ level: 'silent' }),
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    retry: {
      maxRateLimitRetries: 3,
      rateLimitWaitWithoutHeaderMs: 1_000,
      maxRateLimitWaitMs: 60_000,
    },
    governor,
  });
  return { fake, sleeps, list: () => client.listUserSmsSessions('a@example.com', query) };
};

describe('createZoomClient with a governor', () => {
  it('asks before every attempt, retries included, with the last error, and ends each turn', async () => {
    const { governor, seen, released } = recordingGovernor();
    const { list } = setup([status(503), status(500), ok], governor);
    await expect(list()).resolves.toMatchObject({ nextPageToken: '' });
    expect(seen).toEqual([
      { attempt: 1, previous: undefined },
      { attempt: 2, previous: 'ZOOM_UNAVAILABLE' },
      { attempt: 3, previous: 'ZOOM_UNAVAILABLE' },
    ]);
    expect(released).toEqual([1, 2, 3]);
  });

  it('throws the last attempt’s error when a retry gets no turn', async () => {
    const { governor } = recordingGovernor({ refuseFrom: 2 });
    const { list, fake } = setup([status(503), ok], governor);
    await expect(list()).rejects.toMatchObject({ code: 'ZOOM_UNAVAILABLE' });
    expect(fake.callsTo(SESSIONS)).toHaveLength(1);
  });

  // https://developers.zoom.us/docs/api/rest/rate-limits/
  it('tells the governor of each 429 with its headers, and waits a second when Zoom did not say', async () => {
    const { governor, limited } = recordingGovernor();
    const { list, sleeps } = setup(
      [status(429, rateLimited, { 'x-ratelimit-type': 'QPS' }), status(429, rateLimited), ok],
      governor,
    );
    await expect(list()).resolves.toMatchObject({ nextPageToken: '' });
    expect(limited).toEqual(['QPS', null]);
    expect(sleeps).toEqual([1_000, 1_000]);
  });

  it('does not start a wait longer than the time left', async () => {
    const { governor } = recordingGovernor({ remainingMs: 100 });
    const { list, fake, sleeps } = setup([status(503), ok], governor);
    await expect(list()).rejects.toMatchObject({ code: 'ZOOM_UNAVAILABLE' });
    expect(sleeps).toEqual([]);
    expect(fake.callsTo(SESSIONS)).toHaveLength(1);
  });
});

describe('classifyRateLimit', () => {
  it.each([
    ['QPS', undefined, 'per-second'],
    ['Daily-limit', undefined, 'daily'],
    ['daily-limit', 1_000, 'daily'],
    [null, 1_000, 'per-second'],
    [null, undefined, 'per-second'],
    [null, 3_600_000, 'daily'],
  ] as const)(
    'reads X-RateLimit-Type %s with Retry-After %s ms as %s',
    (type, retryAfterMs, kind) => {
      expect(classifyRateLimit(type, retryAfterMs)).toBe(kind);
    },
  );
});

describe('createAttemptGovernor', () => {
  const limiterStub = (refusal?: AppError) => {
    const acquired: Array<{ retry: boolean; deadlineMs: number }> = [];
    const backOffs: RateLimitSignal[] = [];
    const limiter: ZoomRateLimiter = {
      acquire: async (options) => {
        acquired.push(options);
        if (refusal !== undefined) throw refusal;
        return () => {};
      },
      backOff: async (signal) => {
        backOffs.push(signal);
      },
      close: () => {},
      waiting: 0,
    };
    return { limiter, acquired, backOffs };
  };

  it('asks for a turn within the call’s deadline, a retry at the front', async () => {
    const { limiter, acquired } = limiterStub();
    const governor = createAttemptGovernor(limiter, createFakeClock('2026-11-26T12:00:00Z'));
    const deadline = Date.parse('2026-11-26T12:00:30Z');
    await runWithDeadline(deadline, async () => {
      await governor.beforeAttempt(1, undefined);
      await governor.beforeAttempt(2, new AppError('ZOOM_UNAVAILABLE', '503'));
      expect(governor.remainingMs()).toBe(30_000);
    });
    expect(acquired).toEqual([
      { deadlineMs: deadline, retry: false },
      { deadlineMs: deadline, retry: true },
    ]);
  });

  it('throws the last attempt’s error when a retry gets no turn, but a spent day wins', async () => {
    const previous = new AppError('ZOOM_UNAVAILABLE', '503');
    const busy = createAttemptGovernor(
      limiterStub(new AppError('ZOOM_RATE_LIMITED', 'late')).limiter,
      createFakeClock(),
    );
    await expect(busy.beforeAttempt(2, previous)).rejects.toBe(previous);
    await expect(busy.beforeAttempt(1, undefined)).rejects.toMatchObject({ message: 'late' });
    const spent = new AppError('ZOOM_RATE_LIMITED', 'day', { detail: { rateLimit: 'daily' } });
    const daily = createAttemptGovernor(limiterStub(spent).limiter, createFakeClock());
    await expect(daily.beforeAttempt(2, previous)).rejects.toBe(spent);
  });

  it('backs the limiter off on a 429 and marks the daily one', async () => {
    const { limiter, backOffs } = limiterStub();
    const governor = createAttemptGovernor(limiter, createFakeClock());
    const error = new AppError('ZOOM_RATE_LIMITED', '429', {
      detail: { status: 429, retryAfterMs: 3_600_000 },
    });
    const marked = await governor.rateLimited(
      error,
      new Headers({ 'x-ratelimit-type': 'Daily-limit' }),
    );
    expect(marked.detail).toEqual({ status: 429, retryAfterMs: 3_600_000, rateLimit: 'daily' });
    const qps = new AppError('ZOOM_RATE_LIMITED', '429', { detail: { retryAfterMs: 1_000 } });
    expect(await governor.rateLimited(qps, new Headers({ 'x-ratelimit-type': 'QPS' }))).toBe(qps);
    expect(backOffs).toEqual([
      { kind: 'daily', retryAfterMs: 3_600_000 },
      { kind: 'per-second', retryAfterMs: 1_000 },
    ]);
  });
});
