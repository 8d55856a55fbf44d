import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionQuery } from '../../src/query/types.js';
import { createZoomClient } from '../../src/zoom/client.js';
import { createTokenProvider } from '../../src/zoom/token-provider.js';
import type { ZoomClientOptions } from '../../src/zoom/zoom-request.js';
import invalidAccessToken from '../fixtures/zoom/error-invalid-access-token.json' with {
  type: 'json',
};
import rateLimited from '../fixtures/zoom/error-rate-limited.json' with { type: 'json' };
import lastPage from '../fixtures/zoom/sessions-last-page.json' with { type: 'json' };
import tokenFixture from '../fixtures/zoom/token.json' with { type: 'json' };
import { createFakeClock } from '../helpers/fake-clock.js';
import { createFakeFetch, type FakeHandler, jsonResponse } from '../helpers/fake-fetch.js';

const SESSIONS = 'GET /v2/phone/users/:userId/sms/sessions';
const TOKEN = 'POST /oauth/token';
const EMAIL = 'jchill@example.com';
const CLIENT_SECRET = 'client-secret-never-logged';

const query: SessionQuery = {
  sessionType: 'user',
  filterType: 'last_message_time',
  from: '2026-11-01T00:00:00Z',
  to: '2026-11-26T12:00:00Z',
  pageSize: 10,
};

const issue =
  (accessToken: string): FakeHandler =>
  () =>
    jsonResponse({ ...tokenFixture, access_token: accessToken });

const ok: FakeHandler = () => jsonResponse(lastPage);
const status =
  (code: number, body: unknown = {}, headers: Record<string, string> = {}): FakeHandler =>
  () =>
    jsonResponse(body, { status: code, headers });
const networkFailure: FakeHandler = () => {
  throw new TypeError('fetch failed');
};

const setup = (
  sessions: FakeHandler | readonly FakeHandler[],
  options: Partial<ZoomClientOptions> = {},
) => {
  const clock = createFakeClock('2026-11-26T12:00:00Z');
  const fake = createFakeFetch({
    [TOKEN]: [issue('access-1'), issue('access-2'), issue('access-3')],
    [SESSIONS]: sessions,
  });
  const lines: string[] = [];
  const sleeps: number[] = [];
  const client = createZoomClient({
    baseUrl: 'https://api.zoom.us/v2',
    tokenProvider: createTokenProvider({
      tokenUrl: 'https://zoom.us/oauth/token',
      accountId: 'account-1',
      clientId: 'client-id',
      clientSecret: CLIENT_SECRET,
      clock,
      fetch: fake.fetch,
    }),
    clock,
    logger: pino({ level: 'debug' }, { write: (line: string) => lines.push(line) }),
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  const list = () => client.listUserSmsSessions(EMAIL, query);
  const logs = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { fake, list, sleeps, logs, rawLogs: () => lines.join('') };
};

/** Backoff of the n-th retry with the default policy and `random() = 0.5`. */
const backoff = (retry: number) => Math.round(250 * 2 ** retry * 0.75);

describe('createZoomClient: retry policy', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // https://developers.zoom.us/docs/api/rest/error-definitions/ (401, code 124)
  it('refetches the token and retries once after a 401', async () => {
    const { fake, list } = setup([status(401, invalidAccessToken), ok]);
    await expect(list()).resolves.toMatchObject({ nextPageToken: '' });
    expect(fake.callsTo(TOKEN)).toHaveLength(2);
    expect(fake.callsTo(SESSIONS).map((call) => call.headers.authorization)).toStrictEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
  });

  it('gives up with ZOOM_AUTH when the fresh token is refused too', async () => {
    const { fake, list } = setup([
      status(401, invalidAccessToken),
      status(401, invalidAccessToken),
    ]);
    await expect(list()).rejects.toMatchObject({
      code: 'ZOOM_AUTH',
      detail: { status: 401, zoomCode: 124 },
    });
    expect(fake.callsTo(SESSIONS)).toHaveLength(2);
    expect(fake.callsTo(TOKEN)).toHaveLength(2);
  });

  // https://developers.zoom.us/docs/api/rest/rate-limits/
  it.each([
    ['seconds', '1', 1_000],
    ['an HTTP date', 'Thu, 26 Nov 2026 12:00:02 GMT', 2_000],
  ])('waits out a short Retry-After given in %s, then succeeds', async (_, header, waitMs) => {
    const { fake, list, sleeps } = setup([status(429, rateLimited, { 'retry-after': header }), ok]);
    await expect(list()).resolves.toMatchObject({ nextPageToken: '' });
    expect(sleeps).toStrictEqual([waitMs]);
    expect(fake.callsTo(SESSIONS)).toHaveLength(2);
  });

  it.each([
    ['seconds', '30', 30_000],
    ['an ISO date (daily limit)', '2026-11-27T00:00:00Z', 12 * 3_600_000],
  ])('throws ZOOM_RATE_LIMITED on a long Retry-After in %s', async (_, header, retryAfterMs) => {
    const { fake, list, sleeps } = setup(status(429, rateLimited, { 'retry-after': header }));
    await expect(list()).rejects.toMatchObject({
      code: 'ZOOM_RATE_LIMITED',
      detail: { status: 429, retryAfterMs },
    });
    expect(sleeps).toStrictEqual([]);
    expect(fake.callsTo(SESSIONS)).toHaveLength(1);
  });

  it('waits out a 429 only once', async () => {
    const limited = status(429, rateLimited, { 'retry-after': '1' });
    const { fake, list, sleeps } = setup([limited, limited]);
    await expect(list()).rejects.toMatchObject({
      code: 'ZOOM_RATE_LIMITED',
      detail: { retryAfterMs: 1_000 },
    });
    expect(sleeps).toStrictEqual([1_000]);
    expect(fake.callsTo(SESSIONS)).toHaveLength(2);
  });

  it('does not wait on a 429 without Retry-After', async () => {
    const { list, sleeps } = setup(status(429, rateLimited));
    const error = await list().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ZOOM_RATE_LIMITED' });
    expect((error as { detail: object }).detail).not.toHaveProperty('retryAfterMs');
    expect(sleeps).toStrictEqual([]);
  });

  it('honours a configured maxRateLimitWaitMs', async () => {
    const { list } = setup(status(429, rateLimited, { 'retry-after': '1' }), {
      retry: { maxRateLimitWaitMs: 500 },
    });
    await expect(list()).rejects.toMatchObject({ code: 'ZOOM_RATE_LIMITED' });
  });

  it('retries 5xx answers with backoff and succeeds', async () => {
    const { list, sleeps } = setup([status(500), status(502), ok]);
    await expect(list()).resolves.toMatchObject({ nextPageToken: '' });
    expect(sleeps).toStrictEqual([backoff(0), backoff(1)]);
  });

  it('gives up with ZOOM_UNAVAILABLE after the retries', async () => {
    const html = () => new Response('<html>Service Unavailable</html>', { status: 503 });
    const { fake, list, sleeps } = setup(html);
    await expect(list()).rejects.toMatchObject({
      code: 'ZOOM_UNAVAILABLE',
      detail: { status: 503 },
    });
    expect(fake.callsTo(SESSIONS)).toHaveLength(3);
    expect(sleeps).toStrictEqual([backoff(0), backoff(1)]);
  });

  it('scales the jitter with the random source', async () => {
    const { list, sleeps } = setup([status(500), status(500), ok], { random: () => 0 });
    await list();
    expect(sleeps).toStrictEqual([125, 250]);
  });

  it('retries a network error, then gives up with ZOOM_UNAVAILABLE and the cause', async () => {
    const { fake, list } = setup(networkFailure);
    await expect(list()).rejects.toMatchObject({
      code: 'ZOOM_UNAVAILABLE',
      message: 'Could not reach Zoom',
      cause: expect.objectContaining({ name: 'TypeError', message: 'fetch failed' }),
    });
    expect(fake.callsTo(SESSIONS)).toHaveLength(3);
  });

  it('recovers when the network comes back', async () => {
    const { list } = setup([networkFailure, ok]);
    await expect(list()).resolves.toMatchObject({ nextPageToken: '' });
  });

  it('times out a request that never answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hang: FakeHandler = () => new Promise<Response>(() => {});
    const { fake, list } = setup(hang, { timeoutMs: 1_000, retry: { maxRetries: 1 } });
    const outcome = expect(list()).rejects.toMatchObject({
      code: 'ZOOM_UNAVAILABLE',
      message: 'Zoom did not answer within 1000 ms',
      cause: expect.objectContaining({ name: 'TimeoutError' }),
    });
    await vi.advanceTimersByTimeAsync(2_000);
    await outcome;
    expect(fake.callsTo(SESSIONS)).toHaveLength(2);
  });
});

describe('createZoomClient: logging', () => {
  it('logs one warn line per failed attempt with the path template, status and Zoom code', async () => {
    const { list, logs } = setup([status(500), status(401, invalidAccessToken), ok]);
    await list();
    expect(
      logs().map(({ level, path, attempt, status, zoomCode }) => ({
        level,
        path,
        attempt,
        status,
        zoomCode,
      })),
    ).toStrictEqual([
      {
        level: 40,
        path: '/phone/users/{userId}/sms/sessions',
        attempt: 1,
        status: 500,
        zoomCode: undefined,
      },
      {
        level: 40,
        path: '/phone/users/{userId}/sms/sessions',
        attempt: 2,
        status: 401,
        zoomCode: 124,
      },
    ]);
  });

  it('never logs the token, a credential or the user', async () => {
    const { list, rawLogs } = setup([
      status(401, invalidAccessToken),
      status(401, invalidAccessToken),
    ]);
    await list().catch(() => undefined);
    const { list: listAgain, rawLogs: moreLogs } = setup([
      networkFailure,
      status(503),
      status(429, rateLimited, { 'retry-after': '60' }),
    ]);
    await listAgain().catch(() => undefined);
    const text = rawLogs() + moreLogs();
    expect(text).toContain('Zoom request failed');
    for (const secret of [
      'access-1',
      'access-2',
      'Bearer',
      'Basic',
      CLIENT_SECRET,
      'jchill',
      'example.com',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
