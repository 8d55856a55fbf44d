import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_GRACE_MS, createShutdown } from '../../src/process/graceful-shutdown.js';

const DRAIN_MS = 10_000;

const setup = (stop: () => Promise<void>) => {
  const exits: number[] = [];
  const lines: string[] = [];
  const shutdown = createShutdown({
    stop,
    drainTimeoutMs: DRAIN_MS,
    logger: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }),
    exit: (code) => exits.push(code),
  });
  return { shutdown, exits, lines };
};

describe('createShutdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops the app once and exits 0, ignoring a second signal', async () => {
    const stop = vi.fn(async () => {});
    const { shutdown, exits, lines } = setup(stop);
    shutdown('SIGTERM');
    shutdown('SIGINT');
    await vi.advanceTimersByTimeAsync(0);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([0]);
    expect(lines.join('')).toContain('already shutting down');
    await vi.advanceTimersByTimeAsync(DRAIN_MS + CLOSE_GRACE_MS);
    expect(exits).toEqual([0]);
  });

  it('exits 1 when stopping fails', async () => {
    const { shutdown, exits } = setup(async () => {
      throw new Error('store would not close');
    });
    shutdown('SIGTERM');
    await vi.advanceTimersByTimeAsync(0);
    expect(exits).toEqual([1]);
  });

  it('exits 1 when stopping hangs past the drain bound and the grace', async () => {
    const { shutdown, exits } = setup(() => new Promise<void>(() => {}));
    shutdown('SIGTERM');
    await vi.advanceTimersByTimeAsync(DRAIN_MS + CLOSE_GRACE_MS - 1);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
  });
});
