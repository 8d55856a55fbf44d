import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_PRUNE_INTERVAL_MS,
  createTextActivityLog,
  lastReplyFailed,
  textActivityOf,
  UNANSWERED_MAX,
} from '../../../src/core/inbox/text-activity.js';
import { createUnanswered, UNANSWERED_LOOKUPS_MAX } from '../../../src/core/inbox/unanswered.js';
import type { ConversationActivity, InboxEvent } from '../../../src/domain/inbox.js';
import type { SmsSession } from '../../../src/domain/sms.js';
import { AppError } from '../../../src/errors.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { createCapturingLogger } from '../../store/logger.js';

const event = (overrides: Partial<InboxEvent> = {}): InboxEvent => ({
  kind: 'received',
  accountId: 'acct',
  owner: { kind: 'user', zoomUserId: 'zoom-alice' },
  message: {
    id: 'm1',
    sessionId: 's1',
    sentAt: '2026-12-06T11:00:00Z',
    direction: 'in',
    text: 'Hello',
    status: 'received',
    isGroup: false,
    recipients: [],
    attachments: [],
  },
  ...overrides,
});

describe('textActivityOf', () => {
  const now = new Date('2026-12-06T12:00:00Z');

  it('notes a person’s own text in or out, with its time and no text', () => {
    expect(textActivityOf(event(), now)).toStrictEqual({
      ownerZoomUserId: 'zoom-alice',
      sessionId: 's1',
      direction: 'in',
      at: '2026-12-06T11:00:00Z',
    });
    expect(textActivityOf(event({ kind: 'sent' }), now)?.direction).toBe('out');
  });

  it.each([
    ['a call queue’s text', { owner: { kind: 'call_queue' as const, lineId: 'CQ1' } }],
    ['a text with no owner id', { owner: { kind: 'user' as const } }],
    [
      'a call queue’s failed send',
      { kind: 'failed' as const, owner: { kind: 'call_queue' as const, lineId: 'CQ1' } },
    ],
  ])('says nothing of %s', (_name, overrides) => {
    expect(textActivityOf(event(overrides), now)).toBeUndefined();
  });

  const failedOut = { ...event().message, direction: 'out' as const, status: 'failed' as const };

  it.each([
    ['phone.sms_sent_failed', { kind: 'failed' as const, message: failedOut }],
    ['a phone.sms_sent with Zoom’s reason', { kind: 'sent' as const, message: failedOut }],
  ])('notes %s as a failed text out at the text’s own time', (_name, overrides) => {
    expect(textActivityOf(event(overrides), now)).toStrictEqual({
      ownerZoomUserId: 'zoom-alice',
      sessionId: 's1',
      direction: 'failed-out',
      at: '2026-12-06T11:00:00Z',
    });
  });

  it('notes a failure with no time of its own at the time it was told', () => {
    const { sentAt: _none, ...untimed } = failedOut;
    expect(textActivityOf(event({ kind: 'failed', message: untimed }), now)).toMatchObject({
      direction: 'failed-out',
      at: '2026-12-06T12:00:00.000Z',
    });
  });
});

describe('lastReplyFailed', () => {
  const activity = (times: Partial<ConversationActivity>): ConversationActivity => ({
    ownerZoomUserId: 'zoom-alice',
    sessionId: 's1',
    lastInboundAt: '2026-12-06T10:00:00.000Z',
    ...times,
  });

  it.each([
    [false, 'no text went out', {}],
    [false, 'the newest text out went through', { lastOutboundAt: '2026-12-06T10:05:00.000Z' }],
    [
      true,
      'the newest text out failed',
      {
        lastOutboundAt: '2026-12-06T10:05:00.000Z',
        lastFailedOutboundAt: '2026-12-06T10:05:00.000Z',
      },
    ],
    [
      false,
      'only an older text out failed',
      {
        lastOutboundAt: '2026-12-06T10:10:00.000Z',
        lastFailedOutboundAt: '2026-12-06T10:05:00.000Z',
      },
    ],
  ])('is %s when %s', (expected, _name, times) => {
    expect(lastReplyFailed(activity(times))).toBe(expected);
  });
});

describe('createTextActivityLog', () => {
  it('lists the newest waiting texts of the past 14 days and prunes now and then', async () => {
    const clock = createFakeClock('2026-12-06T12:00:00Z');
    const store = createMemoryStore({ clock });
    const { logger } = createCapturingLogger();
    let prunes = 0;
    const log = createTextActivityLog({
      store: {
        ...store,
        pruneTextActivity: async (olderThan) => {
          prunes += 1;
          await store.pruneTextActivity(olderThan);
        },
      },
      clock,
      logger,
    });
    for (let i = 0; i < UNANSWERED_MAX + 2; i += 1) {
      await log.record({
        ownerZoomUserId: 'zoom-alice',
        sessionId: `s${i}`,
        direction: 'in',
        at: new Date(Date.parse('2026-12-06T10:00:00Z') + i * 60_000).toISOString(),
      });
    }
    await log.record({
      ownerZoomUserId: 'zoom-alice',
      sessionId: 'old',
      direction: 'in',
      at: '2026-11-01T10:00:00Z',
    });
    expect(prunes).toBe(1);
    const waiting = await log.unanswered('zoom-alice');
    expect(waiting).toHaveLength(UNANSWERED_MAX);
    expect(waiting[0]?.sessionId).toBe(`s${UNANSWERED_MAX + 1}`);
    expect(await log.knows('zoom-alice', 's0')).toBe(true);
    expect(await log.knows('zoom-bob', 's0')).toBe(false);
    clock.advance(ACTIVITY_PRUNE_INTERVAL_MS);
    await log.record({
      ownerZoomUserId: 'zoom-alice',
      sessionId: 's0',
      direction: 'out',
      at: clock.now().toISOString(),
    });
    expect(prunes).toBe(2);
  });
});

describe('createUnanswered', () => {
  const waitingFor = (sessionIds: readonly string[]) => ({
    unanswered: async () =>
      sessionIds.map((sessionId) => ({
        ownerZoomUserId: 'zoom-alice',
        sessionId,
        lastInboundAt: '2026-12-06T11:00:00.000Z',
      })),
  });

  it('names contacts from the page shown, asks Zoom for a few others only, and never for another person', async () => {
    const asked: string[] = [];
    const { logger } = createCapturingLogger();
    const find = createUnanswered({
      ownLine: async (actor) =>
        actor === 'U0ALICE'
          ? { zoomUser: 'alice@example.com', zoomUserId: 'zoom-alice' }
          : undefined,
      activity: waitingFor(['listed', 'a', 'b', 'c', 'd']),
      zoom: {
        getSmsSessionDetails: async (sessionId) => {
          asked.push(sessionId);
          if (sessionId === 'b') throw new AppError('ZOOM_UNAVAILABLE', 'down');
          return {
            nextPageToken: '',
            messages: [
              {
                id: 'm',
                direction: 'in',
                status: 'received',
                isGroup: false,
                sender: { name: `Contact ${sessionId}`, isOwner: false },
                recipients: [],
                attachments: [],
              },
            ],
          };
        },
      },
      logger,
    });
    const listed: SmsSession = {
      id: 'listed',
      kind: 'user',
      participants: [
        { name: 'Alice', isOwner: true },
        { name: 'Dana', phoneNumber: '+18108001001', isOwner: false },
      ],
    };
    const found = await find('U0ALICE', [listed]);
    expect(found.map((c) => [c.sessionId, c.contact?.name])).toEqual([
      ['listed', 'Dana'],
      ['a', 'Contact a'],
      ['b', undefined],
      ['c', 'Contact c'],
      ['d', undefined],
    ]);
    expect(asked).toEqual(['a', 'b', 'c']);
    expect(asked).toHaveLength(UNANSWERED_LOOKUPS_MAX);
    expect(await find('U0NOBODY', [])).toEqual([]);
  });

  it('says which conversations wait because the last reply failed', async () => {
    const { logger } = createCapturingLogger();
    const find = createUnanswered({
      ownLine: async () => ({ zoomUser: 'alice@example.com', zoomUserId: 'zoom-alice' }),
      activity: {
        unanswered: async () => [
          {
            ownerZoomUserId: 'zoom-alice',
            sessionId: 'failed',
            lastInboundAt: '2026-12-06T11:00:00.000Z',
            lastOutboundAt: '2026-12-06T11:05:00.000Z',
            lastFailedOutboundAt: '2026-12-06T11:05:00.000Z',
          },
          {
            ownerZoomUserId: 'zoom-alice',
            sessionId: 'new-text',
            lastInboundAt: '2026-12-06T10:00:00.000Z',
            lastOutboundAt: '2026-12-06T09:05:00.000Z',
            lastFailedOutboundAt: '2026-12-06T09:00:00.000Z',
          },
        ],
      },
      zoom: {
        getSmsSessionDetails: async () => ({ nextPageToken: '', messages: [] }),
      },
      logger,
    });
    expect(await find('U0ALICE', [])).toStrictEqual([
      { sessionId: 'failed', receivedAt: '2026-12-06T11:00:00.000Z', replyFailed: true },
      { sessionId: 'new-text', receivedAt: '2026-12-06T10:00:00.000Z' },
    ]);
  });
});
