import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/metrics.js';
import { createMetricsServer, type MetricsServer } from '../../src/ops/metrics-server.js';
import { freePort } from '../helpers/free-port.js';

describe('createMetricsServer', () => {
  let server: MetricsServer | undefined;

  afterEach(async () => {
    await server?.stop();
  });

  it('serves the registry on /metrics and nothing else', async () => {
    const metrics = createMetrics();
    metrics.zoomCacheHit('user');
    const port = await freePort();
    server = createMetricsServer(metrics.registry, port);
    await server.start();

    const scrape = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    expect(await scrape.text()).toContain(
      'sms_sessions_zoom_cache_lookups_total{kind="user",result="hit"} 1',
    );
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('stops listening when stopped, and stopping twice is harmless', async () => {
    const port = await freePort();
    server = createMetricsServer(createMetrics().registry, port);
    await server.start();
    await server.stop();
    await server.stop();
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });
});
