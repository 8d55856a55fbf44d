import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuditTrail } from '../../src/core/audit-trail.js';
import { AUDIT_BATCH, createAuditWriter } from '../../src/core/audit-writer.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { AuditEntryInput, Store } from '../../src/store/types.js';
import { TEST_PSEUDONYM_KEY } from '../helpers/app-keys.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createCapturingLogger, silentLogger } from '../store/logger.js';

const row = (action: string): AuditEntryInput => ({
  at: '2026-11-26T12:00:00.000Z',
  actorSlackUserId: 'U0ALICE',
  action,
  filters: {},
  allowed: true,
});

/** A memory store that records each batch it is given. */
const watchedStore = () => {
  const store = createMemoryStore({ clock: createFakeClock() });
  const batches: string[][] = [];
  const watched: Store = {
    ...store,
    appendAuditBatch: async (entries) => {
      batches.push(entries.map((entry) => entry.action));
      return store.appendAuditBatch(entries);
    },
  };
  return { store: watched, batches };
};

describe('createAuditWriter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores the rows of one interval in one batch, and resolves each with its id', async () => {
    const { store, batches } = watchedStore();
    const writer = createAuditWriter({ store, logger: silentLogger, batch: AUDIT_BATCH });
    const ids = ['a', 'b', 'c'].map((action) => writer.write(row(action), {}));
    await vi.advanceTimersByTimeAsync(AUDIT_BATCH.intervalMs - 1);
    expect(batches).toEqual([]);
    expect(writer.pending).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([['a', 'b', 'c']]);
    const listed = await store.listAudit({ limit: 10 });
    expect(await Promise.all(ids)).toEqual(listed.map((entry) => entry.id).reverse());
  });

  it('stores a full batch at once', async () => {
    const { store, batches } = watchedStore();
    const writer = createAuditWriter({
      store,
      logger: silentLogger,
      batch: { intervalMs: 1_000, maxRows: 2 },
    });
    void writer.write(row('a'), {});
    void writer.write(row('b'), {});
    void writer.write(row('c'), {});
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([['a', 'b']]);
    await writer.flush();
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  it('loses nothing on flush (shutdown), however recent the rows', async () => {
    const { store } = watchedStore();
    const writer = createAuditWriter({ store, logger: silentLogger, batch: AUDIT_BATCH });
    for (let i = 0; i < 7; i += 1) void writer.write(row(`r${i}`), {});
    await writer.flush();
    expect(await store.listAudit({ limit: 10 })).toHaveLength(7);
    expect(writer.pending).toBe(0);
  });

  it('logs every row of a batch the store refused and resolves them without an id', async () => {
    const { logger, lines } = createCapturingLogger();
    const failing: Store = {
      ...createMemoryStore({ clock: createFakeClock() }),
      appendAuditBatch: async () => {
        throw new Error('disk full');
      },
    };
    const writer = createAuditWriter({ store: failing, logger, batch: AUDIT_BATCH });
    const ids = [writer.write(row('a'), { action: 'a' }), writer.write(row('b'), { action: 'b' })];
    await writer.flush();
    expect(await Promise.all(ids)).toEqual([undefined, undefined]);
    expect(lines).toMatchObject([
      { level: 50, msg: 'audit entry could not be stored', audit: { action: 'a' } },
      { level: 50, msg: 'audit entry could not be stored', audit: { action: 'b' } },
    ]);
  });
});

describe('createAuditTrail with batches', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers without waiting for the store, and holds everything until the batch or close', async () => {
    const clock = createFakeClock();
    const store = createMemoryStore({ clock });
    const trail = createAuditTrail({
      store,
      logger: silentLogger,
      clock,
      batch: AUDIT_BATCH,
      pseudonymKey: TEST_PSEUDONYM_KEY,
    });
    await trail.record({ actorSlackUserId: 'U0A', action: 'list', filters: {}, allowed: true });
    const refusal = {
      actorSlackUserId: 'U0B',
      action: 'list',
      filters: {},
      allowed: false,
      reason: 'FORBIDDEN',
    };
    for (let i = 0; i < 3; i += 1) await trail.record(refusal);
    expect(await store.listAudit({ limit: 10 })).toEqual([]);
    await trail.close();
    const entries = await store.listAudit({ limit: 10 });
    expect(entries.map((entry) => [entry.actorSlackUserId, entry.count ?? 1])).toEqual([
      ['U0B', 3],
      ['U0A', 1],
    ]);
  });
});
