import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAuditTrail,
  MAX_OPEN_REFUSAL_GROUPS,
  REFUSAL_COALESCE_MS,
  REFUSAL_SWEEP_MS,
} from '../../src/core/audit-trail.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/types.js';
import { TEST_PSEUDONYM_KEY } from '../helpers/app-keys.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';
import { createCapturingLogger } from '../store/logger.js';

const refusal = {
  actorSlackUserId: 'U0MALLORY',
  subjectSlackUserId: 'U0MALLORY',
  action: 'list',
  filters: { size: 10 },
  allowed: true,
  reason: 'SLOW_DOWN',
};

describe('createAuditTrail: repeated refusals', () => {
  let clock: FakeClock;
  let store: Store;

  beforeEach(() => {
    vi.useFakeTimers();
    clock = createFakeClock('2026-11-26T12:00:00Z');
    store = createMemoryStore({ clock });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Moves the clock and the timers together, as time passes. */
  const pass = async (ms: number) => {
    clock.advance(ms);
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('writes one entry with a count for 400 refusals of one person within a minute', async () => {
    const { logger, lines } = createCapturingLogger();
    const trail = createAuditTrail({ store, logger, clock, pseudonymKey: TEST_PSEUDONYM_KEY });
    for (let i = 0; i < 400; i += 1) {
      await trail.record({ ...refusal, filters: { size: i } });
      clock.advance(10);
    }
    expect(await store.listAudit({ limit: 1000 })).toHaveLength(1);
    await pass(REFUSAL_COALESCE_MS + REFUSAL_SWEEP_MS);
    const entries = await store.listAudit({ limit: 1000 });
    expect(entries).toMatchObject([
      { ...refusal, filters: { size: 0 }, at: '2026-11-26T12:00:00.000Z', count: 400 },
    ]);
    expect(lines.filter((line) => line.msg === 'audit')).toHaveLength(1);
    expect(lines.filter((line) => line.msg === 'audit refusals counted')).toMatchObject([
      { audit: { count: 400, reason: 'SLOW_DOWN' } },
    ]);
  });

  it('starts a new entry once the minute is over', async () => {
    const trail = createAuditTrail({
      store,
      logger: createCapturingLogger().logger,
      clock,
      pseudonymKey: TEST_PSEUDONYM_KEY,
    });
    await trail.record(refusal);
    await trail.record(refusal);
    await pass(REFUSAL_COALESCE_MS);
    await trail.record(refusal);
    await trail.flush();
    const entries = await store.listAudit({ limit: 10 });
    expect(entries.map((entry) => entry.count ?? 1)).toEqual([1, 2]);
  });

  it('keeps refusals of different people, reasons or subjects apart, and never counts allowed entries', async () => {
    const trail = createAuditTrail({
      store,
      logger: createCapturingLogger().logger,
      clock,
      pseudonymKey: TEST_PSEUDONYM_KEY,
    });
    await trail.record(refusal);
    await trail.record({ ...refusal, actorSlackUserId: 'U0BOB' });
    await trail.record({ ...refusal, reason: 'FORBIDDEN', allowed: false });
    await trail.record({ ...refusal, subjectSlackUserId: 'U0ALICE' });
    const { reason: _none, ...allowed } = refusal;
    const shown = { ...allowed, resultCount: 3 };
    await trail.record(shown);
    await trail.record(shown);
    await trail.flush();
    const entries = await store.listAudit({ limit: 10 });
    expect(entries).toHaveLength(6);
    expect(entries.every((entry) => entry.count === undefined)).toBe(true);
  });

  it('writes the counts it holds on flush and on close, and writes each refusal after close', async () => {
    const trail = createAuditTrail({
      store,
      logger: createCapturingLogger().logger,
      clock,
      pseudonymKey: TEST_PSEUDONYM_KEY,
    });
    for (let i = 0; i < 5; i += 1) await trail.record(refusal);
    await trail.close();
    expect((await store.listAudit({ limit: 10 }))[0]?.count).toBe(5);
    await trail.record(refusal);
    await trail.record(refusal);
    expect(await store.listAudit({ limit: 10 })).toHaveLength(3);
  });

  it(`holds at most ${MAX_OPEN_REFUSAL_GROUPS} groups, closing the oldest first`, async () => {
    const counted: Array<[string, number]> = [];
    const watched: Store = {
      ...store,
      setAuditCount: async (id, count) => {
        counted.push([id, count]);
      },
    };
    const trail = createAuditTrail({
      store: watched,
      logger: createCapturingLogger().logger,
      clock,
      pseudonymKey: TEST_PSEUDONYM_KEY,
    });
    const first = { ...refusal, actorSlackUserId: 'U0FIRST' };
    await trail.record(first);
    await trail.record(first);
    for (let i = 1; i < MAX_OPEN_REFUSAL_GROUPS; i += 1) {
      await trail.record({ ...refusal, actorSlackUserId: `U0P${i}` });
    }
    expect(counted).toEqual([]);
    await trail.record({ ...refusal, actorSlackUserId: 'U0ONEMORE' });
    await vi.advanceTimersByTimeAsync(0);
    expect(counted).toEqual([['1', 2]]);
    await trail.record(first);
    expect(await store.listAudit({ actorSlackUserId: 'U0FIRST', limit: 10 })).toHaveLength(2);
  });
});
