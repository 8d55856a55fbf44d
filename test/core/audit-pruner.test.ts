import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_PRUNE_INTERVAL_MS, createAuditPruner } from '../../src/core/audit-pruner.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/types.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';
import { createCapturingLogger } from '../store/logger.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const append = (store: Store, at: string) =>
  store.appendAudit({ at, actorSlackUserId: 'U0A', action: 'list', filters: {}, allowed: true });

describe('createAuditPruner', () => {
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

  it('deletes entries older than the retention period and keeps the rest', async () => {
    await append(store, new Date(clock.now().getTime() - 91 * DAY_MS).toISOString());
    await append(store, new Date(clock.now().getTime() - 89 * DAY_MS).toISOString());
    const { logger, lines } = createCapturingLogger();
    const pruner = createAuditPruner({ store, clock, logger, retentionDays: 90 });
    expect(await pruner.pruneNow()).toBe(1);
    expect(await store.listAudit({ limit: 5 })).toHaveLength(1);
    expect(lines).toMatchObject([{ msg: 'audit entries pruned', pruned: 1, retentionDays: 90 }]);
  });

  it('prunes at start and then every hour until stopped', async () => {
    const { logger } = createCapturingLogger();
    const pruner = createAuditPruner({ store, clock, logger, retentionDays: 1 });
    await append(store, '2026-11-20T00:00:00.000Z');
    pruner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(await store.listAudit({ limit: 5 })).toHaveLength(0);

    await append(store, '2026-11-26T11:00:00.000Z');
    clock.advance(DAY_MS);
    await vi.advanceTimersByTimeAsync(AUDIT_PRUNE_INTERVAL_MS);
    expect(await store.listAudit({ limit: 5 })).toHaveLength(0);

    await pruner.stop();
    await append(store, '2026-11-26T11:30:00.000Z');
    clock.advance(DAY_MS);
    await vi.advanceTimersByTimeAsync(AUDIT_PRUNE_INTERVAL_MS * 2);
    expect(await store.listAudit({ limit: 5 })).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('logs a failed prune as a warning instead of throwing', async () => {
    const failing = {
      ...store,
      pruneAudit: async () => {
        throw new Error('locked');
      },
    } satisfies Store;
    const { logger, lines } = createCapturingLogger();
    const pruner = createAuditPruner({ store: failing, clock, logger, retentionDays: 90 });
    pruner.start();
    await pruner.stop();
    expect(lines).toMatchObject([
      { level: 40, msg: 'audit pruning failed', err: { message: 'locked' } },
    ]);
  });
});
