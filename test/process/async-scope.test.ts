import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { currentNoticeListener, runWithNoticeListener } from '../../src/interim-notice.js';
import {
  currentRequest,
  type RequestObservation,
  runObserved,
} from '../../src/ops/request-context.js';
import { defineSlot } from '../../src/process/async-scope.js';
import { runDetached } from '../../src/process/detached.js';
import { currentDeadlineMs, runWithDeadline } from '../../src/zoom/call-budget.js';
import {
  createZoomCaller,
  currentZoomCaller,
  runAsZoomCaller,
} from '../../src/zoom/zoom-caller.js';
import { filesUnder, SRC } from '../helpers/source-files.js';

const observation = (requestId: string): RequestObservation => ({
  requestId,
  outcome: undefined,
  answered: undefined,
  zoomMs: 0,
  zoomCalls: 0,
});

describe('defineSlot', () => {
  it('reads nothing outside every run', () => {
    expect(defineSlot<string>('unset').get()).toBeUndefined();
  });

  it('lets a nested run see the outer slots, across awaits', async () => {
    const request = defineSlot<string>('request');
    const deadline = defineSlot<number>('deadline');
    const seen = await request.run('r1', () =>
      deadline.run(1_000, async () => {
        await sleep(1);
        return { request: request.get(), deadline: deadline.get() };
      }),
    );
    expect(seen).toEqual({ request: 'r1', deadline: 1_000 });
  });

  it('gives back the outer frame when the inner run ends, even while the inner work goes on', async () => {
    const request = defineSlot<string>('request');
    const deadline = defineSlot<number>('deadline');
    const seen = await request.run('r1', async () => {
      let release: () => void = () => {};
      const inner = deadline.run(50, async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return deadline.get();
      });
      const beside = { request: request.get(), deadline: deadline.get() };
      release();
      const innerSaw = await inner;
      const after = { request: request.get(), deadline: deadline.get() };
      return { beside, innerSaw, after };
    });
    expect(seen).toEqual({
      beside: { request: 'r1', deadline: undefined },
      innerSaw: 50,
      after: { request: 'r1', deadline: undefined },
    });
    expect(request.get()).toBeUndefined();
  });

  it('lets an inner run of the same slot hide the outer value only inside it', async () => {
    const deadline = defineSlot<number>('deadline');
    const seen = await deadline.run(100, async () => {
      const inner = await deadline.run(40, async () => {
        await sleep(1);
        return deadline.get();
      });
      return { inner, outer: deadline.get() };
    });
    expect(seen).toEqual({ inner: 40, outer: 100 });
  });

  it('keeps two concurrent runs apart', async () => {
    const request = defineSlot<string>('request');
    const caller = defineSlot<string>('caller');
    const handle = (id: string, delays: readonly number[]) =>
      request.run(id, () =>
        caller.run(`person of ${id}`, async () => {
          const seen: string[] = [];
          for (const ms of delays) {
            await sleep(ms);
            seen.push(`${request.get()}/${caller.get()}`);
          }
          return seen;
        }),
      );
    const [a, b] = await Promise.all([handle('a', [1, 5, 1]), handle('b', [3, 1, 4])]);
    expect(a).toEqual(['a/person of a', 'a/person of a', 'a/person of a']);
    expect(b).toEqual(['b/person of b', 'b/person of b', 'b/person of b']);
  });

  it('is empty in work run detached, and back afterwards', async () => {
    const request = defineSlot<string>('request');
    const deadline = defineSlot<number>('deadline');
    const seen = await request.run('r1', () =>
      deadline.run(1_000, async () => {
        const detached = await runDetached(
          () =>
            new Promise<unknown>((resolve) =>
              setTimeout(() => resolve([request.get(), deadline.get()]), 1),
            ),
        );
        return { detached, after: [request.get(), deadline.get()] };
      }),
    );
    expect(seen).toEqual({ detached: [undefined, undefined], after: ['r1', 1_000] });
  });
});

describe("the app's one async scope", () => {
  it('carries the request, notice listener, Zoom caller and deadline together, and none detached', async () => {
    const listener = () => {};
    const caller = createZoomCaller('U1');
    const read = () => ({
      requestId: currentRequest()?.requestId,
      listener: currentNoticeListener(),
      caller: currentZoomCaller(),
      deadlineMs: currentDeadlineMs(),
    });
    const seen = await runObserved(observation('r1'), () =>
      runAsZoomCaller(caller, () =>
        runWithNoticeListener(listener, () =>
          runWithDeadline(5_000, async () => {
            await sleep(1);
            const inside = read();
            const detached = await runDetached(async () => {
              await sleep(1);
              return read();
            });
            return { inside, detached };
          }),
        ),
      ),
    );
    expect(seen.inside).toEqual({ requestId: 'r1', listener, caller, deadlineMs: 5_000 });
    expect(seen.detached).toEqual({
      requestId: undefined,
      listener: undefined,
      caller: undefined,
      deadlineMs: Number.POSITIVE_INFINITY,
    });
    expect(read()).toEqual(seen.detached);
  });

  it('is the only AsyncLocalStorage of src/', () => {
    const owners = filesUnder(SRC)
      .filter((path) => readFileSync(path, 'utf8').includes('new AsyncLocalStorage'))
      .map((path) => path.slice(SRC.length));
    expect(owners).toEqual(['process/async-scope.ts']);
  });
});
