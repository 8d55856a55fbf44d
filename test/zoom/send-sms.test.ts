import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors.js';
import { createZoomClient } from '../../src/zoom/client.js';
import { SMS_MAX_CHARS, type SmsSendRequest, smsLength } from '../../src/zoom/send-sms.js';
import { createTokenProvider } from '../../src/zoom/token-provider.js';
import invalidAccessToken from '../fixtures/zoom/error-invalid-access-token.json' with {
  type: 'json',
};
import tokenFixture from '../fixtures/zoom/token.json' with { type: 'json' };
import { createFakeClock } from '../helpers/fake-clock.js';
import { createFakeFetch, type FakeHandler, jsonResponse } from '../helpers/fake-fetch.js';

const SEND = 'POST /v2/phone/sms/messages';
const TOKEN = 'POST /oauth/token';

const text: SmsSendRequest = {
  from: '+14155550100',
  to: ['+12058945624'],
  text: 'On my way ✨',
  sessionId: 'd39fc7e14ef9f2b6453f5f02524d79a2',
};

/** The 201 example of spec/zoom/phone-sms-events-and-send.json. */
const sent = {
  date_time: '2022-01-17T08:13:27Z',
  message_id: 'E14032F2-1EDE-4D8E-924B-C83A70CD2923',
  session_id: 'd39fc7e14ef9f2b6453f5f02524d79a2',
};

const status =
  (code: number, body: unknown = {}): FakeHandler =>
  () =>
    jsonResponse(body, { status: code });

const connectionError = (code: string): FakeHandler => {
  return () => {
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error(code), { code }),
    });
  };
};

const setup = (send: FakeHandler | readonly FakeHandler[]) => {
  const clock = createFakeClock('2026-12-06T12:00:00Z');
  const fake = createFakeFetch({
    [TOKEN]: [
      () => jsonResponse({ ...tokenFixture, access_token: 'access-1' }),
      () => jsonResponse({ ...tokenFixture, access_token: 'access-2' }),
    ],
    [SEND]: send,
  });
  const lines: string[] = [];
  const client = createZoomClient({
    baseUrl: 'https://api.zoom.us/v2',
    tokenProvider: createTokenProvider({
      tokenUrl: 'https://zoom.us/oauth/token',
      accountId: 'account-1',
      clientId: 'client-id',
      clientSecret: 'client-secret',
      clock,
      fetch: fake.fetch,
    }),
    clock,
    logger: pino({ level: 'debug' }, { write: (line: string) => lines.push(line) }),
    fetch: fake.fetch,
    sleep: async () => {},
    random: () => 0.5,
  });
  return { client, fake, logs: () => lines.join('') };
};

// https://developers.zoom.us/docs/api/phone/#tag/sms/POST/phone/sms/messages
describe('ZoomApi.sendSms', () => {
  it('posts the body the spec describes and reads the 201', async () => {
    const { client, fake } = setup(status(201, sent));
    await expect(client.sendSms(text)).resolves.toStrictEqual({
      messageId: sent.message_id,
      sessionId: sent.session_id,
      sentAt: sent.date_time,
    });
    const [call] = fake.callsTo(SEND);
    expect(call?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(call?.body ?? '')).toStrictEqual({
      sender: { phone_number: '+14155550100' },
      to_members: [{ phone_number: '+12058945624' }],
      message: 'On my way ✨',
      session_id: sent.session_id,
    });
  });

  it('reports a send Zoom accepted as sent even when the 201 is thin', async () => {
    const { client } = setup(() => new Response('', { status: 201 }));
    await expect(client.sendSms(text)).resolves.toStrictEqual({});
  });

  it('refuses more than 500 characters before calling Zoom', async () => {
    const { client, fake } = setup(status(201, sent));
    const long = '😀'.repeat(SMS_MAX_CHARS + 1);
    expect(smsLength(long)).toBe(501);
    await expect(client.sendSms({ ...text, text: long })).rejects.toMatchObject({
      code: 'SMS_TOO_LONG',
      detail: { limit: 500, length: 501 },
    });
    await expect(client.sendSms({ ...text, text: '😀'.repeat(500) })).resolves.toBeDefined();
    expect(fake.callsTo(SEND)).toHaveLength(1);
  });

  it.each([
    ['a number that is not E.164', { ...text, from: '14155550100' }],
    ['no recipient', { ...text, to: [] }],
    ['eleven recipients', { ...text, to: Array.from({ length: 11 }, (_, i) => `+1415555010${i}`) }],
    ['an empty text', { ...text, text: '  ' }],
  ])('never sends %s', async (_what, request) => {
    const { client, fake } = setup(status(201, sent));
    await expect(client.sendSms(request)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(fake.callsTo(SEND)).toHaveLength(0);
  });

  // The 400 table of the operation, and Zoom's shared codes.
  it.each<[number, number | undefined, string, ErrorCode]>([
    [400, 7001, 'Phone number is not valid.', 'SMS_INVALID_NUMBER'],
    [400, 316, 'The phone number does not conform to the E.164 standard.', 'SMS_INVALID_NUMBER'],
    [400, 300, 'Unsupported content type.', 'INTERNAL'],
    [
      400,
      4711,
      'Invalid access token, does not contain scopes:[phone_sms:write:admin].',
      'ZOOM_MISSING_SCOPES',
    ],
    [400, 135, 'You cannot access another user.', 'SMS_REFUSED'],
    [400, 33019, 'The recipient has opted out of receiving messages.', 'SMS_REFUSED'],
    [404, 7010, 'The session has expired.', 'SMS_REFUSED'],
    [
      429,
      429,
      'You have reached the maximum per-second rate limit for this API.',
      'ZOOM_RATE_LIMITED',
    ],
  ])('maps %i / %s to %s', async (httpStatus, zoomCode, message, code) => {
    const body = { code: zoomCode, message };
    const { client } = setup([status(httpStatus, body), status(httpStatus, body)]);
    const error = await client.sendSms(text).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code });
  });

  it("keeps Zoom's own sentence for a refusal without a documented code, and logs only the code", async () => {
    const message = 'The recipient +12058945624 has opted out.';
    const { client, logs } = setup(status(400, { code: 33019, message }));
    await expect(client.sendSms(text)).rejects.toMatchObject({
      code: 'SMS_REFUSED',
      detail: { zoomCode: 33019, zoomMessage: message },
    });
    expect(logs()).toContain('33019');
    expect(logs()).not.toContain('opted out');
    expect(logs()).not.toContain('On my way');
  });

  it('retries after a 401: Zoom refused before acting', async () => {
    const { client, fake } = setup([status(401, invalidAccessToken), status(201, sent)]);
    await expect(client.sendSms(text)).resolves.toMatchObject({ messageId: sent.message_id });
    expect(fake.callsTo(SEND)).toHaveLength(2);
  });

  it('retries a connection that never opened: Zoom cannot have seen it', async () => {
    const { client, fake } = setup([connectionError('ECONNREFUSED'), status(201, sent)]);
    await expect(client.sendSms(text)).resolves.toMatchObject({ messageId: sent.message_id });
    expect(fake.callsTo(SEND)).toHaveLength(2);
  });

  it.each([
    ['a 503', status(503, { code: 503, message: 'Service unavailable' })],
    ['a dropped connection', connectionError('ECONNRESET')],
  ])('never repeats a send after %s, and says the outcome is unknown', async (_what, failure) => {
    const { client, fake } = setup([failure, status(201, sent)]);
    await expect(client.sendSms(text)).rejects.toMatchObject({ code: 'ZOOM_UNCONFIRMED' });
    expect(fake.callsTo(SEND)).toHaveLength(1);
  });
});
