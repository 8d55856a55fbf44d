import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset, demoLine, demoSession, demoUser } from '../../src/demo-zoom/index.js';
import { closeDemoZooms, DAY_MS, NOW, startDemoZoom } from './demo-zoom-harness.js';
import { zoomSmsSessionDetailsSchema } from './zoom-session-details-schema.js';

afterEach(closeDemoZooms);

const at = (daysAgo: number, minutes = 0) =>
  new Date(Date.parse(NOW) - daysAgo * DAY_MS + minutes * 60_000).toISOString();

const alice = demoUser({ email: 'alice@example.com', displayName: 'Alice <A&B>' });
const queue = demoLine({ kind: 'call_queue', name: 'Support', members: [alice] });
const pat = { name: 'Pat', phoneNumber: '12125550101' };
const unnamed = { phoneNumber: '447700900123' };
const photo = { id: 'PhOtO00000000000000001', name: 'IMG_1.jpg', size: 1234, type: 'JPG' } as const;
const chat = demoSession({
  owner: alice,
  at: at(1),
  contacts: [pat],
  messages: [
    { direction: 'in', at: at(40), text: 'too old' },
    { direction: 'in', at: at(3), text: 'Hi <there> & co' },
    { direction: 'out', at: at(2), text: 'Hello!', status: 'failed_to_deliver' },
    { direction: 'in', at: at(1), text: 'photo', attachments: [photo] },
    { direction: 'out', at: at(1, 5), text: 'Thanks' },
  ],
});
const group = demoSession({
  owner: queue,
  at: at(1),
  contacts: [pat, unnamed],
  messages: [{ direction: 'in', at: at(1), senderNumber: unnamed.phoneNumber, text: 'all' }],
});
const dataset = buildDataset({ users: [alice], callQueues: [queue], sessions: [chat, group] });

const details = async (sessionId: string, query: Record<string, string> = {}) => {
  const harness = await startDemoZoom({ dataset });
  const answer = await harness.get(`/phone/sms/sessions/${sessionId}`, query);
  expect(answer.status).toBe(200);
  return { harness, body: zoomSmsSessionDetailsSchema.parse(answer.body) };
};

// https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/sms/sessions/{sessionId}
describe('createDemoZoom: GET /phone/sms/sessions/{sessionId}', () => {
  it('lists the past 30 days of messages oldest first, in the spec’s shape', async () => {
    const { body } = await details(chat.id);
    expect(body.next_page_token).toBe('');
    expect(body.page_size).toBe(30);
    expect(body.sms_histories?.map((m) => m.message)).toEqual([
      'Hi <there> & co',
      'Hello!',
      'photo',
      'Thanks',
    ]);
    expect(body.sms_histories?.[0]).toEqual({
      message_id: chat.messages[1]?.id,
      date_time: chat.messages[1]?.at,
      direction: 'In',
      message: 'Hi <there> & co',
      message_type: 1,
      delivery_status: 'received',
      sender: { display_name: 'Pat', phone_number: pat.phoneNumber },
      to_members: [
        {
          display_name: 'Alice <A&B>',
          phone_number: alice.phoneNumber,
          owner: { id: alice.id, type: 'user' },
        },
      ],
    });
    expect(body.sms_histories?.[1]).toMatchObject({
      direction: 'Out',
      delivery_status: 'failed_to_deliver',
      sender: { phone_number: alice.phoneNumber, owner: { id: alice.id, type: 'user' } },
      to_members: [{ display_name: 'Pat', phone_number: pat.phoneNumber }],
    });
    expect(body.sms_histories?.[2]).toMatchObject({
      message_type: 2,
      attachments: [{ ...photo, download_url: expect.stringMatching(/PhOtO00000000000000001$/) }],
    });
  });

  it('describes a group message from an unnamed number to a call queue', async () => {
    const { body } = await details(group.id);
    expect(body.sms_histories?.[0]).toMatchObject({
      message_type: 3,
      sender: { phone_number: unnamed.phoneNumber },
      to_members: [
        { display_name: 'Support', owner: { id: queue.id, type: 'callQueue' } },
        { display_name: 'Pat', phone_number: pat.phoneNumber },
      ],
    });
    expect(body.sms_histories?.[0]?.sender).not.toHaveProperty('display_name');
  });

  it('sorts newest first with sort=2 and keeps one delivery_status', async () => {
    expect((await details(chat.id, { sort: '2' })).body.sms_histories?.[0]?.message).toBe('Thanks');
    const failed = await details(chat.id, { delivery_status: 'failed_to_deliver' });
    expect(failed.body.sms_histories?.map((m) => m.message)).toEqual(['Hello!']);
  });

  it('reaches older messages with from and to', async () => {
    const { body } = await details(chat.id, { from: at(45).slice(0, 10), to: at(35).slice(0, 10) });
    expect(body.sms_histories?.map((m) => m.message)).toEqual(['too old']);
  });

  it('pages with its own tokens, bound to the session and query', async () => {
    const { harness, body } = await details(chat.id, { page_size: '3' });
    const token = body.next_page_token ?? '';
    expect(body.sms_histories).toHaveLength(3);
    const next = await harness.get(`/phone/sms/sessions/${chat.id}`, {
      page_size: '3',
      next_page_token: token,
    });
    expect(
      zoomSmsSessionDetailsSchema.parse(next.body).sms_histories?.map((m) => m.message),
    ).toEqual(['Thanks']);
    const elsewhere = await harness.get(`/phone/sms/sessions/${group.id}`, {
      next_page_token: token,
    });
    expect(elsewhere).toMatchObject({ status: 400, body: { code: 400 } });
  });

  it.each([
    { query: { from: '2026-11-01' }, body: { code: 400, message: 'Requires from and to' } },
    { query: { page_size: '101' }, body: { code: 300, errors: [{ field: 'page_size' }] } },
    {
      query: { delivery_status: 'lost' },
      body: { code: 300, errors: [{ field: 'delivery_status' }] },
    },
    { query: { sort: '3' }, body: { code: 300, errors: [{ field: 'sort' }] } },
    {
      query: { from: '2026-09-01', to: '2026-11-01' },
      body: { code: 300, errors: [{ field: 'to' }] },
    },
  ])('refuses $query with 400', async ({ query, body }) => {
    const harness = await startDemoZoom({ dataset });
    expect(await harness.get(`/phone/sms/sessions/${chat.id}`, query)).toMatchObject({
      status: 400,
      body,
    });
  });

  it('answers 404 / 7013 for an unknown session', async () => {
    const harness = await startDemoZoom({ dataset });
    expect(await harness.get(`/phone/sms/sessions/${'0'.repeat(32)}`)).toMatchObject({
      status: 404,
      body: { code: 7013, message: 'Error retrieving SMS history.' },
    });
  });

  it('serves every session of the demo dataset in the spec’s shape', async () => {
    const harness = await startDemoZoom();
    const token = await harness.token();
    for (const session of harness.dataset.sessions.slice(0, 60)) {
      const query = { from: '2026-10-27', to: '2026-11-26' };
      const answer = await harness.get(`/phone/sms/sessions/${session.id}`, query, token);
      expect(answer.status).toBe(200);
      zoomSmsSessionDetailsSchema.parse(answer.body);
    }
  });
});
