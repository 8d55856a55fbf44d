import { describe, expect, it } from 'vitest';
import { RESHOW_PATIENCE_MS } from '../../src/core/sessions.js';
import { AppError } from '../../src/errors.js';
import type { PageCursor } from '../../src/query/cursor.js';
import { currentDeadlineMs } from '../../src/zoom/call-budget.js';
import { person } from './fakes.js';
import { createCores } from './harness.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const ADMIN = 'U0ADMIN01';

const setup = () =>
  createCores({
    people: [
      person(ALICE, { email: 'alice@example.com', timeZone: 'America/New_York' }),
      person(BOB, { email: 'bob@example.com' }),
      person(ADMIN, { email: 'ada@example.com' }),
    ],
    zoomUsers: [
      { id: 'zoomaliceid0000000001', email: 'alice@example.com', hasPhone: true },
      { id: 'zoombobid000000000001', email: 'bob@example.com', hasPhone: true },
      { id: 'zoomcarolid0000000001', email: 'carol@example.com', hasPhone: true },
    ],
    admins: [ADMIN],
  });

const codeOf = (code: string) => expect.objectContaining({ constructor: AppError, code });

describe('createSessionsCore', () => {
  it('starts a listing of the caller when the target is self, in their time zone', async () => {
    const { sessions } = setup();
    const { cursor, notes } = await sessions.start(ALICE, { target: { kind: 'self' } });
    expect(cursor.subject).toEqual({ kind: 'slack-user', slackUserId: ALICE });
    expect(cursor.page).toBe(1);
    expect(notes).toEqual([{ kind: 'default-window', days: 30 }]);
  });

  it('starts a listing of a Zoom user when an admin names one with zoom:', async () => {
    const { sessions } = setup();
    const { cursor } = await sessions.start(ADMIN, {
      target: { kind: 'zoom-user', zoomUser: 'carol@example.com' },
    });
    expect(cursor.subject).toEqual({ kind: 'zoom-user', zoomUser: 'carol@example.com' });
  });

  it('shows the caller their own page, matched by email, and audits it', async () => {
    const { sessions, zoom, store } = setup();
    const { cursor } = await sessions.start(ALICE, { target: { kind: 'self' } });
    const { model, ctx } = await sessions.page(ALICE, cursor, [], 'list');
    expect(model.subject).toEqual({
      slackUserId: ALICE,
      zoomUser: 'alice@example.com',
      isSelf: true,
      resolvedBy: 'email',
    });
    expect(ctx.timeZone).toBe('America/New_York');
    expect(zoom.calls).toEqual([{ kind: 'list', zoomUser: 'alice@example.com' }]);
    const [entry] = await store.listAudit({ limit: 5 });
    expect(entry).toMatchObject({
      at: '2026-11-26T12:00:00.000Z',
      actorSlackUserId: ALICE,
      subjectSlackUserId: ALICE,
      subjectZoomUser: 'alice@example.com',
      action: 'list',
      resultCount: 3,
      allowed: true,
      filters: { type: 'all', filter: 'last_message_time', size: 10, page: 1 },
    });
    expect(entry?.reason).toBeUndefined();
  });

  it('shows a page again with the same checks and audit, within RESHOW_PATIENCE_MS', async () => {
    const { sessions, zoom, store, clock } = setup();
    const { cursor } = await sessions.start(ALICE, { target: { kind: 'self' } });
    const list = zoom.zoom.listUserSmsSessions;
    const deadlines: number[] = [];
    zoom.zoom.listUserSmsSessions = (...args) => {
      deadlines.push(currentDeadlineMs());
      return list(...args);
    };
    const shown = await sessions.page(ALICE, cursor, [], 'list');
    const again = await sessions.reshow(ALICE, cursor);
    expect(again.model).toEqual({ ...shown.model, notes: [] });
    expect(deadlines).toEqual([
      Number.POSITIVE_INFINITY,
      clock.now().getTime() + RESHOW_PATIENCE_MS,
    ]);
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'page' });
    await expect(sessions.reshow(BOB, cursor)).rejects.toThrow(codeOf('FORBIDDEN'));
  });

  it('refuses someone else’s cursor without calling Zoom, and audits the refusal', async () => {
    const { sessions, zoom, store } = setup();
    const { cursor } = await sessions.start(ADMIN, {
      target: { kind: 'slack-user', userId: ALICE },
    });
    await expect(sessions.page(BOB, cursor)).rejects.toThrow(codeOf('FORBIDDEN'));
    expect(zoom.calls).toEqual([]);
    expect(await store.listAudit({ limit: 5 })).toMatchObject([
      {
        actorSlackUserId: BOB,
        subjectSlackUserId: ALICE,
        action: 'page',
        allowed: false,
        reason: 'FORBIDDEN',
      },
    ]);
  });

  it('refuses a non-admin naming a Zoom user, even their own', async () => {
    const { sessions, zoom } = setup();
    const cursor: PageCursor = {
      ...(await sessions.start(ALICE, { target: { kind: 'self' } })).cursor,
      subject: { kind: 'zoom-user', zoomUser: 'alice@example.com' },
    };
    await expect(sessions.page(ALICE, cursor)).rejects.toThrow(codeOf('FORBIDDEN'));
    expect(zoom.calls).toEqual([]);
  });

  it('lets an admin list a Zoom user named directly', async () => {
    const { sessions, zoom } = setup();
    const { cursor } = await sessions.start(ADMIN, {
      target: { kind: 'zoom-user', zoomUser: 'carol@example.com' },
    });
    const { model } = await sessions.page(ADMIN, cursor, [], 'home');
    expect(model.subject).toEqual({
      zoomUser: 'carol@example.com',
      isSelf: false,
      resolvedBy: 'zoom-target',
    });
    expect(zoom.calls).toEqual([{ kind: 'list', zoomUser: 'carol@example.com' }]);
  });

  it('uses an admin’s link over the email, on the very next page', async () => {
    const { sessions, identity, zoom } = setup();
    const { cursor } = await sessions.start(ALICE, { target: { kind: 'self' } });
    await sessions.page(ALICE, cursor);
    await identity.link(ADMIN, ALICE, 'carol@example.com', { confirmed: true });
    const { model } = await sessions.page(ALICE, cursor);
    expect(model.subject).toMatchObject({ zoomUser: 'carol@example.com', resolvedBy: 'link' });
    expect(zoom.calls.filter((c) => c.kind === 'list').map((c) => c.zoomUser)).toEqual([
      'alice@example.com',
      'carol@example.com',
    ]);
  });

  it('audits a Zoom failure with its code, and passes the failure on', async () => {
    const { sessions, zoom, store } = setup();
    zoom.failNext(new AppError('ZOOM_UNAVAILABLE', 'down'));
    const { cursor } = await sessions.start(ALICE, { target: { kind: 'self' } });
    await expect(sessions.page(ALICE, cursor)).rejects.toThrow(codeOf('ZOOM_UNAVAILABLE'));
    expect(await store.listAudit({ limit: 1 })).toMatchObject([
      { allowed: true, reason: 'ZOOM_UNAVAILABLE', subjectZoomUser: 'alice@example.com' },
    ]);
  });

  it('audits a person who cannot be resolved as NOT_LINKED without calling Zoom', async () => {
    const { sessions, zoom, store, slack } = setup();
    slack.set(person(BOB, { email: undefined }));
    const { cursor } = await sessions.start(ADMIN, { target: { kind: 'slack-user', userId: BOB } });
    await expect(sessions.page(ADMIN, cursor)).rejects.toThrow(codeOf('NOT_LINKED'));
    expect(zoom.calls).toEqual([]);
    const [entry] = await store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({ allowed: true, reason: 'NOT_LINKED', subjectSlackUserId: BOB });
    expect(entry?.subjectZoomUser).toBeUndefined();
  });

  it('keeps the phone number in the stored filters but never in the audit log line', async () => {
    const { sessions, store, lines } = setup();
    const { cursor } = await sessions.start(ALICE, {
      target: { kind: 'self' },
      phoneNumber: '14155550100',
    });
    await sessions.page(ALICE, cursor);
    expect((await store.listAudit({ limit: 1 }))[0]?.filters.phone).toBe('14155550100');
    const line = lines.find((l) => l.msg === 'audit');
    expect(line).toMatchObject({
      audit: { filters: { phone: '[set]' }, zoomUserDomain: 'example.com' },
    });
    expect(JSON.stringify(lines)).not.toContain('14155550100');
    expect(JSON.stringify(lines)).not.toContain('alice@example.com');
  });
});
