import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildDataset,
  DEMO_UNREACHABLE_NUMBER,
  DEMO_UNREACHABLE_REASON,
  demoLine,
  demoSession,
  demoUser,
} from '../../src/demo-zoom/index.js';
import { DEFAULT_GRANTED_SCOPES } from '../../src/demo-zoom/scopes.js';
import {
  CREDENTIALS,
  closeDemoZooms,
  type Harness,
  readAnswer,
  startDemoZoom,
} from './demo-zoom-harness.js';
import { zoomSmsSessionDetailsSchema } from './zoom-session-details-schema.js';

afterEach(closeDemoZooms);

/** The operation exactly as vendored from Zoom's Phone API reference. */
const operation = JSON.parse(
  readFileSync(new URL('../../spec/zoom/phone-sms-events-and-send.json', import.meta.url), 'utf8'),
).paths['/phone/sms/messages'].post;
const ajv = new Ajv({ strict: false, allErrors: true });
const requestSchema = ajv.compile(operation.requestBody.content['application/json'].schema);
const createdSchema = ajv.compile({
  ...operation.responses['201'].content['application/json'].schema,
  required: ['date_time', 'message_id', 'session_id'],
  additionalProperties: false,
});

const alice = demoUser({ email: 'alice@example.com' });
const nophone = demoUser({ email: 'nophone@example.com', hasPhone: false });
const queue = demoLine({ kind: 'call_queue', name: 'Support', members: [alice] });
const pat = { name: 'Pat', phoneNumber: '12125550101' };
const chat = demoSession({
  owner: alice,
  at: '2026-11-26T11:00:00Z',
  contacts: [pat],
  messages: [{ direction: 'in', at: '2026-11-26T11:00:00Z', text: 'Are you open?' }],
});
const dataset = buildDataset({ users: [alice, nophone], callQueues: [queue], sessions: [chat] });

const e164 = (digits: string) => `+${digits}`;
const valid = () => ({
  sender: { phone_number: e164(alice.phoneNumber ?? '') },
  to_members: [{ phone_number: e164(pat.phoneNumber) }],
  message: 'Yes, until 6',
  session_id: chat.id,
});

const post = async (
  harness: Harness,
  body: unknown,
  options: { contentType?: string; token?: string | null } = {},
) => {
  const token = options.token === undefined ? await harness.token() : options.token;
  return readAnswer(
    await fetch(`${harness.baseUrl}/phone/sms/messages`, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
};

// https://developers.zoom.us/docs/api/phone/#tag/sms/POST/phone/sms/messages
describe('createDemoZoom: POST /phone/sms/messages', () => {
  it('accepts a body valid against the spec with a 201 in the spec’s shape, and the text joins the session', async () => {
    const harness = await startDemoZoom({ dataset });
    expect(requestSchema(valid())).toBe(true);
    const answer = await post(harness, valid());
    expect(answer.status).toBe(201);
    expect(createdSchema(answer.body), JSON.stringify(createdSchema.errors)).toBe(true);
    expect(answer.body).toMatchObject({ session_id: chat.id, date_time: '2026-11-26T12:00:00Z' });
    expect(harness.zoom.sent).toEqual([
      expect.objectContaining({
        sessionId: chat.id,
        text: 'Yes, until 6',
        senderNumber: alice.phoneNumber,
      }),
    ]);
    const details = await harness.get(`/phone/sms/sessions/${chat.id}`, { sort: '2' });
    const newest = zoomSmsSessionDetailsSchema.parse(details.body).sms_histories?.[0];
    expect(newest).toMatchObject({
      message_id: (answer.body as { message_id: string }).message_id,
      direction: 'Out',
      message: 'Yes, until 6',
      delivery_status: 'sent',
      sender: { phone_number: alice.phoneNumber, owner: { id: alice.id, type: 'user' } },
      to_members: [{ phone_number: pat.phoneNumber }],
    });
  });

  it('starts a new session for a sender and recipients who have none, and sends from a queue’s number', async () => {
    const harness = await startDemoZoom({ dataset });
    const answer = await post(harness, {
      sender: { phone_number: e164(queue.phoneNumber) },
      to_members: [{ phone_number: '+447700900123' }],
      message: 'Hello from Support',
    });
    expect(answer.status).toBe(201);
    const sessionId = (answer.body as { session_id: string }).session_id;
    expect(sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(harness.zoom.sent[0]?.owner).toEqual({ type: 'call_queue', id: queue.id });
  });

  it('accepts a text to the number it treats as unreachable, then records it as failed with a reason', async () => {
    const harness = await startDemoZoom({ dataset });
    const answer = await post(harness, {
      sender: { phone_number: e164(alice.phoneNumber ?? '') },
      to_members: [{ phone_number: e164(DEMO_UNREACHABLE_NUMBER) }],
      message: 'Are you there?',
    });
    expect(answer.status).toBe(201);
    expect(createdSchema(answer.body), JSON.stringify(createdSchema.errors)).toBe(true);
    const sessionId = (answer.body as { session_id: string }).session_id;
    expect(harness.zoom.sent).toEqual([
      expect.objectContaining({
        sessionId,
        recipientNumbers: [DEMO_UNREACHABLE_NUMBER],
        failureReason: DEMO_UNREACHABLE_REASON,
      }),
    ]);
    const details = await harness.get(`/phone/sms/sessions/${sessionId}`, { sort: '2' });
    expect(zoomSmsSessionDetailsSchema.parse(details.body).sms_histories?.[0]).toMatchObject({
      message: 'Are you there?',
      delivery_status: 'failed_to_send',
    });
    expect((await post(harness, valid())).status).toBe(201);
    expect(harness.zoom.sent[1]?.failureReason).toBeUndefined();
  });

  it.each([
    ['a sender without +', { ...valid(), sender: { phone_number: alice.phoneNumber } }],
    ['a recipient without +', { ...valid(), to_members: [{ phone_number: pat.phoneNumber }] }],
    [
      'a recipient written with spaces',
      { ...valid(), to_members: [{ phone_number: '+1 212 555 0101' }] },
    ],
  ])('answers 400 / 316 for %s (not E.164)', async (_what, body) => {
    const harness = await startDemoZoom({ dataset });
    const answer = await post(harness, body);
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 316, message: 'The phone number does not conform to the E.164 standard.' },
    });
    expect(harness.zoom.sent).toHaveLength(0);
  });

  it.each([
    [
      'a sender number that is no one’s in the account',
      { ...valid(), sender: { phone_number: '+19995550100' } },
    ],
    [
      'a recipient that is a number of the account',
      { ...valid(), to_members: [{ phone_number: e164(queue.phoneNumber) }] },
    ],
  ])('answers 400 / 7001 for %s', async (_what, body) => {
    const harness = await startDemoZoom({ dataset });
    const answer = await post(harness, body);
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 7001, message: 'Phone number is not valid.' },
    });
  });

  it.each([
    ['no sender', { to_members: valid().to_members, message: 'x' }, 'sender.phone_number'],
    ['no recipients', { sender: valid().sender, message: 'x' }, 'to_members'],
    ['an empty recipient list', { ...valid(), to_members: [] }, 'to_members'],
    [
      'eleven recipients (maxItems 10)',
      {
        ...valid(),
        to_members: Array.from({ length: 11 }, (_, i) => ({
          phone_number: `+1212555010${i % 10}`,
        })),
      },
      'to_members',
    ],
    ['501 characters', { ...valid(), message: 'x'.repeat(501) }, 'message'],
    ['no text and no attachment', { ...valid(), message: undefined }, 'message'],
    [
      'a session id of another conversation',
      { ...valid(), session_id: 'f'.repeat(32) },
      'session_id',
    ],
  ])('answers 400 / 300 naming the field for %s', async (_what, body, field) => {
    const harness = await startDemoZoom({ dataset });
    const answer = await post(harness, body);
    expect(answer).toMatchObject({ status: 400, body: { code: 300, errors: [{ field }] } });
    expect(harness.zoom.sent).toHaveLength(0);
  });

  it('accepts exactly 500 characters, counting an emoji as one', async () => {
    const harness = await startDemoZoom({ dataset });
    const answer = await post(harness, { ...valid(), message: '😀'.repeat(500) });
    expect(answer.status).toBe(201);
  });

  it('answers 400 / 300 for a body that is not JSON, or not sent as JSON', async () => {
    const harness = await startDemoZoom({ dataset });
    expect(await post(harness, '{not json')).toMatchObject({ status: 400, body: { code: 300 } });
    expect(await post(harness, valid(), { contentType: 'text/plain' })).toMatchObject({
      status: 400,
      body: { code: 300, message: 'Unsupported content type.' },
    });
  });

  it('answers the attachment codes of the spec (121, 138)', async () => {
    const harness = await startDemoZoom({ dataset });
    const withType = (type: string | undefined) => ({
      ...valid(),
      attachments: [{ base64_encoding: 'SUQz', ...(type === undefined ? {} : { type }) }],
    });
    expect(await post(harness, withType('BMP'))).toMatchObject({
      status: 400,
      body: { code: 121 },
    });
    expect(await post(harness, withType(undefined))).toMatchObject({
      status: 400,
      body: { code: 138 },
    });
  });

  it('checks the token and the send scope first (401 / 124, 400 / 4711)', async () => {
    const unsent = await startDemoZoom({ dataset });
    expect(await post(unsent, valid(), { token: null })).toMatchObject({
      status: 401,
      body: { code: 124 },
    });
    const readOnly = await startDemoZoom({
      dataset,
      grantedScopes: DEFAULT_GRANTED_SCOPES.filter((scope) => !scope.includes('write')),
    });
    const answer = await post(readOnly, valid());
    expect(answer).toMatchObject({ status: 400, body: { code: 4711 } });
    expect(String((answer.body as { message: string }).message)).toContain('phone_sms:write:admin');
    expect(CREDENTIALS.accountId).toBeDefined();
  });

  it('answers 405 to another method on the path', async () => {
    const harness = await startDemoZoom({ dataset });
    const answer = await harness.get('/phone/sms/messages');
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
  });
});
