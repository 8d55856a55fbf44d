import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DrainSteps, drainAndClose } from '../../src/process/drain.js';
import { createInFlightTracker } from '../../src/process/in-flight.js';

describe('drainAndClose', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const steps = (overrides: Partial<DrainSteps> = {}) => {
    const order: string[] = [];
    const lines: string[] = [];
    const inFlight = createInFlightTracker();
    const all: DrainSteps = {
      stopIntake: async () => {
        order.push('stop intake');
      },
      refuseWaiting: () => {
        order.push('refuse waiting');
      },
      inFlight,
      drainTimeoutMs: 1_000,
      close: [
        async () => {
          order.push('close zoom');
        },
        async () => {
          order.push('close store');
        },
      ],
      logger: pino({ level: 'warn' }, { write: (line: string) => lines.push(line) }),
      ...overrides,
    };
    return { all, order, lines, inFlight };
  };

  it('stops intake, refuses the waiting, waits for work in flight, then closes, store last', async () => {
    const { all, order, inFlight } = steps();
    let finish: () => void = () => {};
    void inFlight.track(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            order.push('work finished');
            resolve();
          };
        }),
    );
    const stopping = drainAndClose(all);
    await vi.advanceTimersByTimeAsync(500);
    finish();
    await stopping;
    expect(order).toEqual([
      'stop intake',
      'refuse waiting',
      'work finished',
      'close zoom',
      'close store',
    ]);
  });

  it('closes the store even when an earlier step failed, then rethrows', async () => {
    const { all, order } = steps({
      stopIntake: async () => {
        throw new Error('receiver was not started');
      },
    });
    await expect(drainAndClose(all)).rejects.toThrow('receiver was not started');
    expect(order).toEqual(['refuse waiting', 'close zoom', 'close store']);
  });

  it('gives up on work in flight after the bound, with a warning, and still closes', async () => {
    const { all, order, lines, inFlight } = steps();
    void inFlight.track(() => new Promise<void>(() => {}));
    const stopping = drainAndClose(all);
    await vi.advanceTimersByTimeAsync(1_000);
    await stopping;
    expect(order).toEqual(['stop intake', 'refuse waiting', 'close zoom', 'close store']);
    expect(lines.join('')).toContain('gave up waiting for work in flight');
  });
});
