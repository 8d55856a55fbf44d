import { afterEach, describe, expect, it } from 'vitest';
import {
  buildDataset,
  demoLine,
  demoSession,
  demoSessions,
  demoUser,
} from '../../src/demo-zoom/index.js';
import { closeDemoZooms, DAY_MS, listPage, NOW, startDemoZoom } from './demo-zoom-harness.js';

afterEach(closeDemoZooms);

// https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
describe('createDemoZoom: filters', () => {
  const alice = demoUser({ email: 'alice@example.com' });
  const bob = demoUser({ email: 'bob@example.com' });
  const queue = demoLine({ kind: 'call_queue', name: 'Support', members: [alice] });
  const reception = demoLine({ kind: 'auto_receptionist', name: 'Main', members: [alice, bob] });
  const at = (daysAgo: number) => new Date(Date.parse(NOW) - daysAgo * DAY_MS).toISOString();
  const contact = (n: number) => ({ name: `C${n}`, phoneNumber: `1212555010${n}` });
  const sessions = {
    recentIn: demoSession({ owner: alice, at: at(1), contacts: [contact(1)] }),
    sentLongAgo: demoSession({
      owner: alice,
      at: at(1),
      contacts: [contact(2)],
      messages: [
        { direction: 'out', at: at(10) },
        { direction: 'in', at: at(1) },
      ],
    }),
    receivedLongAgo: demoSession({
      owner: alice,
      at: at(1),
      contacts: [contact(3)],
      messages: [
        { direction: 'in', at: at(10) },
        { direction: 'out', at: at(1) },
      ],
    }),
    old: demoSession({ owner: alice, at: at(45), contacts: [contact(4)] }),
    queue: demoSession({ owner: queue, at: at(2), contacts: [contact(5)] }),
    reception: demoSession({ owner: reception, at: at(3), contacts: [contact(6)] }),
    bobs: demoSession({ owner: bob, at: at(1), contacts: [contact(1)] }),
  };
  const dataset = buildDataset({
    users: [alice, bob],
    callQueues: [queue],
    autoReceptionists: [reception],
    sessions: Object.values(sessions),
  });
  const ids = async (query: Record<string, string>) => {
    const harness = await startDemoZoom({ dataset });
    const body = await listPage(harness, alice.email, query);
    return body.sms_sessions?.map((s) => s.session_id);
  };
  const window = { from: at(12).slice(0, 10), to: at(5).slice(0, 10) };

  it('lists the user’s own sessions of the past 30 days by default', async () => {
    expect(await ids({})).toEqual(
      [sessions.recentIn.id, sessions.sentLongAgo.id, sessions.receivedLongAgo.id].sort((a, b) =>
        a.localeCompare(b),
      ),
    );
  });

  it.each([
    { session_type: 'call_queue', expected: ['queue'] },
    { session_type: 'auto_receptionist', expected: ['reception'] },
  ] as const)(
    'lists $session_type sessions of lines the user belongs to',
    async ({ session_type, expected }) => {
      expect(await ids({ session_type })).toEqual(expected.map((name) => sessions[name].id));
    },
  );

  it('lists everything the user may read, newest first, with session_type=all', async () => {
    const listed = await ids({ session_type: 'all' });
    expect(listed?.slice(3)).toEqual([sessions.queue.id, sessions.reception.id]);
    expect(listed).toHaveLength(5);
  });

  it.each([
    { filter_type: 'last_message_time', expected: [] },
    { filter_type: 'sent_message_time', expected: ['sentLongAgo'] },
    { filter_type: 'received_message_time', expected: ['receivedLongAgo'] },
    { filter_type: 'sent_received_message_time', expected: ['sentLongAgo', 'receivedLongAgo'] },
  ] as const)('matches $filter_type against the window', async ({ filter_type, expected }) => {
    const listed = await ids({ filter_type, ...window });
    expect(listed?.sort()).toEqual(expected.map((name) => sessions[name].id).sort());
  });

  it('reaches back past 30 days when asked for an older window', async () => {
    expect(await ids({ from: at(50).slice(0, 10), to: at(40).slice(0, 10) })).toEqual([
      sessions.old.id,
    ]);
  });

  it('keeps only sessions with a participant of that number with phone_number', async () => {
    expect(await ids({ phone_number: '12125550102' })).toEqual([sessions.sentLongAgo.id]);
    expect(await ids({ phone_number: alice.phoneNumber ?? '' })).toHaveLength(3);
  });

  it('pages a test’s own series of sessions', async () => {
    const harness = await startDemoZoom({
      dataset: buildDataset({ users: [alice], sessions: demoSessions(alice, 12, { newest: NOW }) }),
    });
    const first = await listPage(harness, alice.email, { page_size: '10' });
    const second = await listPage(harness, alice.email, {
      page_size: '10',
      next_page_token: first.next_page_token ?? '',
    });
    expect(first.sms_sessions).toHaveLength(10);
    expect(second.sms_sessions).toHaveLength(2);
    expect(second.next_page_token).toBe('');
  });
});
