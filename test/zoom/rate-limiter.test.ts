import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/clock.js';
import type { AppError } from '../../src/errors.js';
import { type QueueNotice, runWithNoticeListener } from '../../src/interim-notice.js';
import { createRateBudget, msUntilNextUtcDay, utcDay } from '../../src/zoom/rate-budget.js';
import { createZoomRateLimiter, estimateQueueWaitMs } from '../../src/zoom/rate-limiter.js';
import type { ReleaseTurn } from '../../src/zoom/turn-line.js';
import { createZoomCaller } from '../../src/zoom/zoom-caller.js';

const START = '2026-11-26T12:00:00.000Z';
/** How long a slot stays closed after its request ended. */
const WINDOW_MS = 1_000;
const silent = pino({ level: 'silent' });

/** Lets every promise chain and due timer run, without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/**
 * A limiter over an in-memory budget. `ask` requests a turn; by default the request "has its
 * answer" at once and releases its slot, as against a fast Zoom; `hold` keeps it in flight.
 */
const setup = (limits: { perSecond?: number; perDay?: number } = {}) => {
  const budget = createRateBudget({
    perSecond: limits.perSecond ?? 2,
    perDay: limits.perDay ?? 1_000,
    attemptTimeoutMs: 8_000,
    keyPrefix: 'test:',
    clock: systemClock,
    logger: silent,
  });
  const waits: number[] = [];
  const limiter = createZoomRateLimiter({
    budget,
    clock: systemClock,
    noticeAfterMs: 3_000,
    onWait: (ms) => waits.push(ms),
  });
  const granted: string[] = [];
  const held: Record<string, ReleaseTurn> = {};
  const refused: Record<string, AppError> = {};
  const ask = (
    name: string,
    options: { deadlineMs?: number; retry?: boolean; hold?: boolean; person?: string } = {},
  ) =>
    limiter
      .acquire({
        deadlineMs: options.deadlineMs ?? Number.POSITIVE_INFINITY,
        retry: options.retry ?? false,
        caller: options.person === undefined ? undefined : createZoomCaller(options.person),
      })
      .then(
        (release) => {
          granted.push(name);
          if (options.hold === true) held[name] = release;
          else release();
        },
        (error: AppError) => {
          refused[name] = error;
        },
      );
  return { budget, limiter, granted, held, refused, ask, waits };
};

describe('createZoomRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date(START) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('grants one slot per request at once, then each slot again a second after its request ended', async () => {
    const { ask, granted } = setup({ perSecond: 2 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) void ask(name);
    await settle();
    expect(granted).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(WINDOW_MS - 1);
    expect(granted).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    expect(granted).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps a slot closed while its request is in flight, and a second after it ended', async () => {
    const { ask, granted, held } = setup({ perSecond: 1 });
    void ask('slow', { hold: true });
    void ask('next');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(granted).toEqual(['slow']);
    held.slow?.();
    await vi.advanceTimersByTimeAsync(WINDOW_MS - 1);
    expect(granted).toEqual(['slow']);
    await vi.advanceTimersByTimeAsync(100);
    expect(granted).toEqual(['slow', 'next']);
  });

  it('never lets two requests through one slot within a second, however requests trickle in', async () => {
    const { ask, granted } = setup({ perSecond: 2 });
    void ask('a');
    await vi.advanceTimersByTimeAsync(600);
    void ask('b');
    void ask('c');
    await settle();
    expect(granted).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(399);
    expect(granted).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['a', 'b', 'c']);
    void ask('d');
    await vi.advanceTimersByTimeAsync(599);
    expect(granted).toEqual(['a', 'b', 'c']);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
  });

  it('serves requests in the order they came, a retry first', async () => {
    const { ask, granted } = setup({ perSecond: 1 });
    for (const name of ['first', 'second', 'third']) void ask(name);
    await settle();
    void ask('retry', { retry: true });
    await vi.advanceTimersByTimeAsync(3 * WINDOW_MS);
    expect(granted).toEqual(['first', 'retry', 'second', 'third']);
  });

  it('grants every request at once when there is no client-side limit (perSecond 0)', async () => {
    const { ask, granted, limiter } = setup({ perSecond: 0 });
    for (let i = 0; i < 50; i += 1) void ask(`r${i}`, { hold: true });
    await settle();
    expect(granted).toHaveLength(50);
    expect(limiter.waiting).toBe(0);
  });

  it("serves people in turn: one person's backlog delays another by one slot at most", async () => {
    const { ask, granted } = setup({ perSecond: 1 });
    for (let i = 1; i <= 20; i += 1) void ask(`a${i}`, { person: 'U0A' });
    await settle();
    void ask('b1', { person: 'U0B' });
    void ask('c1', { person: 'U0C' });
    void ask('b2', { person: 'U0B' });
    await vi.advanceTimersByTimeAsync(6 * WINDOW_MS);
    expect(granted).toEqual(['a1', 'a2', 'b1', 'c1', 'a3', 'b2', 'a4']);
  });

  it('reports how long a request waited for its turn, when it had to wait', async () => {
    const { ask, waits } = setup({ perSecond: 1 });
    void ask('a');
    void ask('b');
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    expect(waits).toEqual([WINDOW_MS]);
  });

  it('tells a request queued for long how many are ahead, and a short wait nothing', async () => {
    const { limiter } = setup({ perSecond: 2 });
    const notices: Record<string, QueueNotice[]> = {};
    const askWithNotices = (name: string) => {
      notices[name] = [];
      return runWithNoticeListener(
        (notice) => notices[name]?.push(notice),
        () => limiter.acquire({ deadlineMs: Number.POSITIVE_INFINITY, retry: false }),
      ).then((release) => release());
    };
    const all = Array.from({ length: 7 }, (_, i) => askWithNotices(`r${i}`));
    await vi.advanceTimersByTimeAsync(4 * WINDOW_MS);
    await Promise.all(all);
    expect(notices.r0).toEqual([]);
    expect(notices.r5).toEqual([]);
    expect(notices.r6).toEqual([{ ahead: 6, estimatedWaitMs: 3 * WINDOW_MS }]);
  });

  it('refuses at once a request whose turn could come after its deadline', async () => {
    const { ask, granted, refused } = setup({ perSecond: 1 });
    for (const name of ['a', 'b', 'c']) void ask(name);
    void ask('late', { deadlineMs: Date.now() + 2_500 });
    await settle();
    expect(refused.late).toMatchObject({
      code: 'ZOOM_RATE_LIMITED',
      detail: { retryAfterMs: 4 * WINDOW_MS, rateLimit: 'per-second' },
    });
    await vi.advanceTimersByTimeAsync(2 * WINDOW_MS);
    expect(granted).toEqual(['a', 'b', 'c']);
  });

  it('serves a request whose deadline leaves room for its turn', async () => {
    const { ask, granted, refused } = setup({ perSecond: 1 });
    void ask('a');
    void ask('b', { deadlineMs: Date.now() + 5_000 });
    await settle();
    expect(granted).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    expect(granted).toEqual(['a', 'b']);
    expect(refused).toEqual({});
  });

  it('refuses at the deadline when the budget stays paused', async () => {
    const { limiter, ask, refused } = setup({ perSecond: 1 });
    await limiter.backOff({ kind: 'per-second', retryAfterMs: 10_000 });
    void ask('a', { deadlineMs: Date.now() + 3_000 });
    await settle();
    expect(refused.a).toBeUndefined();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(refused.a).toMatchObject({ code: 'ZOOM_RATE_LIMITED' });
  });

  it('pauses every request for as long as a per-second 429 said, one second when it did not', async () => {
    const { limiter, ask, granted } = setup({ perSecond: 5 });
    await limiter.backOff({ kind: 'per-second', retryAfterMs: 3_000 });
    void ask('a');
    await vi.advanceTimersByTimeAsync(2_999);
    expect(granted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['a']);

    await limiter.backOff({ kind: 'per-second', retryAfterMs: undefined });
    void ask('b');
    await vi.advanceTimersByTimeAsync(999);
    expect(granted).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['a', 'b']);
  });

  it('keeps the pause when a request in flight ends during it', async () => {
    const { limiter, ask, granted, held } = setup({ perSecond: 1 });
    void ask('in flight', { hold: true });
    await settle();
    await limiter.backOff({ kind: 'per-second', retryAfterMs: 5_000 });
    held['in flight']?.();
    void ask('next');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(granted).toEqual(['in flight']);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['in flight', 'next']);
  });

  it('refuses once the day’s budget is spent, saying when it resets (00:00 UTC)', async () => {
    const { ask, granted, refused } = setup({ perSecond: 10, perDay: 3 });
    for (const name of ['a', 'b', 'c', 'd']) void ask(name);
    await settle();
    expect(granted).toEqual(['a', 'b', 'c']);
    expect(refused.d).toMatchObject({
      code: 'ZOOM_RATE_LIMITED',
      detail: { rateLimit: 'daily', retryAfterMs: 12 * 3_600_000 },
    });
  });

  it('after a daily 429 refuses the waiting and the later requests until Zoom’s reset', async () => {
    const { limiter, ask, refused, granted } = setup({ perSecond: 1 });
    void ask('a');
    void ask('waiting');
    await settle();
    await limiter.backOff({ kind: 'daily', retryAfterMs: 3_600_000 });
    void ask('later');
    await settle();
    expect(granted).toEqual(['a']);
    expect(refused.waiting).toMatchObject({ detail: { rateLimit: 'daily' } });
    expect(refused.later?.detail.retryAfterMs).toBeLessThanOrEqual(3_600_000);
    expect(refused.later?.detail.retryAfterMs).toBeGreaterThan(3_599_000);
  });

  it('once closed (shutdown) refuses the waiting and anyone who would wait, not a free slot', async () => {
    const { limiter, ask, refused, granted } = setup({ perSecond: 1 });
    for (const name of ['a', 'b', 'c']) void ask(name);
    await settle();
    limiter.close();
    void ask('d');
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    void ask('e');
    await vi.advanceTimersByTimeAsync(5 * WINDOW_MS);
    expect(granted).toEqual(['a', 'e']);
    expect(Object.keys(refused).sort()).toEqual(['b', 'c', 'd']);
    for (const error of Object.values(refused)) expect(error.code).toBe('APP_RESTARTING');
    expect(limiter.waiting).toBe(0);
  });
});

describe('estimateQueueWaitMs', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, WINDOW_MS],
    [12, 2 * WINDOW_MS],
    [300, 60 * WINDOW_MS],
  ])('with %i ahead and 5 slots a window waits %i ms', (ahead, ms) => {
    expect(estimateQueueWaitMs(ahead, 5, WINDOW_MS)).toBe(ms);
  });
});

describe('utcDay and msUntilNextUtcDay', () => {
  it.each([
    ['2026-11-26T12:00:00.000Z', '2026-11-26', 12 * 3_600_000],
    ['2026-11-26T23:59:59.999Z', '2026-11-26', 1],
    ['2026-11-27T00:00:00.000Z', '2026-11-27', 24 * 3_600_000],
  ])('at %s the day is %s and resets in %i ms', (iso, day, ms) => {
    expect(utcDay(new Date(iso))).toBe(day);
    expect(msUntilNextUtcDay(new Date(iso))).toBe(ms);
  });
});
