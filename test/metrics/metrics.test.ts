import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMetrics, METRICS_PREFIX } from '../../src/metrics/metrics.js';

const appSeries = (metrics: ReturnType<typeof createMetrics>) =>
  metrics.registry
    .getMetricsAsArray()
    .map((metric) => metric.name)
    .filter((name) => name.startsWith(METRICS_PREFIX))
    .sort();

describe('createMetrics', () => {
  it('counts handled Slack requests by kind, name and outcome, with their durations', async () => {
    const metrics = createMetrics();
    metrics.slackRequest({
      kind: 'action',
      name: 'page_next',
      outcome: 'OK',
      totalMs: 1500,
      ackMs: 40,
    });
    metrics.slackRequest({
      kind: 'event',
      name: 'app_home_opened',
      outcome: 'NO_ACK',
      totalMs: 10,
      ackMs: undefined,
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'sms_sessions_slack_requests_total{kind="action",name="page_next",outcome="OK"} 1',
    );
    expect(text).toContain(
      'sms_sessions_slack_request_duration_seconds_bucket{le="2",kind="action"} 1',
    );
    expect(text).toContain(
      'sms_sessions_slack_request_duration_seconds_bucket{le="1",kind="action"} 0',
    );
    expect(text).toContain('sms_sessions_slack_ack_duration_seconds_count{kind="action"} 1');
    expect(text).not.toContain('sms_sessions_slack_ack_duration_seconds_count{kind="event"}');
  });

  it('counts Zoom attempts by operation, status and Zoom code, with their latency', async () => {
    const metrics = createMetrics();
    const operation = '/phone/users/{userId}/sms/sessions';
    metrics.zoomCall({
      operation,
      status: 200,
      zoomCode: undefined,
      code: undefined,
      durationMs: 80,
    });
    metrics.zoomCall({
      operation,
      status: 404,
      zoomCode: 1001,
      code: 'ZOOM_USER_NOT_FOUND',
      durationMs: 30,
    });
    metrics.zoomCall({
      operation,
      status: undefined,
      zoomCode: undefined,
      code: 'ZOOM_UNAVAILABLE',
      durationMs: 8000,
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      `sms_sessions_zoom_requests_total{operation="${operation}",status="200",zoom_code="none"} 1`,
    );
    expect(text).toContain(
      `sms_sessions_zoom_requests_total{operation="${operation}",status="404",zoom_code="1001"} 1`,
    );
    expect(text).toContain(
      `sms_sessions_zoom_requests_total{operation="${operation}",status="none",zoom_code="none"} 1`,
    );
    expect(text).toContain(
      `sms_sessions_zoom_request_duration_seconds_count{operation="${operation}"} 3`,
    );
  });

  it('records rate-limit waits in seconds and cache hits and misses by kind', async () => {
    const metrics = createMetrics();
    metrics.zoomRateLimitWait(1500);
    metrics.zoomCacheHit('user');
    metrics.zoomCacheHit('user');
    metrics.zoomCacheMiss('user');
    const text = await metrics.registry.metrics();
    expect(text).toContain('sms_sessions_zoom_rate_limit_wait_seconds_sum 1.5');
    expect(text).toContain('sms_sessions_zoom_cache_lookups_total{kind="user",result="hit"} 2');
    expect(text).toContain('sms_sessions_zoom_cache_lookups_total{kind="user",result="miss"} 1');
  });

  it('keeps each app’s series in its own registry, with Node’s process metrics', async () => {
    const one = createMetrics();
    const two = createMetrics();
    one.zoomCacheHit('user');
    expect(await two.registry.metrics()).not.toContain('result="hit"} 1');
    expect(await one.registry.metrics()).toContain('process_cpu_user_seconds_total');
  });

  it('documents exactly its series in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Metrics'));
    const documented = [...section.matchAll(/^\| `(sms_sessions_[a-z_]+)` \|/gm)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual(appSeries(createMetrics()));
  });
});
