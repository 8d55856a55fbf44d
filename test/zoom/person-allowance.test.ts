import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/clock.js';
import type { AppError } from '../../src/errors.js';
import {
  burstWindowSeconds,
  createPersonAllowance,
  dailyCapOf,
} from '../../src/zoom/person-allowance.js';
import { msUntilNextUtcDay } from '../../src/zoom/rate-budget.js';
import { createZoomCaller } from '../../src/zoom/zoom-caller.js';

const START = '2026-11-26T12:00:00.000Z';
const silent = pino({ level: 'silent' });

const setup = (policy: Partial<Parameters<typeof createPersonAllowance>[0]['policy']> = {}) =>
  createPersonAllowance({
    policy: {
      burst: 3,
      perMinute: 6,
      dailySharePercent: 10,
      adminDailySharePercent: 50,
      dailyLimit: 100,
      ...policy,
    },
    keyPrefix: 'test:',
    clock: systemClock,
    logger: silent,
  });

const refusalOf = async (work: Promise<unknown>): Promise<AppError | undefined> =>
  work.then(
    () => undefined,
    (error: AppError) => error,
  );

describe('createPersonAllowance', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date(START) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets a person start a burst of requests, then says when they may go on', async () => {
    const allowance = setup();
    for (let i = 0; i < 3; i += 1) await allowance.takeRequest(createZoomCaller('U0A'));
    const refusal = await refusalOf(allowance.takeRequest(createZoomCaller('U0A')));
    expect(refusal?.code).toBe('SLOW_DOWN');
    expect(refusal?.detail).toMatchObject({ rateLimit: 'per-second', limit: 3 });
    expect(refusal?.detail.retryAfterMs).toBe(
      burstWindowSeconds({ burst: 3, perMinute: 6 }) * 1000,
    );
    await allowance.takeRequest(createZoomCaller('U0B'));
    await vi.advanceTimersByTimeAsync(30_000);
    await allowance.takeRequest(createZoomCaller('U0A'));
  });

  it('charges one request once, however many Zoom calls it makes', async () => {
    const allowance = setup({ burst: 1 });
    const caller = createZoomCaller('U0A');
    for (let i = 0; i < 5; i += 1) await allowance.takeRequest(caller);
    expect((await refusalOf(allowance.takeRequest(createZoomCaller('U0A'))))?.code).toBe(
      'SLOW_DOWN',
    );
  });

  it('stops a person at their share of the day, until 00:00 UTC, and an admin at theirs', async () => {
    const allowance = setup();
    const member = createZoomCaller('U0A');
    for (let i = 0; i < 10; i += 1) await allowance.takeDaily(member);
    const refusal = await refusalOf(allowance.takeDaily(member));
    expect(refusal?.detail).toMatchObject({
      rateLimit: 'daily',
      limit: 10,
      retryAfterMs: msUntilNextUtcDay(new Date(START)),
    });
    let privilegedAsked = 0;
    const admin = createZoomCaller('U0ADMIN', async () => {
      privilegedAsked += 1;
      return true;
    });
    for (let i = 0; i < 50; i += 1) await allowance.takeDaily(admin);
    expect((await refusalOf(allowance.takeDaily(admin)))?.detail.limit).toBe(50);
    expect(privilegedAsked).toBe(1);
    await vi.advanceTimersByTimeAsync(msUntilNextUtcDay(new Date(START)));
    await allowance.takeDaily(member);
  });

  it('gives everyone at least one request a day', () => {
    expect(dailyCapOf(10, 1)).toBe(1);
    expect(dailyCapOf(15_000, 5)).toBe(750);
  });
});
