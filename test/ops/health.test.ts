import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset, demoUser } from '../../src/demo-zoom/index.js';
import { READINESS_CACHE_MS } from '../../src/ops/readiness.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { type Harness, type HarnessOptions, startHarness } from '../helpers/harness.js';

const dataset = buildDataset({ users: [demoUser({ email: 'alice@example.com' })], sessions: [] });

const get = async (h: Harness, path: string) => {
  const response = await fetch(`${h.baseUrl}${path}`);
  return { status: response.status, body: await response.json().catch(() => undefined) };
};

describe('health and readiness routes', () => {
  let h: Harness | undefined;

  const start = async (options: Partial<HarnessOptions> = {}) => {
    h = await startHarness({ users: [], dataset, ...options });
    return h;
  };

  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('answers /healthz 200 without calling Zoom', async () => {
    const harness = await start();
    expect(await get(harness, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(harness.zoom.requests).toHaveLength(0);
  });

  it('answers /readyz 200 when a Zoom token can be had and the store answers', async () => {
    const harness = await start();
    expect(await get(harness, '/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { zoom: { ok: true }, store: { ok: true } } },
    });
    expect(harness.zoom.countCalls('token')).toBe(1);
  });

  it('turns 503 naming Zoom while its token endpoint fails, and 200 once it recovers', async () => {
    const clock = createFakeClock(new Date().toISOString());
    const harness = await start({ clock });
    harness.zoom.failNext(
      { status: 503, body: '<html>Service Unavailable</html>' },
      { kind: 'token', times: 1 },
    );
    const failing = await get(harness, '/readyz');
    expect(failing).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        checks: { zoom: { ok: false, code: 'ZOOM_UNAVAILABLE' }, store: { ok: true } },
      },
    });
    expect(await get(harness, '/readyz')).toEqual(failing);
    expect(harness.zoom.countCalls('token')).toBe(1);
    expect(harness.logLines.some((line) => line.includes('readiness check failed'))).toBe(true);

    clock.advance(READINESS_CACHE_MS);
    expect(await get(harness, '/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(harness.zoom.countCalls('token')).toBe(2);
  });

  it('turns 503 with ZOOM_AUTH when Zoom refuses the credentials', async () => {
    const harness = await start({ env: { ZOOM_CLIENT_SECRET: 'not-the-secret' } });
    expect(await get(harness, '/readyz')).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        checks: { zoom: { ok: false, code: 'ZOOM_AUTH' }, store: { ok: true } },
      },
    });
  });

  it('does not serve /metrics unless METRICS_ENABLED is true', async () => {
    const harness = await start();
    expect((await fetch(`${harness.baseUrl}/metrics`)).status).toBe(404);
  });
});
