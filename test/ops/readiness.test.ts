import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { createReadiness, READINESS_CACHE_MS } from '../../src/ops/readiness.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const setup = (zoom: () => Promise<unknown>) => {
  const clock = createFakeClock();
  const lines: Array<{ msg: string; check?: string; code?: string }> = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  let storeCalls = 0;
  const readiness = createReadiness({
    checks: {
      zoom,
      store: async () => {
        storeCalls += 1;
      },
    },
    clock,
    logger,
  });
  return { clock, lines, readiness, storeCalls: () => storeCalls };
};

describe('createReadiness', () => {
  it('is ready when every check passes', async () => {
    const { readiness } = setup(async () => 'token');
    expect(await readiness.report()).toEqual({
      ready: true,
      checks: { zoom: { ok: true }, store: { ok: true } },
    });
  });

  it('names a failing check with its error code when a check rejects', async () => {
    const { readiness } = setup(async () => {
      throw new AppError('ZOOM_AUTH', 'Zoom refused the credentials');
    });
    expect(await readiness.report()).toEqual({
      ready: false,
      checks: { zoom: { ok: false, code: 'ZOOM_AUTH' }, store: { ok: true } },
    });
  });

  it('reports UNAVAILABLE for an error that is not an AppError', async () => {
    const { readiness } = setup(async () => {
      throw new Error('boom');
    });
    expect((await readiness.report()).checks.zoom).toEqual({ ok: false, code: 'UNAVAILABLE' });
  });

  it('reports TIMEOUT when a check does not settle in time', async () => {
    const clock = createFakeClock();
    const readiness = createReadiness({
      checks: { zoom: () => new Promise(() => {}) },
      clock,
      logger: createLogger('silent'),
      timeoutMs: 5,
    });
    expect(await readiness.report()).toEqual({
      ready: false,
      checks: { zoom: { ok: false, code: 'TIMEOUT' } },
    });
  });

  it('reuses a report while it is fresh and checks again once it is not', async () => {
    let calls = 0;
    const { clock, readiness, storeCalls } = setup(async () => {
      calls += 1;
    });
    await readiness.report();
    clock.advance(READINESS_CACHE_MS - 1);
    await readiness.report();
    expect([calls, storeCalls()]).toEqual([1, 1]);
    clock.advance(1);
    await readiness.report();
    expect([calls, storeCalls()]).toEqual([2, 2]);
  });

  it('lets concurrent probes share one evaluation', async () => {
    let calls = 0;
    const { readiness } = setup(async () => {
      calls += 1;
    });
    await Promise.all([readiness.report(), readiness.report(), readiness.report()]);
    expect(calls).toBe(1);
  });

  it('logs a failure once and the recovery once, not a line per probe', async () => {
    let failing = true;
    const { clock, lines, readiness } = setup(async () => {
      if (failing) throw new AppError('ZOOM_UNAVAILABLE', 'down');
    });
    for (const _ of [1, 2, 3]) {
      await readiness.report();
      clock.advance(READINESS_CACHE_MS);
    }
    failing = false;
    await readiness.report();
    clock.advance(READINESS_CACHE_MS);
    await readiness.report();
    expect(lines.map(({ msg, check, code }) => [msg, check, code])).toEqual([
      ['readiness check failed', 'zoom', 'ZOOM_UNAVAILABLE'],
      ['readiness check recovered', 'zoom', undefined],
    ]);
  });
});
