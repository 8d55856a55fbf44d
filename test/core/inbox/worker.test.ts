import { describe, expect, it } from 'vitest';
import { createQueueWorker } from '../../../src/core/inbox/worker.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { silentLogger } from '../../store/logger.js';

describe('createQueueWorker', () => {
  it('keeps Slack’s pace of one post a second per channel, in order, on a fake clock', async () => {
    const clock = createFakeClock('2026-12-06T12:00:00Z');
    const store = createMemoryStore({ clock });
    const posted: { n: number; at: number }[] = [];
    const worker = createQueueWorker({
      store,
      clock,
      logger: silentLogger,
      handle: async (job) => {
        posted.push({ n: (job.payload as { n: number }).n, at: clock.now().getTime() });
        return { kind: 'done', laneReadyAt: new Date(clock.now().getTime() + 1000) };
      },
    });
    for (let n = 1; n <= 50; n += 1) await store.enqueueJob('slack:C1', { n });
    await store.enqueueJob('slack:C2', { n: 100 });
    await worker.drain();
    expect(posted.map((p) => p.n)).toStrictEqual([1, 100]);
    for (let second = 1; second < 50; second += 1) {
      clock.advance(999);
      await worker.drain();
      expect(posted).toHaveLength(second + 1);
      clock.advance(1);
      await worker.drain();
      expect(posted).toHaveLength(second + 2);
    }
    expect(posted.filter((p) => p.n !== 100).map((p) => p.n)).toStrictEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    await worker.stop();
  });

  it('gives a failing job back with backoff and keeps its lane waiting behind it', async () => {
    const clock = createFakeClock('2026-12-06T12:00:00Z');
    const store = createMemoryStore({ clock });
    const seen: number[] = [];
    let fail = true;
    const worker = createQueueWorker({
      store,
      clock,
      logger: silentLogger,
      handle: async (job) => {
        const { n } = job.payload as { n: number };
        seen.push(n);
        if (n === 1 && fail) {
          fail = false;
          throw new Error('Slack is down');
        }
        return { kind: 'done' };
      },
    });
    await store.enqueueJob('slack:C1', { n: 1 });
    await store.enqueueJob('slack:C1', { n: 2 });
    await worker.drain();
    expect(seen).toStrictEqual([1]);
    clock.advance(1000);
    await worker.drain();
    expect(seen).toStrictEqual([1, 1, 2]);
    await worker.stop();
  });
});
