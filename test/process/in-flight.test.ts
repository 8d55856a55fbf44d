import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInFlightTracker } from '../../src/process/in-flight.js';

const gate = () => {
  let open: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
};

describe('createInFlightTracker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('drains at once when nothing is in flight', async () => {
    await expect(createInFlightTracker().drain(1_000)).resolves.toBe(true);
  });

  it('drains when the last work finishes, failed or not', async () => {
    const tracker = createInFlightTracker();
    const first = gate();
    const second = gate();
    const running = [
      tracker.track(() => first.promise),
      tracker.track(async () => {
        await second.promise;
        throw new Error('failed work still ends');
      }),
    ];
    expect(tracker.size).toBe(2);
    let drained: boolean | undefined;
    void tracker.drain(10_000).then((result) => {
      drained = result;
    });
    first.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(drained).toBeUndefined();
    second.open();
    await Promise.allSettled(running);
    await vi.advanceTimersByTimeAsync(0);
    expect(drained).toBe(true);
    expect(tracker.size).toBe(0);
  });

  it('gives up after the timeout', async () => {
    const tracker = createInFlightTracker();
    void tracker.track(() => new Promise<void>(() => {}));
    const drained = tracker.drain(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(drained).resolves.toBe(false);
    expect(tracker.size).toBe(1);
  });

  it('counts a Bolt listener run until its next() resolves', async () => {
    const tracker = createInFlightTracker();
    const listener = gate();
    const run = (tracker.middleware as (args: { next: () => Promise<void> }) => Promise<void>)({
      next: () => listener.promise,
    });
    expect(tracker.size).toBe(1);
    listener.open();
    await run;
    expect(tracker.size).toBe(0);
  });
});
