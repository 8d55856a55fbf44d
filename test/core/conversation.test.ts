import { describe, expect, it } from 'vitest';
import { CONVERSATION_PAGE_SIZE } from '../../src/core/conversation.js';
import type { Subject } from '../../src/domain/subject.js';
import { AppError } from '../../src/errors.js';
import { olderCursor, openingCursor } from '../../src/query/conversation-cursor.js';
import { ADA, ALICE, BOB, chatOf, createFeatures } from './features-harness.js';

const now = new Date('2026-11-26T12:00:00Z');
const aliceSubject: Subject = { kind: 'slack-user', slackUserId: ALICE };
const long = chatOf(ALICE, 1, 30);
const other = chatOf(ALICE, 2);
const bobs = chatOf(BOB, 3);

const openAt = (session: typeof long, subject: Subject = aliceSubject) =>
  openingCursor(session.listed.session_id, subject, session.listed.last_access_time, now);

describe('createConversationCore: read', () => {
  it('shows the newest page to the owner, after finding the session in her own listing', async () => {
    const f = createFeatures([long, other, bobs]);
    const { model, ctx } = await f.conversation.read(ALICE, openAt(long));
    expect(model.messages).toHaveLength(CONVERSATION_PAGE_SIZE);
    expect(model.messages[0]?.text).toBe('Message 0 of 1');
    expect(model.nextPageToken).not.toBe('');
    expect(model.subject).toMatchObject({ slackUserId: ALICE, zoomUser: 'u0alice01@example.com' });
    expect(ctx.timeZone).toBe('Europe/Paris');
    const [lookup] = f.zoom.calls.filter((c) => c.kind === 'list');
    expect(lookup).toMatchObject({
      arg: 'u0alice01@example.com',
      query: {
        sessionType: 'all',
        filterType: 'sent_received_message_time',
        phoneNumber: '14155551001',
        pageSize: 100,
      },
    });
    const [entry] = await f.audit();
    expect(entry).toMatchObject({
      action: 'open',
      actorSlackUserId: ALICE,
      subjectSlackUserId: ALICE,
      allowed: true,
      resultCount: CONVERSATION_PAGE_SIZE,
      filters: { session: long.listed.session_id, page: 1 },
    });
  });

  it('pages to older messages and remembers whose session it is', async () => {
    const f = createFeatures([long]);
    const first = await f.conversation.read(ALICE, openAt(long));
    const older = await f.conversation.read(
      ALICE,
      olderCursor(openAt(long), first.model.nextPageToken),
    );
    expect(older.model.messages.map((m) => m.text)).toEqual(
      Array.from({ length: 5 }, (_, i) => `Message ${25 + i} of 1`),
    );
    expect(older.model.nextPageToken).toBe('');
    expect(f.zoom.count('list')).toBe(1);
    expect((await f.audit()).map((e) => e.action)).toEqual(['conversation-page', 'open']);
  });

  it('refuses a member another person’s conversation without asking Zoom', async () => {
    const f = createFeatures([long]);
    await expect(f.conversation.read(BOB, openAt(long))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(f.zoom.calls).toEqual([]);
    expect(await f.audit()).toEqual([
      expect.objectContaining({ action: 'open', actorSlackUserId: BOB, allowed: false }),
    ]);
  });

  it('shows nothing when the session is not the subject’s own, whatever the value says', async () => {
    const f = createFeatures([long, bobs]);
    const forged = openAt(long, { kind: 'slack-user', slackUserId: BOB });
    await expect(f.conversation.read(BOB, forged)).rejects.toMatchObject({ code: 'BAD_BUTTON' });
    expect(await f.audit()).toEqual([
      expect.objectContaining({ actorSlackUserId: BOB, allowed: false, reason: 'BAD_BUTTON' }),
    ]);
  });

  it('lets an admin read anyone’s conversation', async () => {
    const f = createFeatures([long]);
    const { model } = await f.conversation.read(ADA, openAt(long));
    expect(model.subject.isSelf).toBe(false);
    expect(model.messages).toHaveLength(CONVERSATION_PAGE_SIZE);
  });

  it('records a Zoom failure and passes it on', async () => {
    const f = createFeatures([long]);
    f.zoom.failNext('details', new AppError('ZOOM_MISSING_SCOPES', 'no scope'));
    await expect(f.conversation.read(ALICE, openAt(long))).rejects.toMatchObject({
      code: 'ZOOM_MISSING_SCOPES',
    });
    expect(await f.audit()).toEqual([
      expect.objectContaining({ allowed: true, reason: 'ZOOM_MISSING_SCOPES' }),
    ]);
  });

  it('shows an empty window without a lookup, since there is nothing to reveal', async () => {
    const f = createFeatures([long]);
    const cursor = openingCursor(long.listed.session_id, aliceSubject, '2026-01-01T00:00:00Z', now);
    const { model } = await f.conversation.read(ALICE, cursor);
    expect(model.messages).toEqual([]);
    expect(f.zoom.count('list')).toBe(0);
  });
});
