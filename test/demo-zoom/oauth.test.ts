import { afterEach, describe, expect, it } from 'vitest';
import {
  zoomErrorBodySchema,
  zoomTokenErrorBodySchema,
  zoomTokenResponseSchema,
} from '../../src/zoom/schemas.js';
import {
  basic,
  CREDENTIALS,
  closeDemoZooms,
  readAnswer,
  startDemoZoom,
} from './demo-zoom-harness.js';

afterEach(closeDemoZooms);

const ALICE = 'alice@example.com';
const LIST = `/phone/users/${ALICE}/sms/sessions`;

// https://developers.zoom.us/docs/internal-apps/s2s-oauth/
describe('createDemoZoom: POST /oauth/token', () => {
  it('issues a bearer token in the shape Zoom documents when the credentials are right', async () => {
    const harness = await startDemoZoom();
    const response = await fetch(
      `${harness.tokenUrl}?grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`,
      {
        method: 'POST',
        headers: { authorization: basic(CREDENTIALS.clientId, CREDENTIALS.clientSecret) },
      },
    );
    const body = zoomTokenResponseSchema.parse(await response.json());
    expect(response.status).toBe(200);
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 3600,
      scope: 'phone:read:admin phone_sms:read:admin user:read:admin phone_sms:write:admin',
      api_url: harness.baseUrl.replace(/\/v2$/, ''),
    });
  });

  it('reads grant_type and account_id from a form body too', async () => {
    const harness = await startDemoZoom();
    const response = await fetch(harness.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: basic(CREDENTIALS.clientId, CREDENTIALS.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`,
    });
    expect(response.status).toBe(200);
  });

  it.each([
    {
      when: 'the secret is wrong',
      auth: basic(CREDENTIALS.clientId, 'nope'),
      query: `grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`,
      status: 401,
      body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
    },
    {
      when: 'there is no Authorization header',
      auth: undefined,
      query: `grant_type=account_credentials&account_id=${CREDENTIALS.accountId}`,
      status: 401,
      body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
    },
    {
      when: 'the account is not the app’s',
      auth: basic(CREDENTIALS.clientId, CREDENTIALS.clientSecret),
      query: 'grant_type=account_credentials&account_id=someone-else',
      status: 400,
      body: { reason: 'Invalid account_id', error: 'invalid_request' },
    },
    {
      when: 'grant_type is missing',
      auth: basic(CREDENTIALS.clientId, CREDENTIALS.clientSecret),
      query: `account_id=${CREDENTIALS.accountId}`,
      status: 400,
      body: { reason: 'Missing grant type', error: 'invalid_request' },
    },
    {
      when: 'grant_type is not account_credentials',
      auth: basic(CREDENTIALS.clientId, CREDENTIALS.clientSecret),
      query: `grant_type=client_credentials&account_id=${CREDENTIALS.accountId}`,
      status: 400,
      body: { reason: 'Unsupported grant type', error: 'unsupported_grant_type' },
    },
  ])('refuses with $status when $when', async ({ auth, query, status, body }) => {
    const harness = await startDemoZoom();
    const answer = await readAnswer(
      await fetch(`${harness.tokenUrl}?${query}`, {
        method: 'POST',
        headers: auth === undefined ? {} : { authorization: auth },
      }),
    );
    expect(answer).toMatchObject({ status, body });
    expect(zoomTokenErrorBodySchema.parse(answer.body)).toEqual(body);
  });

  it('issues the same tokens in the same order on every run', async () => {
    const first = await startDemoZoom();
    const second = await startDemoZoom();
    const tokens = [await first.token(), await first.token()];
    expect([await second.token(), await second.token()]).toEqual(tokens);
    expect(tokens[0]).not.toBe(tokens[1]);
  });
});

// https://developers.zoom.us/docs/api/rest/other-references/error-definitions/
describe('createDemoZoom: bearer tokens', () => {
  it('answers 401 / 124 when there is no bearer token', async () => {
    const harness = await startDemoZoom();
    const answer = await harness.get(LIST, {}, null);
    expect(answer.status).toBe(401);
    expect(zoomErrorBodySchema.parse(answer.body)).toEqual({
      code: 124,
      message: 'Invalid access token.',
    });
  });

  it('answers 401 / 124 when the bearer token was never issued', async () => {
    const harness = await startDemoZoom();
    const answer = await harness.get(LIST, {}, 'forged');
    expect(answer).toMatchObject({ status: 401, body: { code: 124 } });
  });

  it('expires a token 3600 s after issue on the injected clock', async () => {
    const harness = await startDemoZoom();
    const token = await harness.token();
    harness.clock.advance(3_599_000);
    expect((await harness.get(LIST, {}, token)).status).toBe(200);
    harness.clock.advance(1000);
    expect(await harness.get(LIST, {}, token)).toMatchObject({
      status: 401,
      body: { code: 124, message: 'Access token is expired.' },
    });
  });

  it('expires every issued token on expireTokens() while new ones work', async () => {
    const harness = await startDemoZoom();
    const old = await harness.token();
    harness.zoom.expireTokens();
    expect((await harness.get(LIST, {}, old)).status).toBe(401);
    expect((await harness.get(LIST)).status).toBe(200);
  });
});

describe('createDemoZoom: scopes', () => {
  it('answers 400 / 4711 naming the scopes when the token lacks them', async () => {
    const harness = await startDemoZoom({ grantedScopes: ['user:read:admin'] });
    const answer = await harness.get(LIST);
    expect(answer.status).toBe(400);
    expect(zoomErrorBodySchema.parse(answer.body)).toEqual({
      code: 4711,
      message:
        'Invalid access token, does not contain scopes:[phone:read:admin, phone_sms:read:admin].',
    });
  });

  it('lets a granular scope through for its own operation only', async () => {
    const harness = await startDemoZoom({ grantedScopes: ['phone:read:list_sms_sessions:admin'] });
    expect((await harness.get(LIST)).status).toBe(200);
    const session = harness.dataset.sessions[0]?.id ?? '';
    expect(await harness.get(`/phone/sms/sessions/${session}`)).toMatchObject({
      status: 400,
      body: { code: 4711 },
    });
    expect(await harness.get(`/users/${ALICE}`)).toMatchObject({
      status: 400,
      body: {
        code: 4711,
        message:
          'Invalid access token, does not contain scopes:[user:read:admin, user:write:admin].',
      },
    });
  });
});
