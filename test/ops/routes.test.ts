import { SocketModeReceiver } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, toBoltLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import type { Readiness } from '../../src/ops/readiness.js';
import { opsRoutes } from '../../src/ops/routes.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { freePort } from '../helpers/free-port.js';

const ready: Readiness = {
  report: async () => ({ ready: true, checks: { zoom: { ok: true }, store: { ok: true } } }),
};

describe('opsRoutes', () => {
  let slack: FakeSlack | undefined;
  let receiver: SocketModeReceiver | undefined;

  afterEach(async () => {
    await receiver?.stop();
    await slack?.close();
  });

  /** Bolt's Socket Mode receiver with the routes; the fake Slack cannot open a connection. */
  const socketMode = async (readiness: Readiness, withMetrics = false) => {
    slack = await startFakeSlack({ users: [] });
    const port = await freePort();
    receiver = new SocketModeReceiver({
      appToken: 'xapp-1-test',
      logger: toBoltLogger(createLogger('silent')),
      autoReconnectEnabled: false,
      customRoutes: opsRoutes({
        readiness,
        ...(withMetrics ? { metrics: createMetrics().registry } : {}),
      }),
      installerOptions: { port, clientOptions: { slackApiUrl: slack.apiUrl } },
    });
    await receiver.start().catch(() => undefined);
    return `http://127.0.0.1:${port}`;
  };

  it('serves /healthz and /readyz from Socket Mode’s HTTP server', async () => {
    const base = await socketMode(ready);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(200);
    expect(readyz.headers.get('cache-control')).toBe('no-store');
    expect(await readyz.json()).toEqual({
      status: 'ready',
      checks: { zoom: { ok: true }, store: { ok: true } },
    });
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });

  it('serves /metrics only when given a registry', async () => {
    const base = await socketMode(ready, true);
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('# TYPE sms_sessions_slack_requests_total counter');
  });

  it('answers 500 instead of leaving the probe hanging when readiness itself throws', async () => {
    const base = await socketMode({
      report: async () => {
        throw new Error('bug');
      },
    });
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(500);
    expect(await readyz.json()).toEqual({ status: 'error' });
  });
});
