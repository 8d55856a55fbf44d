import { describe, expect, it } from 'vitest';
import {
  buildDataset,
  createDemoDataset,
  DEMO_ADMIN_EMAIL,
  demoSession,
  demoSessions,
  demoUser,
} from '../../src/demo-zoom/index.js';
import { DAY_MS } from './demo-zoom-harness.js';

const now = new Date('2026-11-26T12:00:00Z');

describe('createDemoDataset', () => {
  const dataset = createDemoDataset({ now });
  const messages = dataset.sessions.flatMap((session) => session.messages);
  const contacts = dataset.sessions.flatMap((session) => session.contacts);

  it('is the same JSON for the same seed and now, and differs for another seed', () => {
    expect(JSON.stringify(createDemoDataset({ now }))).toBe(JSON.stringify(dataset));
    expect(JSON.stringify(createDemoDataset({ now, seed: 7 }))).toBe(
      JSON.stringify(createDemoDataset({ now, seed: 7 })),
    );
    expect(JSON.stringify(createDemoDataset({ now, seed: 7 }))).not.toBe(JSON.stringify(dataset));
  });

  it('has the people a renderer must survive, one of them without Zoom Phone', () => {
    const names = dataset.users.map((user) => user.displayName);
    expect(names).toEqual(
      expect.arrayContaining(['Zoë Ångström', 'José Núñez-García', "Renée <R&D> O'Brien"]),
    );
    expect(names.some((name) => /\p{Extended_Pictographic}/u.test(name))).toBe(true);
    expect(dataset.users.map((user) => user.email)).toEqual(
      expect.arrayContaining([DEMO_ADMIN_EMAIL, 'bob@example.com']),
    );
    expect(dataset.users.filter((user) => !user.hasPhone)).toHaveLength(1);
  });

  it('has two call queues and one auto receptionist, all with members', () => {
    expect(dataset.callQueues).toHaveLength(2);
    expect(dataset.autoReceptionists).toHaveLength(1);
    for (const line of [...dataset.callQueues, ...dataset.autoReceptionists]) {
      expect(line.memberIds.length).toBeGreaterThan(0);
    }
  });

  it('has 300 sessions of every type over the last 90 days, several messages each', () => {
    expect(dataset.sessions).toHaveLength(300);
    expect(new Set(dataset.sessions.map((session) => session.type))).toEqual(
      new Set(['user', 'call_queue', 'auto_receptionist']),
    );
    expect(new Set(dataset.sessions.map((session) => session.id)).size).toBe(300);
    expect(messages.length / dataset.sessions.length).toBeGreaterThan(3);
    const times = messages.map((message) => Date.parse(message.at));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 90 * DAY_MS);
  });

  it('has fictional contacts, international and unnamed ones, groups and attachments', () => {
    const us = contacts.filter((contact) => contact.phoneNumber.startsWith('1'));
    expect(us.every((contact) => /^1\d{3}55501\d{2}$/.test(contact.phoneNumber))).toBe(true);
    expect(contacts.some((contact) => contact.phoneNumber.startsWith('44'))).toBe(true);
    expect(contacts.some((contact) => contact.name === undefined)).toBe(true);
    expect(dataset.sessions.some((session) => session.contacts.length > 1)).toBe(true);
    expect(messages.some((message) => (message.attachments?.length ?? 0) > 0)).toBe(true);
    expect(messages.some((message) => message.status === 'failed_to_deliver')).toBe(true);
  });

  it('gives the admin more than one default page of sessions in the past 30 days', () => {
    const admin = dataset.users.find((user) => user.email === DEMO_ADMIN_EMAIL);
    const recent = dataset.sessions.filter(
      (session) =>
        session.ownerId === admin?.id &&
        Date.parse(session.messages.at(-1)?.at ?? '') >= now.getTime() - 30 * DAY_MS,
    );
    expect(recent.length).toBeGreaterThan(30);
  });

  it('makes as many sessions as asked', () => {
    expect(createDemoDataset({ now, sessionCount: 1000 }).sessions).toHaveLength(1000);
  });
});

describe('buildDataset', () => {
  const alice = demoUser({ email: 'alice@example.com' });

  it('returns a consistent dataset with defaults filled', () => {
    const dataset = buildDataset({
      users: [alice],
      sessions: demoSessions(alice, 3, { newest: now }),
    });
    expect(dataset.callQueues).toEqual([]);
    expect(dataset.sessions.map((session) => session.messages[0]?.at)).toEqual([
      '2026-11-26T12:00:00Z',
      '2026-11-26T11:00:00Z',
      '2026-11-26T10:00:00Z',
    ]);
  });

  it.each([
    {
      why: 'a duplicate email',
      input: { users: [alice, demoUser({ email: 'ALICE@example.com', id: 'other' })] },
      error: /duplicate email/,
    },
    {
      why: 'an unknown owner',
      input: { users: [], sessions: [demoSession({ owner: alice, at: now })] },
      error: /has no user owner/,
    },
    {
      why: 'an owner without Zoom Phone',
      input: {
        users: [{ ...alice, hasPhone: false }],
        sessions: [demoSession({ owner: alice, at: now })],
      },
      error: /has no user owner/,
    },
    {
      why: 'an outbound message from a contact',
      input: {
        users: [alice],
        sessions: [
          demoSession({
            owner: alice,
            at: now,
            messages: [{ direction: 'out', at: now, senderNumber: '12125550100' }],
          }),
        ],
      },
      error: /\(out\) has sender/,
    },
  ])('refuses $why', ({ input, error }) => {
    expect(() => buildDataset(input)).toThrow(error);
  });
});

describe('demoUser', () => {
  it('derives the same id and number from the same email', () => {
    const user = demoUser({ email: 'sam@example.com' });
    expect(demoUser({ email: 'sam@example.com' })).toEqual(user);
    expect(user).toMatchObject({ displayName: 'Sam Example', hasPhone: true });
    expect(user.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(user.phoneNumber).toMatch(/^1\d{3}55501\d{2}$/);
    expect(demoUser({ email: 'x@example.com', hasPhone: false })).not.toHaveProperty('phoneNumber');
  });
});
