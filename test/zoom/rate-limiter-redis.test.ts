import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { createRateBudget, msUntilNextUtcDay, SLOT_POLL_MS } from '../../src/zoom/rate-budget.js';
import { createRedisWaitLine } from '../../src/zoom/wait-line.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';

const silent = pino({ level: 'silent' });
const redisUp = await checkRedis();
const PREFIX = `${RUN_KEY_PREFIX}rate:`;

const connect = async (): Promise<Redis> => {
  const redis = new Redis(REDIS_TEST_URL, { lazyConnect: true, enableOfflineQueue: false });
  await redis.connect();
  return redis;
};

/** Two replicas' budgets over their own connections to one Redis, under one key prefix. */
const replicas = (prefix: string, limits: { perSecond: number; perDay: number }) =>
  connections.map((redis) =>
    createRateBudget({
      ...limits,
      attemptTimeoutMs: 8_000,
      redis,
      keyPrefix: prefix,
      clock: systemClock,
      logger: silent,
    }),
  );

let connections: Redis[] = [];

describe.skipIf(!redisUp)('createRateBudget with Redis (several replicas)', () => {
  beforeAll(async () => {
    connections = [await connect(), await connect()];
  });

  afterAll(async () => {
    const [redis] = connections;
    if (redis !== undefined) {
      const keys = await redis.keys(`${RUN_KEY_PREFIX}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await Promise.all(connections.map((each) => each.quit()));
  });

  it('shares the slots across replicas: held while in flight, closed a second after', async () => {
    const [a, b] = replicas(`${PREFIX}slots:`, { perSecond: 3, perDay: 100 });
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    const answers = await Promise.all([
      a.takeSlot(),
      b.takeSlot(),
      a.takeSlot(),
      b.takeSlot(),
      a.takeSlot(),
    ]);
    const granted = answers.flatMap((answer) => (answer.granted ? [answer] : []));
    expect(granted).toHaveLength(3);
    const whileHeld = await b.takeSlot();
    expect(whileHeld).toEqual({ granted: false, retryInMs: SLOT_POLL_MS });
    await granted[0]?.release();
    const afterRelease = await b.takeSlot();
    expect(afterRelease.granted).toBe(false);
    if (!afterRelease.granted) {
      expect(afterRelease.retryInMs).toBeGreaterThan(900);
      expect(afterRelease.retryInMs).toBeLessThanOrEqual(1_000);
    }
  });

  it('pauses every replica when one backs off', async () => {
    const [a, b] = replicas(`${PREFIX}pause:`, { perSecond: 5, perDay: 100 });
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    await a.pauseSlots(3_000);
    const answer = await b.takeSlot();
    expect(answer.granted).toBe(false);
    if (!answer.granted) expect(answer.retryInMs).toBeGreaterThan(2_000);
  });

  it('shares the daily budget, which runs to 00:00 UTC, and its exhaustion', async () => {
    const [a, b] = replicas(`${PREFIX}daily:`, { perSecond: 10, perDay: 2 });
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    expect(await a.takeDaily()).toEqual({ granted: true });
    expect(await b.takeDaily()).toEqual({ granted: true });
    const third = await a.takeDaily();
    expect(third.granted).toBe(false);
    if (!third.granted) {
      expect(third.retryInMs).toBeLessThanOrEqual(msUntilNextUtcDay(new Date()) + 1_000);
      expect(third.retryInMs).toBeGreaterThan(msUntilNextUtcDay(new Date()) - 5_000);
    }

    const [c, d] = replicas(`${PREFIX}daily-429:`, { perSecond: 10, perDay: 1_000 });
    if (c === undefined || d === undefined) throw new Error('two replicas expected');
    await c.exhaustDaily(60_000);
    expect(await d.takeDaily()).toMatchObject({ granted: false });
  });

  it('counts the wait line across replicas', async () => {
    const [one, two] = connections.map((redis) =>
      createRedisWaitLine({
        redis,
        keyPrefix: `${PREFIX}line:`,
        staleAfterMs: 60_000,
        clock: systemClock,
        logger: silent,
      }),
    );
    if (one === undefined || two === undefined) throw new Error('two replicas expected');
    expect(await one.join('a1')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await one.join('a2')).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await two.join('b1')).toBe(2);
    await one.leave('a1');
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await two.join('b2')).toBe(2);
  });
});

describe('createRateBudget when Redis is down', () => {
  it('keeps counting in this process (the insurance limiter)', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    const budget = createRateBudget({
      perSecond: 2,
      perDay: 100,
      attemptTimeoutMs: 8_000,
      redis: unreachable,
      keyPrefix: `${PREFIX}down:`,
      clock: systemClock,
      logger: silent,
    });
    const answers = [await budget.takeSlot(), await budget.takeSlot(), await budget.takeSlot()];
    expect(answers.map((answer) => answer.granted)).toEqual([true, true, false]);
    expect(await budget.takeDaily()).toEqual({ granted: true });
    unreachable.disconnect();
  });

  it('reads an unreachable wait line as unknown, never as an error', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    const line = createRedisWaitLine({
      redis: unreachable,
      keyPrefix: `${PREFIX}down:`,
      staleAfterMs: 1_000,
      clock: systemClock,
      logger: silent,
    });
    expect(await line.join('x')).toBeUndefined();
    await expect(line.leave('x')).resolves.toBeUndefined();
    unreachable.disconnect();
  });
});
