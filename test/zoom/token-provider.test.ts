import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors.js';
import {
  createTokenProvider,
  TOKEN_EXPIRY_SKEW_MS,
  type TokenProviderOptions,
} from '../../src/zoom/token-provider.js';
import invalidClient from '../fixtures/zoom/error-token-invalid-client.json' with { type: 'json' };
import tokenFixture from '../fixtures/zoom/token.json' with { type: 'json' };
import { createFakeClock } from '../helpers/fake-clock.js';
import { createFakeFetch, type FakeHandler, jsonResponse } from '../helpers/fake-fetch.js';

const TOKEN_ROUTE = 'POST /oauth/token';
const CLIENT_SECRET = 'xyz-client-secret';

const issue =
  (accessToken: string): FakeHandler =>
  () =>
    jsonResponse({ ...tokenFixture, access_token: accessToken });

const setup = (
  handler: FakeHandler | readonly FakeHandler[],
  options: Partial<TokenProviderOptions> = {},
) => {
  const clock = createFakeClock();
  const fake = createFakeFetch({ [TOKEN_ROUTE]: handler });
  const provider = createTokenProvider({
    tokenUrl: 'https://zoom.us/oauth/token',
    accountId: 'account-1',
    clientId: 'abc',
    clientSecret: CLIENT_SECRET,
    clock,
    fetch: fake.fetch,
    ...options,
  });
  return { clock, provider, tokenCalls: () => fake.callsTo(TOKEN_ROUTE) };
};

// https://developers.zoom.us/docs/internal-apps/s2s-oauth/
describe('createTokenProvider', () => {
  it('asks for account credentials with HTTP Basic client authentication', async () => {
    const { provider, tokenCalls } = setup(issue('t1'));
    await provider.getToken();
    const [call] = tokenCalls();
    expect(call?.method).toBe('POST');
    expect(`${call?.url.origin}${call?.url.pathname}`).toBe('https://zoom.us/oauth/token');
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toStrictEqual({
      grant_type: 'account_credentials',
      account_id: 'account-1',
    });
    expect(call?.headers.authorization).toBe('Basic YWJjOnh5ei1jbGllbnQtc2VjcmV0');
    expect(call?.body).toBeUndefined();
  });

  it('makes one token call for many requests while the token is fresh', async () => {
    const { provider, tokenCalls } = setup(issue('t1'));
    for (let i = 0; i < 5; i += 1) expect(await provider.getToken()).toBe('t1');
    expect(tokenCalls()).toHaveLength(1);
  });

  it('fetches a new token once expiry minus the skew is reached', async () => {
    const { clock, provider, tokenCalls } = setup([issue('t1'), issue('t2')]);
    await provider.getToken();
    clock.advance(tokenFixture.expires_in * 1000 - TOKEN_EXPIRY_SKEW_MS - 1);
    expect(await provider.getToken()).toBe('t1');
    clock.advance(1);
    expect(await provider.getToken()).toBe('t2');
    expect(tokenCalls()).toHaveLength(2);
  });

  it('honours a custom skew', async () => {
    const { clock, provider } = setup([issue('t1'), issue('t2')], { skewMs: 0 });
    await provider.getToken();
    clock.advance(tokenFixture.expires_in * 1000 - 1);
    expect(await provider.getToken()).toBe('t1');
  });

  it('shares one in-flight refresh between concurrent callers', async () => {
    const { provider, tokenCalls } = setup(issue('t1'));
    const tokens = await Promise.all(Array.from({ length: 10 }, () => provider.getToken()));
    expect(new Set(tokens)).toStrictEqual(new Set(['t1']));
    expect(tokenCalls()).toHaveLength(1);
  });

  it('caches nothing when a refresh fails, so the next call tries again', async () => {
    const { provider, tokenCalls } = setup([() => jsonResponse({}, { status: 503 }), issue('t2')]);
    const failures = await Promise.allSettled([provider.getToken(), provider.getToken()]);
    expect(failures.map((result) => result.status)).toStrictEqual(['rejected', 'rejected']);
    expect(await provider.getToken()).toBe('t2');
    expect(tokenCalls()).toHaveLength(2);
  });

  it('forgets an invalidated token', async () => {
    const { provider, tokenCalls } = setup([issue('t1'), issue('t2')]);
    const token = await provider.getToken();
    provider.invalidate(token);
    expect(await provider.getToken()).toBe('t2');
    expect(tokenCalls()).toHaveLength(2);
  });

  it('keeps the cached token when an older one is invalidated', async () => {
    const { provider, tokenCalls } = setup(issue('t1'));
    await provider.getToken();
    provider.invalidate('an-older-token');
    expect(await provider.getToken()).toBe('t1');
    expect(tokenCalls()).toHaveLength(1);
  });

  it('reports the scopes of the last token, and none before the first', async () => {
    const { provider } = setup(issue('t1'));
    expect(provider.scopes()).toBeUndefined();
    await provider.getToken();
    expect(provider.scopes()).toStrictEqual([
      'phone:read:admin',
      'phone_sms:read:admin',
      'user:read:admin',
    ]);
  });

  it.each<[string, FakeHandler, ErrorCode]>([
    ['400 invalid_client', () => jsonResponse(invalidClient, { status: 400 }), 'ZOOM_AUTH'],
    ['401 invalid_client', () => jsonResponse(invalidClient, { status: 401 }), 'ZOOM_AUTH'],
    ['200 carrying an error', () => jsonResponse(invalidClient), 'ZOOM_AUTH'],
    ['403 with an HTML page', () => new Response('<html>no</html>', { status: 403 }), 'ZOOM_AUTH'],
    ['500', () => jsonResponse({}, { status: 500 }), 'ZOOM_UNAVAILABLE'],
    ['429', () => jsonResponse({}, { status: 429 }), 'ZOOM_RATE_LIMITED'],
    ['200 without access_token', () => jsonResponse({ expires_in: 3600 }), 'ZOOM_BAD_RESPONSE'],
    ['200 with HTML', () => new Response('<html></html>'), 'ZOOM_BAD_RESPONSE'],
    [
      'a network failure',
      () => {
        throw new TypeError('fetch failed');
      },
      'ZOOM_UNAVAILABLE',
    ],
  ])('answers %s with %s', async (_, handler, code) => {
    const { provider } = setup(handler);
    await expect(provider.getToken()).rejects.toMatchObject({ name: 'AppError', code });
  });

  it('puts Zoom’s reason in the message and never the secret', async () => {
    const { provider } = setup(() => jsonResponse(invalidClient, { status: 401 }));
    const error = await provider.getToken().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ZOOM_AUTH', detail: { status: 401 } });
    expect((error as Error).message).toContain('Invalid client_id or client_secret');
    expect((error as Error).message).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify({ ...(error as Error), cause: (error as Error).cause })).not.toContain(
      CLIENT_SECRET,
    );
  });

  it('keeps the network failure as the cause', async () => {
    const failure = new TypeError('fetch failed');
    const { provider } = setup(() => {
      throw failure;
    });
    await expect(provider.getToken()).rejects.toMatchObject({ cause: failure });
  });

  it('passes on how long Zoom asks to wait on a 429', async () => {
    const { provider } = setup(() =>
      jsonResponse({}, { status: 429, headers: { 'retry-after': '3' } }),
    );
    await expect(provider.getToken()).rejects.toMatchObject({
      code: 'ZOOM_RATE_LIMITED',
      detail: { retryAfterMs: 3000 },
    });
  });
});
