import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import {
  buildDataset,
  createDemoZoom,
  type DemoZoom,
  demoSessions,
  demoUser,
} from '../../src/demo-zoom/index.js';
import type { AppError } from '../../src/errors.js';
import type { SessionQuery } from '../../src/query/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { runWithDeadline } from '../../src/zoom/call-budget.js';
import {
  createResilientZoom,
  MAX_RATE_LIMIT_WAIT_MS,
  type ResilientZoom,
  type ZoomLoadPolicy,
} from '../../src/zoom/resilient-zoom.js';
import { createTokenProvider } from '../../src/zoom/token-provider.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';

const silent = pino({ level: 'silent' });
const CREDENTIALS = { accountId: 'acct-r', clientId: 'client-r', clientSecret: 'secret-r' };
const USERS = Array.from({ length: 8 }, (_, i) => demoUser({ email: `person${i}@example.com` }));
const email = (i: number) => USERS[i]?.email ?? 'nobody@example.com';

const zoomTime = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
const query = (): SessionQuery => {
  const now = new Date();
  return {
    sessionType: 'user',
    filterType: 'last_message_time',
    from: zoomTime(new Date(now.getTime() - 10 * 86_400_000)),
    to: zoomTime(now),
    pageSize: 10,
  };
};

const POLICY: ZoomLoadPolicy = {
  ratePerSecond: 5,
  dailyLimit: 1_000,
  timeoutMs: 2_000,
  person: { burst: 100, perMinute: 6_000, dailySharePercent: 100, adminDailySharePercent: 100 },
  cacheTtlSeconds: 30,
  timeBudgetSeconds: 20,
};

const opened: Array<{ close(): Promise<void> }> = [];

/** A demo Zoom on loopback with a real clock, so its recorded `at` are real instants. */
const startZoom = async (rateLimit?: { perSecond: number }) => {
  const zoom = createDemoZoom({
    clock: systemClock,
    dataset: buildDataset({
      users: USERS,
      sessions: USERS.flatMap((user) => demoSessions(user, 3, { newest: new Date() })),
    }),
    credentials: CREDENTIALS,
    ...(rateLimit === undefined ? {} : { rateLimit }),
  });
  const address = await zoom.listen();
  opened.push(zoom);
  return { zoom, address };
};

const resilient = async (
  address: { baseUrl: string; tokenUrl: string },
  policy: Partial<ZoomLoadPolicy> = {},
  redis?: { url: string; keyPrefix: string },
): Promise<ResilientZoom> => {
  const made = await createResilientZoom({
    policy: { ...POLICY, ...policy },
    client: {
      baseUrl: address.baseUrl,
      tokenProvider: createTokenProvider({
        tokenUrl: address.tokenUrl,
        ...CREDENTIALS,
        clock: systemClock,
      }),
      clock: systemClock,
      logger: silent,
    },
    ...(redis === undefined ? {} : { redis }),
    store: createMemoryStore({ clock: systemClock }),
    clock: systemClock,
    logger: silent,
  });
  opened.push(made);
  return made;
};

const listTimes = (zoom: DemoZoom) =>
  zoom.requests.filter((r) => r.kind === 'list').map((r) => Date.parse(r.at));

/** The most requests among `times` (ms) in any window of `windowMs` starting at one of them. */
const busiestWindow = (times: readonly number[], windowMs = 1_000): number =>
  Math.max(
    0,
    ...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length),
  );

const waitUntil = async (predicate: () => boolean) => {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('createResilientZoom', () => {
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()));
  });

  it('makes 20 identical concurrent requests one Zoom call', async () => {
    const { zoom, address } = await startZoom();
    const { zoom: api } = await resilient(address, { cacheTtlSeconds: 0 });
    const q = query();
    const pages = await Promise.all(
      Array.from({ length: 20 }, () => api.listUserSmsSessions(email(0), q, '')),
    );
    expect(zoom.countCalls('list')).toBe(1);
    expect(new Set(pages.map((page) => JSON.stringify(page))).size).toBe(1);
    expect(pages[0]?.sessions).toHaveLength(3);
  });

  it('serves a repeated page from the cache with no Zoom call', async () => {
    const { zoom, address } = await startZoom();
    const { zoom: api } = await resilient(address);
    const q = query();
    await api.listUserSmsSessions(email(0), q, '');
    await api.listUserSmsSessions(email(0), q, '');
    expect(zoom.countCalls('list')).toBe(1);
  });

  it('pauses every request, not just the one, for the Retry-After of a per-second 429', async () => {
    const { zoom, address } = await startZoom();
    const { zoom: api } = await resilient(address);
    zoom.failNext(
      {
        status: 429,
        body: { code: 429, message: 'Too many' },
        headers: { 'Retry-After': '1', 'X-RateLimit-Type': 'QPS' },
      },
      { kind: 'list' },
    );
    const first = api.listUserSmsSessions(email(0), query(), '');
    await waitUntil(() => zoom.countCalls('list') === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = api.listUserSmsSessions(email(1), query(), '');
    await Promise.all([first, second]);
    const [limitedAt = 0, ...after] = listTimes(zoom);
    expect(after).toHaveLength(2);
    for (const at of after) expect(at - limitedAt).toBeGreaterThanOrEqual(950);
  });

  it('waits a second after a 429 that gives no Retry-After, then answers', async () => {
    const { zoom, address } = await startZoom();
    const { zoom: api } = await resilient(address);
    zoom.failNext({ status: 429, body: { code: 429, message: 'Too many' } }, { kind: 'list' });
    const page = await api.listUserSmsSessions(email(0), query(), '');
    expect(page.sessions).toHaveLength(3);
    const [limitedAt = 0, retriedAt = 0] = listTimes(zoom);
    expect(retriedAt - limitedAt).toBeGreaterThanOrEqual(950);
  });

  it('tells a per-second 429 whose Retry-After is more than a few seconds at once', async () => {
    const { zoom, address } = await startZoom();
    const { zoom: api } = await resilient(address);
    zoom.failNext(
      {
        status: 429,
        body: { code: 429, message: 'Too many' },
        headers: {
          'Retry-After': String(MAX_RATE_LIMIT_WAIT_MS / 1000 + 5),
          'X-RateLimit-Type': 'QPS',
        },
      },
      { kind: 'list' },
    );
    const error = (await api
      .listUserSmsSessions(email(0), query(), '')
      .catch((e) => e)) as AppError;
    expect(error).toMatchObject({
      code: 'ZOOM_RATE_LIMITED',
      detail: { retryAfterMs: MAX_RATE_LIMIT_WAIT_MS + 5_000 },
    });
    expect(error.detail.rateLimit).not.toBe('daily');
    expect(zoom.countCalls('list')).toBe(1);
  });

  it('keeps a caller’s nearer deadline: a call inside it never outlives it', async () => {
    const { zoom, address } = await startZoom();
    const { zoom: api } = await resilient(address, { timeoutMs: 10_000 });
    zoom.failNext({ kind: 'hang' }, { kind: 'list', times: 5 });
    const error = await runWithDeadline(Date.now() + 200, () =>
      api.listUserSmsSessions(email(0), query(), ''),
    ).catch((e) => e);
    // Without the nearer deadline this call would hang for three 10-second attempts, well past
    // the test's own timeout.
    expect(error).toMatchObject({ code: 'ZOOM_UNAVAILABLE' });
  });

  it('says when the daily limit resets, and stops asking Zoom until then', async () => {
    const { zoom, address } = await startZoom();
    const { zoom: api } = await resilient(address);
    const reset = new Date(Date.now() + 5 * 3_600_000);
    zoom.failNext(
      {
        status: 429,
        body: { code: 429, message: 'daily' },
        headers: {
          'Retry-After': reset.toISOString().replace(/\.\d+Z$/, 'Z'),
          'X-RateLimit-Type': 'Daily-limit',
        },
      },
      { kind: 'list' },
    );
    const error = (await api
      .listUserSmsSessions(email(0), query(), '')
      .catch((e) => e)) as AppError;
    expect(error).toMatchObject({ code: 'ZOOM_RATE_LIMITED', detail: { rateLimit: 'daily' } });
    expect(error.detail.retryAfterMs).toBeGreaterThan(5 * 3_600_000 - 5_000);
    const next = (await api.listUserSmsSessions(email(1), query(), '').catch((e) => e)) as AppError;
    expect(next).toMatchObject({ code: 'ZOOM_RATE_LIMITED', detail: { rateLimit: 'daily' } });
    expect(zoom.countCalls('list')).toBe(1);
  });

  it('answers ZOOM_UNAVAILABLE within the time budget when Zoom hangs', async () => {
    const { zoom, address } = await startZoom();
    const { zoom: api } = await resilient(address, { timeoutMs: 10_000, timeBudgetSeconds: 1 });
    zoom.failNext({ kind: 'hang' }, { kind: 'list', times: 5 });
    const started = Date.now();
    const error = await api.listUserSmsSessions(email(0), query(), '').catch((e) => e);
    expect(error).toMatchObject({ code: 'ZOOM_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses waiting requests with APP_RESTARTING once queueing stops', async () => {
    const { address } = await startZoom();
    const made = await resilient(address, { ratePerSecond: 1 });
    const asked = [0, 1, 2].map((i) =>
      made.zoom.listUserSmsSessions(email(i), query(), '').then(
        () => 'page',
        (error: AppError) => error.code,
      ),
    );
    await waitUntil(() => made.waiting() === 2);
    made.stopQueueing();
    expect(await Promise.all(asked)).toEqual(['page', 'APP_RESTARTING', 'APP_RESTARTING']);
  });
});

const redisUp = await checkRedis();

describe.skipIf(!redisUp)('createResilientZoom on two replicas sharing Redis', () => {
  const prefix = `${RUN_KEY_PREFIX}resilient:`;

  afterAll(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()));
    const redis = new Redis(REDIS_TEST_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('keeps both under one per-second budget: Zoom never sees more than 2 in a second', async () => {
    const { zoom, address } = await startZoom({ perSecond: 2 });
    const shared = { url: REDIS_TEST_URL, keyPrefix: prefix };
    const a = await resilient(address, { ratePerSecond: 2 }, shared);
    const b = await resilient(address, { ratePerSecond: 2 }, shared);
    const pages = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        (i % 2 === 0 ? a : b).zoom.listUserSmsSessions(email(i), query(), ''),
      ),
    );
    expect(pages.every((page) => page.sessions.length === 3)).toBe(true);
    const times = listTimes(zoom);
    expect(times).toHaveLength(6);
    expect(busiestWindow(times)).toBeLessThanOrEqual(2);
  });
});
