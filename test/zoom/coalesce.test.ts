import { describe, expect, it } from 'vitest';
import { noticeQueued, type QueueNotice, runWithNoticeListener } from '../../src/interim-notice.js';
import { createCoalescer } from '../../src/zoom/coalesce.js';

/** A promise the test settles by hand. */
const gate = <T>() => {
  let open: (value: T) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
};

describe('createCoalescer', () => {
  it('makes 20 identical concurrent requests one call, and gives each the same answer', async () => {
    const coalescer = createCoalescer();
    const answer = gate<string>();
    let calls = 0;
    const work = () => {
      calls += 1;
      return answer.promise;
    };
    const all = Array.from({ length: 20 }, () => coalescer.run('same', work));
    expect(coalescer.inFlight).toBe(1);
    answer.open('page 1');
    expect(await Promise.all(all)).toEqual(Array.from({ length: 20 }, () => 'page 1'));
    expect(calls).toBe(1);
    expect(coalescer.inFlight).toBe(0);
  });

  it('runs different keys separately', async () => {
    const coalescer = createCoalescer();
    let calls = 0;
    const work = async () => {
      calls += 1;
      return calls;
    };
    await Promise.all([coalescer.run('a', work), coalescer.run('b', work)]);
    expect(calls).toBe(2);
  });

  it('gives every caller the same error, and calls again once it settled', async () => {
    const coalescer = createCoalescer();
    const failing = gate<string>();
    let calls = 0;
    const first = Array.from({ length: 3 }, () =>
      coalescer.run('k', () => {
        calls += 1;
        return failing.promise;
      }),
    );
    failing.fail(new Error('Zoom down'));
    for (const run of first) await expect(run).rejects.toThrow('Zoom down');
    await expect(coalescer.run('k', async () => 'fresh')).resolves.toBe('fresh');
    expect(calls).toBe(1);
  });

  it('tells every caller the queue notices of the shared run, a late one the latest at once', async () => {
    const coalescer = createCoalescer();
    const heard: Record<string, QueueNotice[]> = { leader: [], early: [], late: [] };
    const released = gate<void>();
    const queued = gate<void>();
    const work = async () => {
      await Promise.resolve();
      noticeQueued({ ahead: 7, estimatedWaitMs: 2_400 });
      queued.open();
      await released.promise;
      return 'page';
    };
    const asking = (who: string) =>
      runWithNoticeListener(
        (notice) => heard[who]?.push(notice),
        () => coalescer.run('k', work),
      );
    const leader = asking('leader');
    const early = asking('early');
    await queued.promise;
    const late = asking('late');
    released.open();
    await Promise.all([leader, early, late]);
    const notice = { ahead: 7, estimatedWaitMs: 2_400 };
    expect(heard).toEqual({ leader: [notice], early: [notice], late: [notice] });
  });
});
