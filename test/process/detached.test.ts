import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { runDetached } from '../../src/process/detached.js';
import { createSharedLimiter } from '../../src/zoom/shared-limiter.js';

describe('runDetached', () => {
  it("runs work outside the request's context, so a timer it arms holds none of it", async () => {
    const request = new AsyncLocalStorage<{ readonly requestId: string }>();
    const seen = await request.run({ requestId: 'r1' }, async () => {
      const inside = request.getStore();
      const fromTimer = await runDetached(
        () => new Promise<unknown>((resolve) => setTimeout(() => resolve(request.getStore()), 1)),
      );
      const afterwards = request.getStore();
      return { inside, fromTimer, afterwards };
    });
    expect(seen).toEqual({
      inside: { requestId: 'r1' },
      fromTimer: undefined,
      afterwards: { requestId: 'r1' },
    });
  });

  it("keeps the shared limiter's per-key expiry timers free of the request that armed them", async () => {
    const request = new AsyncLocalStorage<string>();
    const limiter = createSharedLimiter({ points: 5, duration: 1, keyPrefix: 'test' }, undefined);
    const storesSeenByTimers: unknown[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = ((handler: () => void, ms?: number) =>
      realSetTimeout(
        () => {
          storesSeenByTimers.push(request.getStore());
          handler();
        },
        Math.min(ms ?? 0, 5),
      )) as typeof setTimeout;
    globalThis.setTimeout = spy;
    try {
      await request.run('request-1', () => limiter.consume('person-1', 1));
      await new Promise((resolve) => realSetTimeout(resolve, 50));
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    expect(storesSeenByTimers).toEqual([undefined]);
  });
});
