import { describe, expect, it } from 'vitest';
import {
  createInboxIntake,
  zoomFailureKey,
  zoomMessageKey,
} from '../../../src/core/inbox/intake.js';
import { createMessageTexts } from '../../../src/core/inbox/message-texts.js';
import type { InboxEvent, InboxEventKind, TextActivity } from '../../../src/domain/inbox.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { createFakeClock } from '../../helpers/fake-clock.js';

const event = (kind: InboxEventKind, text: string): InboxEvent => ({
  kind,
  accountId: 'a',
  owner: { kind: 'user', zoomUserId: 'z1' },
  message: {
    id: 'm1',
    sessionId: 's1',
    direction: kind === 'received' ? 'in' : 'out',
    text,
    status: kind === 'failed' ? 'failed' : kind,
    isGroup: false,
    recipients: [],
    attachments: [],
  },
  ...(kind === 'failed' ? { failureReason: 'no route' } : {}),
});

describe('the inbox intake and a failed send', () => {
  it('claims a failure apart from its text: once, never as a repeat of the sent text, and notes it as failed', async () => {
    const clock = createFakeClock('2026-12-06T12:00:00Z');
    const store = createMemoryStore({ clock });
    const texts = createMessageTexts(() => clock.now().getTime());
    const activity: TextActivity[] = [];
    const intake = createInboxIntake({
      store,
      clock,
      texts,
      activity: { record: async (entry) => void activity.push(entry) },
      wake: () => undefined,
    });
    expect(zoomFailureKey('m1')).not.toBe(zoomMessageKey('m1'));
    expect(await intake.accept(event('sent', 'Yes'))).toBe('queued');
    expect(await intake.accept(event('failed', 'Yes'))).toBe('queued');
    expect(await intake.accept(event('failed', 'Yes'))).toBe('duplicate');
    expect(await intake.accept(event('sent', 'Yes'))).toBe('duplicate');
    expect(await store.countJobs()).toBe(2);
    expect(activity.map((entry) => entry.direction)).toStrictEqual(['out', 'failed-out']);
    expect(texts.recall({ kind: 'sent', messageId: 'm1' })?.kind).toBe('sent');
    expect(texts.recall({ kind: 'failed', messageId: 'm1' })?.failureReason).toBe('no route');
    texts.forget({ kind: 'sent', messageId: 'm1' });
    expect(texts.recall({ kind: 'failed', messageId: 'm1' })).toBeDefined();
  });
});
