import { afterEach, describe, expect, it } from 'vitest';
import { closeDemoZooms, NOW, readAnswer, startDemoZoom } from './demo-zoom-harness.js';

afterEach(closeDemoZooms);

const LIST = '/phone/users/alice%40example.com/sms/sessions';

describe('createDemoZoom: routing', () => {
  it('answers 404 / 404 for an unknown path, authenticated or not', async () => {
    const harness = await startDemoZoom();
    expect(await harness.get('/phone/users/alice@example.com/sms/sessions/sync')).toMatchObject({
      status: 404,
      body: { code: 404, message: 'Not found' },
    });
    expect((await readAnswer(await fetch(`${harness.baseUrl}/nope`))).status).toBe(404);
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const harness = await startDemoZoom();
    const answer = await readAnswer(await fetch(`${harness.baseUrl}${LIST}`, { method: 'DELETE' }));
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
    expect((await readAnswer(await fetch(harness.tokenUrl))).status).toBe(405);
  });

  it('sends a Zoom tracking id with every answer', async () => {
    const harness = await startDemoZoom();
    const answer = await harness.get(LIST);
    expect(answer.headers.get('x-zm-trackingid')).toMatch(
      /^v=2\.0;clid=us06;rid=WEB_[0-9a-f]{32}$/,
    );
    expect(answer.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  });
});

describe('createDemoZoom: requests', () => {
  it('records every request with its kind, query and clock time, and counts them', async () => {
    const harness = await startDemoZoom();
    await harness.get(LIST, { page_size: '5' });
    harness.clock.advance(60_000);
    await harness.get('/users/alice@example.com');
    await readAnswer(await fetch(`${harness.baseUrl}/nope`));
    expect(harness.zoom.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/oauth/token',
        kind: 'token',
        at: new Date(NOW).toISOString(),
      }),
      {
        method: 'GET',
        path: `/v2${LIST}`,
        query: { page_size: '5' },
        at: new Date(NOW).toISOString(),
        kind: 'list',
      },
      expect.objectContaining({ kind: 'token' }),
      expect.objectContaining({ kind: 'user', at: '2026-11-26T12:01:00.000Z' }),
      expect.objectContaining({ kind: 'other', path: '/v2/nope' }),
    ]);
    expect(JSON.stringify(harness.zoom.requests)).not.toContain('s3cr3t');
    expect(harness.zoom.countCalls('token')).toBe(2);
    expect(harness.zoom.countCalls('list')).toBe(1);
    harness.zoom.clearRequests();
    expect(harness.zoom.requests).toEqual([]);
  });
});

describe('createDemoZoom: failNext', () => {
  it('answers the next request with a raw status, body and headers, then recovers', async () => {
    const harness = await startDemoZoom();
    const token = await harness.token();
    harness.zoom.failNext({
      status: 503,
      body: '<html>Service Unavailable</html>',
      headers: { 'Retry-After': '2' },
    });
    const failed = await harness.get(LIST, {}, token);
    expect(failed).toMatchObject({ status: 503, body: '<html>Service Unavailable</html>' });
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await harness.get(LIST, {}, token)).status).toBe(200);
  });

  it('waits for a request of its kind, as many times as asked', async () => {
    const harness = await startDemoZoom();
    harness.zoom.failNext(
      { status: 500, body: { code: 500, message: 'boom' } },
      { kind: 'list', times: 2 },
    );
    const token = await harness.token();
    expect(await harness.get(LIST, {}, token)).toMatchObject({ status: 500, body: { code: 500 } });
    expect((await harness.get(LIST, {}, token)).status).toBe(500);
    expect((await harness.get(LIST, {}, token)).status).toBe(200);
  });

  it('resets the connection with kind "reset"', async () => {
    const harness = await startDemoZoom();
    const token = await harness.token();
    harness.zoom.failNext({ kind: 'reset' });
    await expect(harness.get(LIST, {}, token)).rejects.toThrow(TypeError);
    expect((await harness.get(LIST, {}, token)).status).toBe(200);
  });

  it('never answers with kind "hang" until the demo Zoom closes', async () => {
    const harness = await startDemoZoom();
    const token = await harness.token();
    harness.zoom.failNext({ kind: 'hang' });
    let settled = false;
    const pending = harness.get(LIST, {}, token).finally(() => {
      settled = true;
    });
    const outcome = expect(pending).rejects.toThrow(TypeError);
    await harness.get('/users/alice@example.com', {}, token);
    expect(settled).toBe(false);
    await harness.zoom.close();
    await outcome;
  });

  it('answers late with kind "delay"', async () => {
    const harness = await startDemoZoom();
    const token = await harness.token();
    harness.zoom.failNext({ kind: 'delay', ms: 150 });
    const started = performance.now();
    expect((await harness.get(LIST, {}, token)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('createDemoZoom: setLatency', () => {
  it('delays every answer until set back to 0', async () => {
    const harness = await startDemoZoom({ latencyMs: 100 });
    let started = performance.now();
    const token = await harness.token();
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    harness.zoom.setLatency(0);
    started = performance.now();
    await harness.get(LIST, {}, token);
    expect(performance.now() - started).toBeLessThan(90);
  });
});

// https://developers.zoom.us/docs/api/rest/rate-limits/
describe('createDemoZoom: rateLimit', () => {
  it('answers 429 with Retry-After and X-RateLimit-Type: QPS past the per-second limit', async () => {
    const harness = await startDemoZoom({ rateLimit: { perSecond: 2 } });
    const token = await harness.token();
    expect((await harness.get(LIST, {}, token)).status).toBe(200);
    expect((await harness.get(LIST, {}, token)).status).toBe(200);
    const limited = await harness.get(LIST, {}, token);
    expect(limited).toMatchObject({ status: 429, body: { code: 429 } });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-ratelimit-type')).toBe('QPS');
    harness.clock.advance(1000);
    expect((await harness.get(LIST, {}, token)).status).toBe(200);
  });

  it('answers 429 Daily-limit until midnight UTC once the day’s budget is spent', async () => {
    const harness = await startDemoZoom({ rateLimit: { perSecond: 10, perDay: 2 } });
    const token = await harness.token();
    await harness.get(LIST, {}, token);
    harness.clock.advance(5000);
    await harness.get(LIST, {}, token);
    harness.clock.advance(5000);
    const limited = await harness.get(LIST, {}, token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-type')).toBe('Daily-limit');
    expect(limited.headers.get('retry-after')).toBe('2026-11-27T00:00:00Z');
    harness.clock.set('2026-11-27T00:00:00Z');
    const fresh = await harness.token();
    expect((await harness.get(LIST, {}, fresh)).status).toBe(200);
  });

  it('does not count token requests', async () => {
    const harness = await startDemoZoom({ rateLimit: { perSecond: 1 } });
    await harness.token();
    await harness.token();
    expect((await harness.get(LIST)).status).toBe(200);
  });
});
