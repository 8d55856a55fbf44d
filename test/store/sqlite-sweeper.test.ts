import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SWEEP_BATCH, SWEEP_INTERVAL_MS, startSweeper } from '../../src/store/sqlite-sweeper.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createCapturingLogger } from './logger.js';

describe('startSweeper', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sweeps every table a batch a tick; a table that fails is logged and the others still swept', async () => {
    const clock = createFakeClock();
    const { logger, lines } = createCapturingLogger();
    const swept: [string, number, number][] = [];
    const stop = startSweeper(
      [
        {
          what: 'claims',
          deleteExpired: () => {
            throw new Error('database is locked');
          },
        },
        {
          what: 'cache rows',
          deleteExpired: (nowMs, limit) => {
            swept.push(['cache rows', nowMs, limit]);
          },
        },
      ],
      { clock, logger },
    );
    expect(swept).toEqual([]);
    await vi.advanceTimersByTimeAsync(SWEEP_INTERVAL_MS);
    await vi.advanceTimersByTimeAsync(SWEEP_INTERVAL_MS);
    const nowMs = clock.now().getTime();
    expect(swept).toEqual([
      ['cache rows', nowMs, SWEEP_BATCH],
      ['cache rows', nowMs, SWEEP_BATCH],
    ]);
    expect(lines.filter((line) => line.msg === 'Expired claims could not be deleted')).toEqual([
      expect.objectContaining({ level: 40, err: 'database is locked' }),
      expect.objectContaining({ level: 40, err: 'database is locked' }),
    ]);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
