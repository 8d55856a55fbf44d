import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ErrorCode } from '../../src/errors.js';
import type { SessionQuery } from '../../src/query/types.js';
import { createZoomClient } from '../../src/zoom/client.js';
import { createTokenProvider } from '../../src/zoom/token-provider.js';
import type { ZoomClientOptions } from '../../src/zoom/zoom-request.js';
import accountNotFound from '../fixtures/zoom/error-account-not-found.json' with { type: 'json' };
import invalidUser from '../fixtures/zoom/error-invalid-user.json' with { type: 'json' };
import missingScopes from '../fixtures/zoom/error-missing-scopes.json' with { type: 'json' };
import pageTokenExpired from '../fixtures/zoom/error-page-token-expired.json' with { type: 'json' };
import phoneNotEnabled from '../fixtures/zoom/error-phone-not-enabled.json' with { type: 'json' };
import sessionTypeInvalid from '../fixtures/zoom/error-session-type-invalid.json' with {
  type: 'json',
};
import smsRetrieval from '../fixtures/zoom/error-sms-retrieval.json' with { type: 'json' };
import userNotFound from '../fixtures/zoom/error-user-not-found.json' with { type: 'json' };
import phoneUser from '../fixtures/zoom/phone-user.json' with { type: 'json' };
import lastPage from '../fixtures/zoom/sessions-last-page.json' with { type: 'json' };
import firstPage from '../fixtures/zoom/sessions-page-1.json' with { type: 'json' };
import tokenFixture from '../fixtures/zoom/token.json' with { type: 'json' };
import user from '../fixtures/zoom/user.json' with { type: 'json' };
import { createFakeClock } from '../helpers/fake-clock.js';
import { createFakeFetch, type FakeRoutes, jsonResponse } from '../helpers/fake-fetch.js';

const SESSIONS = 'GET /v2/phone/users/:userId/sms/sessions';
const TOKEN = 'POST /oauth/token';
const EMAIL = 'jchill+sms@example.com';

const query: SessionQuery = {
  sessionType: 'user',
  filterType: 'last_message_time',
  from: '2026-11-01T00:00:00Z',
  to: '2026-11-26T12:00:00Z',
  pageSize: 2,
};

const setup = (routes: FakeRoutes, options: Partial<ZoomClientOptions> = {}) => {
  const clock = createFakeClock();
  const fake = createFakeFetch({
    [TOKEN]: () => jsonResponse({ ...tokenFixture, access_token: 'access-1' }),
    ...routes,
  });
  const tokenProvider = createTokenProvider({
    tokenUrl: 'https://zoom.us/oauth/token',
    accountId: 'account-1',
    clientId: 'client-id',
    clientSecret: 'client-secret',
    clock,
    fetch: fake.fetch,
  });
  const client = createZoomClient({
    baseUrl: 'https://api.zoom.us/v2',
    tokenProvider,
    clock,
    logger: pino({ level: 'silent' }),
    fetch: fake.fetch,
    sleep: async () => {},
    ...options,
  });
  return { client, fake };
};

const reply =
  (body: unknown, status = 200) =>
  () =>
    jsonResponse(body, { status });

// https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
describe('createZoomClient: listUserSmsSessions', () => {
  it('returns the sessions and the token of the next page', async () => {
    const { client, fake } = setup({ [SESSIONS]: reply(firstPage) });
    const page = await client.listUserSmsSessions(EMAIL, query);
    expect(page.nextPageToken).toBe(firstPage.next_page_token);
    expect(page.sessions.map((session) => session.id)).toStrictEqual(
      firstPage.sms_sessions.map((session) => session.session_id),
    );
    expect(fake.callsTo(SESSIONS)[0]?.headers.authorization).toBe('Bearer access-1');
  });

  it('passes the page token through and returns "" on the last page', async () => {
    const { client, fake } = setup({ [SESSIONS]: [reply(firstPage), reply(lastPage)] });
    const first = await client.listUserSmsSessions(EMAIL, query);
    const last = await client.listUserSmsSessions(EMAIL, query, first.nextPageToken);
    expect(last).toMatchObject({
      nextPageToken: '',
      sessions: [{ id: lastPage.sms_sessions[0]?.session_id }],
    });
    const [firstCall, secondCall] = fake.callsTo(SESSIONS);
    expect(firstCall?.url.searchParams.has('next_page_token')).toBe(false);
    expect(secondCall?.url.searchParams.get('next_page_token')).toBe(first.nextPageToken);
  });

  it('always returns an array and "" when Zoom leaves both out', async () => {
    const { client } = setup({ [SESSIONS]: reply({}) });
    expect(await client.listUserSmsSessions(EMAIL, query)).toStrictEqual({
      sessions: [],
      nextPageToken: '',
    });
  });

  it('puts the encoded user in the path and the query in Zoom’s parameters', async () => {
    const { client, fake } = setup({ [SESSIONS]: reply(lastPage) });
    await client.listUserSmsSessions(EMAIL, { ...query, phoneNumber: '18108001001' }, 'tok-2');
    const [call] = fake.callsTo(SESSIONS);
    expect(call?.url.pathname).toBe('/v2/phone/users/jchill%2Bsms%40example.com/sms/sessions');
    expect(call?.params.userId).toBe(EMAIL);
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toStrictEqual({
      page_size: '2',
      session_type: 'user',
      filter_type: 'last_message_time',
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-26T12:00:00Z',
      phone_number: '18108001001',
      next_page_token: 'tok-2',
    });
  });

  it('refuses a page size over 100 without calling Zoom', async () => {
    const { client, fake } = setup({ [SESSIONS]: reply(lastPage) });
    await expect(
      client.listUserSmsSessions(EMAIL, { ...query, pageSize: 101 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGS', detail: { reason: 'bad-size', limit: 100 } });
    expect(fake.calls).toHaveLength(0);
  });

  // Error tables: spec/zoom/phone-sms-openapi.json (operation userSmsSession) and
  // https://developers.zoom.us/docs/api/rest/error-definitions/
  it.each<[number, unknown, string | undefined, ErrorCode, number | undefined]>([
    [404, userNotFound, undefined, 'ZOOM_USER_NOT_FOUND', 1001],
    [400, invalidUser, undefined, 'ZOOM_INVALID_USER', 300],
    [404, smsRetrieval, undefined, 'ZOOM_SMS_ERROR', 7012],
    [404, accountNotFound, undefined, 'ZOOM_AUTH', 2001],
    [403, phoneNotEnabled, undefined, 'ZOOM_PHONE_NOT_ENABLED', 2031],
    [400, missingScopes, undefined, 'ZOOM_MISSING_SCOPES', 4711],
    [400, pageTokenExpired, 'old-token', 'PAGE_EXPIRED', 400],
    [400, sessionTypeInvalid, undefined, 'INTERNAL', 400],
  ])('turns a %i answer %j into %s', async (status, body, pageToken, code, zoomCode) => {
    const { client } = setup({ [SESSIONS]: reply(body, status) });
    await expect(client.listUserSmsSessions(EMAIL, query, pageToken)).rejects.toMatchObject({
      name: 'AppError',
      code,
      detail: { status, zoomCode, zoomUser: EMAIL },
      cause: body,
    });
  });

  it('names the missing scopes after retrying once with a fresh token', async () => {
    const { client, fake } = setup({ [SESSIONS]: reply(missingScopes, 400) });
    await expect(client.listUserSmsSessions(EMAIL, query)).rejects.toMatchObject({
      code: 'ZOOM_MISSING_SCOPES',
      detail: { scopes: ['phone:read:admin', 'phone_sms:read:admin'] },
    });
    expect(fake.callsTo(SESSIONS)).toHaveLength(2);
    expect(fake.callsTo(TOKEN)).toHaveLength(2);
  });

  it.each([
    [
      'HTML',
      () =>
        new Response('<html><body>Bad gateway</body></html>', {
          headers: { 'content-type': 'text/html' },
        }),
    ],
    [
      'text that is not JSON',
      () => new Response('{"sms_sessions": [', { headers: { 'content-type': 'application/json' } }),
    ],
    ['an empty body', () => new Response(null, { status: 200 })],
    ['sessions that are not an array', reply({ sms_sessions: 'none' })],
    ['a page size that is a string', reply({ ...lastPage, page_size: '30' })],
    ['a participant list that is an object', reply({ sms_sessions: [{ participants: {} }] })],
  ])('reports %s as ZOOM_BAD_RESPONSE with the zod issues', async (_, handler) => {
    const { client } = setup({ [SESSIONS]: handler });
    const error = await client.listUserSmsSessions(EMAIL, query).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ZOOM_BAD_RESPONSE', detail: { status: 200 } });
    expect((error as Error).cause).toBeInstanceOf(z.ZodError);
    expect(((error as Error).cause as z.ZodError).issues.length).toBeGreaterThan(0);
  });
});

// https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId}
describe('createZoomClient: getUser', () => {
  const USER = 'GET /v2/users/:userId';

  it('returns the user behind an email', async () => {
    const { client, fake } = setup({ [USER]: reply(user) });
    await expect(client.getUser(EMAIL)).resolves.toMatchObject({ id: user.id, email: user.email });
    expect(fake.callsTo(USER)[0]?.params.userId).toBe(EMAIL);
  });

  it('maps 404/1001 to ZOOM_USER_NOT_FOUND', async () => {
    const { client } = setup({ [USER]: reply(userNotFound, 404) });
    await expect(client.getUser(EMAIL)).rejects.toMatchObject({ code: 'ZOOM_USER_NOT_FOUND' });
  });

  it('reports a user without an id as ZOOM_BAD_RESPONSE', async () => {
    const { client } = setup({ [USER]: reply({ email: EMAIL }) });
    await expect(client.getUser(EMAIL)).rejects.toMatchObject({ code: 'ZOOM_BAD_RESPONSE' });
  });
});

// https://developers.zoom.us/docs/api/phone/#tag/users/GET/phone/users/{userId}
describe('createZoomClient: getPhoneUser', () => {
  const PHONE_USER = 'GET /v2/phone/users/:userId';

  it('returns the Zoom Phone profile', async () => {
    const { client } = setup({ [PHONE_USER]: reply(phoneUser) });
    await expect(client.getPhoneUser(EMAIL)).resolves.toMatchObject({
      id: phoneUser.id,
      phoneNumbers: ['+14232058798'],
    });
  });

  it('maps 403/2031 to ZOOM_PHONE_NOT_ENABLED', async () => {
    const { client } = setup({ [PHONE_USER]: reply(phoneNotEnabled, 403) });
    await expect(client.getPhoneUser(EMAIL)).rejects.toMatchObject({
      code: 'ZOOM_PHONE_NOT_ENABLED',
    });
  });
});
