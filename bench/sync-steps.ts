import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { pino } from 'pino';
import { Bench } from 'tinybench';
import { systemClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import { CHECKPOINT_INTERVAL_MS } from '../src/store/sqlite-checkpointer.js';
import { createSqliteStore } from '../src/store/sqlite-store.js';
import { createPersonAllowance } from '../src/zoom/person-allowance.js';
import { createRateBudget } from '../src/zoom/rate-budget.js';
import { createZoomRateLimiter } from '../src/zoom/rate-limiter.js';
import { createZoomCaller } from '../src/zoom/zoom-caller.js';
import type { Spread } from './stats.js';

const US_PER_MS = 1000;
const WARMUP_MAX_MS = 300;
const PEOPLE = 500;
/** About the JSON of one cached page of ten sessions. */
const PAGE_JSON_CHARS = 5_000;
const AUDIT_BATCH_ROWS = 20;

/** How long one step on the request path takes, run again and again. */
export interface SyncStepResult {
  readonly step: string;
  readonly meanUs: number;
  readonly us: Spread;
  /** The step is asynchronous: its time includes waiting, so it bounds its synchronous part. */
  readonly awaits: boolean;
}

/** The limiter's turn for one request, with or without each person's allowance and lane. */
const limiterTurn = (fair: boolean) => {
  const silent = pino({ level: 'silent' });
  const budget = createRateBudget({
    perSecond: 0,
    perDay: 1e9,
    attemptTimeoutMs: 8_000,
    keyPrefix: 'bench:',
    clock: systemClock,
    logger: silent,
  });
  const limiter = createZoomRateLimiter({
    budget,
    clock: systemClock,
    ...(fair
      ? {
          allowance: createPersonAllowance({
            policy: {
              burst: 1e9,
              perMinute: 1e9,
              dailySharePercent: 100,
              adminDailySharePercent: 100,
              dailyLimit: 1e9,
            },
            keyPrefix: 'bench:',
            clock: systemClock,
            logger: silent,
          }),
        }
      : {}),
  });
  let n = 0;
  return async () => {
    n += 1;
    const caller = fair ? createZoomCaller(`UB${n % PEOPLE}`) : undefined;
    const release = await limiter.acquire({
      deadlineMs: Number.POSITIVE_INFINITY,
      retry: false,
      caller,
    });
    release();
  };
};

/** Time the checkpoint worker is given to start (load better-sqlite3, open the file). */
const CHECKPOINTER_START_MS = 1_000;

/**
 * Times the synchronous steps every answer takes on the event loop, one by one with tinybench,
 * outside the app: a store write and read (SQLite, as configured in production), a batch of
 * audit rows, a log line (redacted, to a file as stdout is), and the Zoom limiter's turn with and
 * without the fairness layer (its difference is what the layer costs a Zoom call). Rendering has
 * its own section (bench/render.ts).
 */
export const benchmarkSyncSteps = async (options: {
  readonly timeMs: number;
  readonly iterations: number;
}): Promise<SyncStepResult[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'sms-sessions-sync-steps-'));
  const silent = pino({ level: 'silent' });
  const store = createSqliteStore(
    { path: join(dir, 'bench.db') },
    { clock: systemClock, logger: silent },
  );
  // A running app's store checkpoints in a worker thread, started one interval after it opens;
  // tinybench hardly lets the event loop turn, so give the worker its start first, or every
  // checkpoint would run inline in the steps measured here.
  await delay(CHECKPOINT_INTERVAL_MS + CHECKPOINTER_START_MS);
  const logFd = openSync(join(dir, 'app.log'), 'a');
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _encoding, done) {
        writeSync(logFd, chunk);
        done();
      },
    }),
  );
  const page = { sessions: 'x'.repeat(PAGE_JSON_CHARS), nextPageToken: 'token' };
  let n = 0;
  const steps: Array<[string, boolean, () => unknown]> = [
    [
      'SQLite store: cache a page for 30 s (`cacheSet`, ~5 KB; short-lived, so held in memory)',
      true,
      () => {
        n += 1;
        return store.cacheSet('zoom:v1:sessions', `key-${n}`, page, 30_000);
      },
    ],
    [
      'SQLite store: read a cached page (`cacheGet`)',
      true,
      () => store.cacheGet('zoom:v1:sessions', `key-${n}`),
    ],
    [
      `SQLite: one audit batch of ${AUDIT_BATCH_ROWS} rows (\`appendAuditBatch\`)`,
      true,
      () =>
        store.appendAuditBatch(
          Array.from({ length: AUDIT_BATCH_ROWS }, () => ({
            actorSlackUserId: 'UB000001',
            subjectSlackUserId: 'UB000001',
            subjectZoomUser: 'bench-1@example.com',
            action: 'list',
            filters: { from: '2026-10-27T12:00:00Z', to: '2026-11-26T12:00:00Z', size: 10 },
            resultCount: 10,
            allowed: true,
          })),
        ),
    ],
    [
      'one log line (redacted JSON, written to a file)',
      false,
      () =>
        logger.info(
          { requestId: 'r', kind: 'command', name: '/sms-sessions', user: 'UB000001', ackMs: 1 },
          'request handled',
        ),
    ],
    ['Zoom limiter: one turn, without the fairness layer', true, limiterTurn(false)],
    ['Zoom limiter: one turn, with the fairness layer', true, limiterTurn(true)],
  ];
  const bench = new Bench({
    time: options.timeMs,
    iterations: options.iterations,
    warmupTime: Math.min(options.timeMs, WARMUP_MAX_MS),
  });
  for (const [name, , task] of steps) bench.add(name, task);
  try {
    await bench.run();
  } finally {
    await store.close();
    closeSync(logFd);
    rmSync(dir, { recursive: true, force: true });
  }
  return steps.map(([step, awaits]) => {
    const result = bench.getTask(step)?.result;
    if (result === undefined || !('latency' in result)) {
      throw new Error(`"${step}" did not complete: ${result?.state ?? 'no task'}`);
    }
    return {
      step,
      awaits,
      meanUs: result.latency.mean * US_PER_MS,
      us: { p50: result.latency.p50 * US_PER_MS, p99: result.latency.p99 * US_PER_MS },
    };
  });
};
