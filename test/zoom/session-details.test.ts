import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset, demoSession, demoUser } from '../../src/demo-zoom/index.js';
import { createZoomClient } from '../../src/zoom/client.js';
import { zoomSmsSessionDetailsSchema } from '../../src/zoom/schemas.js';
import {
  type SessionDetailsRequest,
  toSessionDetailsParams,
} from '../../src/zoom/session-details.js';
import { createTokenProvider } from '../../src/zoom/token-provider.js';
import {
  CREDENTIALS,
  closeDemoZooms,
  DAY_MS,
  NOW,
  startDemoZoom,
} from '../demo-zoom/demo-zoom-harness.js';
import { zoomSmsSessionDetailsSchema as strictDetailsSchema } from '../demo-zoom/zoom-session-details-schema.js';
import tokenFixture from '../fixtures/zoom/token.json' with { type: 'json' };
import { createFakeClock } from '../helpers/fake-clock.js';
import { createFakeFetch, jsonResponse } from '../helpers/fake-fetch.js';

afterEach(closeDemoZooms);

const DETAILS = 'GET /v2/phone/sms/sessions/:sessionId';

const request: SessionDetailsRequest = {
  from: '2026-10-27T12:00:00Z',
  to: '2026-11-26T12:00:00Z',
  pageSize: 25,
  order: 'newest-first',
};

const at = (daysAgo: number) => new Date(Date.parse(NOW) - daysAgo * DAY_MS).toISOString();

const alice = demoUser({ email: 'alice@example.com' });
const chat = demoSession({
  owner: alice,
  at: at(1),
  contacts: [{ name: 'Pat <P&Q>', phoneNumber: '12125550101' }],
  messages: Array.from({ length: 30 }, (_, i) => ({
    direction: i % 2 === 0 ? ('in' as const) : ('out' as const),
    at: at(1 + i / 10),
    text: `Message ${i}`,
  })),
});

const clientFor = (baseUrl: string, tokenUrl: string, fetchImpl?: typeof fetch) => {
  const clock = createFakeClock(NOW);
  return createZoomClient({
    baseUrl,
    tokenProvider: createTokenProvider({
      tokenUrl,
      accountId: CREDENTIALS.accountId,
      clientId: CREDENTIALS.clientId,
      clientSecret: CREDENTIALS.clientSecret,
      clock,
      ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
    }),
    clock,
    logger: pino({ level: 'silent' }),
    sleep: async () => {},
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
  });
};

describe('toSessionDetailsParams', () => {
  it('sends the window, the page size and the order, and the token only after page 1', () => {
    expect(toSessionDetailsParams(request)).toStrictEqual({
      page_size: 25,
      from: '2026-10-27T12:00:00Z',
      to: '2026-11-26T12:00:00Z',
      sort: 2,
    });
    expect(
      toSessionDetailsParams({ ...request, order: 'oldest-first', pageToken: 'tok' }),
    ).toMatchObject({ sort: 1, next_page_token: 'tok' });
  });

  it.each([0, 101, 2.5])('refuses a page size of %s as a bug', (pageSize) => {
    expect(() => toSessionDetailsParams({ ...request, pageSize })).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
  });
});

// https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/sms/sessions/{sessionId}
describe('createZoomClient: getSmsSessionDetails', () => {
  it('reads the demo Zoom’s messages newest first and pages through them', async () => {
    const demo = await startDemoZoom({
      dataset: buildDataset({ users: [alice], sessions: [chat] }),
    });
    const client = clientFor(demo.baseUrl, demo.tokenUrl);
    const first = await client.getSmsSessionDetails(chat.id, request);
    expect(first.messages.map((m) => m.text)).toEqual(
      Array.from({ length: 25 }, (_, i) => `Message ${i}`),
    );
    expect(first.nextPageToken).not.toBe('');
    const second = await client.getSmsSessionDetails(chat.id, {
      ...request,
      pageToken: first.nextPageToken,
    });
    expect(second.messages.map((m) => m.text)).toEqual(
      Array.from({ length: 5 }, (_, i) => `Message ${25 + i}`),
    );
    expect(second.nextPageToken).toBe('');
    const [call] = demo.zoom.requests.filter((r) => r.kind === 'details');
    expect(call?.query).toStrictEqual({
      page_size: '25',
      from: request.from,
      to: request.to,
      sort: '2',
    });
  });

  it('parses what the strict schema of the spec accepts, and nothing less', async () => {
    const demo = await startDemoZoom({
      dataset: buildDataset({ users: [alice], sessions: [chat] }),
    });
    const answer = await demo.get(`/phone/sms/sessions/${chat.id}`, {
      from: request.from,
      to: request.to,
    });
    const strict = strictDetailsSchema.parse(answer.body);
    expect(zoomSmsSessionDetailsSchema.parse(answer.body)).toEqual(strict);
    expect(zoomSmsSessionDetailsSchema.safeParse({ sms_histories: 'nope' }).success).toBe(false);
  });

  it.each([
    [404, { code: 7013, message: 'Error retrieving SMS history.' }, 'ZOOM_SMS_ERROR'],
    [
      400,
      {
        code: 4711,
        message: 'Invalid access token, does not contain scopes:[phone:read:sms_session:admin].',
      },
      'ZOOM_MISSING_SCOPES',
    ],
    [400, { code: 400, message: 'The next page token is invalid or expired.' }, 'PAGE_EXPIRED'],
  ])('turns a %i answer %j into %s', async (status, body, code) => {
    const fake = createFakeFetch({
      'POST /oauth/token': () => jsonResponse(tokenFixture),
      [DETAILS]: () => jsonResponse(body, { status }),
    });
    const client = clientFor('https://api.zoom.us/v2', 'https://zoom.us/oauth/token', fake.fetch);
    await expect(
      client.getSmsSessionDetails('abc', { ...request, pageToken: 'old' }),
    ).rejects.toMatchObject({ code });
    expect(fake.callsTo(DETAILS)[0]?.params.sessionId).toBe('abc');
  });
});
