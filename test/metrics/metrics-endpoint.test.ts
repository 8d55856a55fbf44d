import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { freePort } from '../helpers/free-port.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const ALICE = 'U0ALICE01';
const alice = demoUser({ email: 'alice@example.com' });

const start = (env: Record<string, string>) =>
  startHarness({
    users: [{ id: ALICE, email: 'alice@example.com' }],
    dataset: buildDataset({
      users: [alice],
      sessions: demoSessions(alice, 3, { newest: new Date(Date.now() - 60_000) }),
    }),
    env,
  });

/** Scrapes until the series of the last request appear (its line is written after the answer). */
const scrapeUntil = async (url: string, needle: string): Promise<string> => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const text = await (await fetch(url)).text();
    if (text.includes(needle)) return text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${needle} at ${url}`);
};

describe('GET /metrics', () => {
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('exposes the documented series after a command, beside the Slack endpoint', async () => {
    h = await start({ METRICS_ENABLED: 'true' });
    await h.slack.nextResponse((await h.command(ALICE, '')).id);
    const response = await fetch(`${h.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await scrapeUntil(`${h.baseUrl}/metrics`, 'sms_sessions_slack_requests_total{');
    expect(text).toContain(
      'sms_sessions_slack_requests_total{kind="command",name="/sms-sessions",outcome="OK"} 1',
    );
    expect(text).toMatch(
      /sms_sessions_zoom_requests_total\{operation="\/phone\/users\/\{userId\}\/sms\/sessions",status="200",zoom_code="none"\} 1/,
    );
    for (const series of [
      'sms_sessions_slack_request_duration_seconds_bucket',
      'sms_sessions_slack_ack_duration_seconds_bucket',
      'sms_sessions_zoom_request_duration_seconds_bucket',
      '# TYPE sms_sessions_zoom_rate_limit_wait_seconds histogram',
      '# TYPE sms_sessions_zoom_cache_lookups_total counter',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(series);
    }
  });

  it('moves to METRICS_PORT when set, off the port Slack reaches', async () => {
    const port = await freePort();
    h = await start({ METRICS_ENABLED: 'true', METRICS_PORT: String(port) });
    await h.slack.nextResponse((await h.command(ALICE, '')).id);
    expect((await fetch(`${h.baseUrl}/metrics`)).status).toBe(404);
    const text = await scrapeUntil(
      `http://127.0.0.1:${port}/metrics`,
      'sms_sessions_slack_requests_total{',
    );
    expect(text).toContain('outcome="OK"} 1');
  });
});
