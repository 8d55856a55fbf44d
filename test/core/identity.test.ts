import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { person } from './fakes.js';
import { createCores } from './harness.js';

const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const ADMIN = 'U0ADMIN01';
/** The admin already answered "Link anyway", so resemblance does not stop these links. */
const CONFIRMED = { confirmed: true } as const;
const OWNER = 'U0OWNER01';

const setup = (workspaceAdmins = false) =>
  createCores({
    people: [
      person(ALICE, { email: 'alice@example.com' }),
      person(BOB, { email: undefined }),
      person(ADMIN, { email: 'ada@example.com' }),
      person(OWNER, { email: 'olive@example.com', isWorkspaceAdmin: true }),
    ],
    zoomUsers: [
      {
        id: 'zoomcarolid0000000001',
        email: 'Carol@Example.com',
        hasPhone: true,
        displayName: 'Carol Zoom',
      },
      { id: 'zoomdaveid00000000001', email: 'dave@example.com', hasPhone: false },
    ],
    admins: [ADMIN],
    workspaceAdmins,
  });

const adminOnly = (command: string) =>
  expect.objectContaining({
    constructor: AppError,
    code: 'ADMIN_ONLY',
    detail: { value: command },
  });

describe('createIdentityCore', () => {
  it('links after checking the Zoom user and Zoom Phone, storing the email Zoom returns', async () => {
    const { identity, store, zoom } = setup();
    const outcome = await identity.link(ADMIN, BOB, 'zoomcarolid0000000001', CONFIRMED);
    expect(outcome).toEqual({
      kind: 'linked',
      link: {
        slackUserId: BOB,
        zoomUser: 'carol@example.com',
        setBy: ADMIN,
        setAt: '2026-11-26T12:00:00.000Z',
      },
      zoomName: 'Carol Zoom',
    });
    expect(zoom.calls).toEqual([
      { kind: 'user', zoomUser: 'zoomcarolid0000000001' },
      { kind: 'phone-user', zoomUser: 'carol@example.com' },
    ]);
    expect(await store.getLink(BOB)).toMatchObject({ zoomUser: 'carol@example.com' });
    expect(await store.listAudit({ limit: 5 })).toMatchObject([
      { action: 'link', actorSlackUserId: ADMIN, subjectSlackUserId: BOB, allowed: true },
    ]);
  });

  it('reports the link it replaced when the person was linked before', async () => {
    const { identity, store } = setup();
    const earlier = {
      slackUserId: BOB,
      zoomUser: 'old@example.com',
      setBy: 'U0OTHERADM',
      setAt: '2026-01-01T00:00:00.000Z',
    };
    await store.setLink(earlier);
    const outcome = await identity.link(ADMIN, BOB, 'carol@example.com', CONFIRMED);
    expect(outcome).toMatchObject({ kind: 'linked', previous: earlier });
  });

  it('refuses a Zoom user that does not exist, and stores nothing', async () => {
    const { identity, store } = setup();
    expect(await identity.link(ADMIN, BOB, 'nobody@example.com', CONFIRMED)).toEqual({
      kind: 'refused',
      slackUserId: BOB,
      zoomUser: 'nobody@example.com',
      reason: 'no-zoom-user',
    });
    expect(await store.getLink(BOB)).toBeUndefined();
    expect(await store.listAudit({ limit: 1 })).toMatchObject([
      { action: 'link', allowed: true, reason: 'ZOOM_USER_NOT_FOUND' },
    ]);
  });

  it('refuses a Zoom user without Zoom Phone when the phone API does not find them', async () => {
    const { identity, store } = setup();
    expect(await identity.link(ADMIN, BOB, 'dave@example.com', CONFIRMED)).toMatchObject({
      kind: 'refused',
      reason: 'no-zoom-phone',
    });
    expect(await store.getLink(BOB)).toBeUndefined();
  });

  it('passes on a Zoom failure that says nothing about the user', async () => {
    const { identity, zoom, store } = setup();
    zoom.failNext(new AppError('ZOOM_AUTH', 'bad credentials'));
    await expect(identity.link(ADMIN, BOB, 'carol@example.com', CONFIRMED)).rejects.toThrow(
      expect.objectContaining({ code: 'ZOOM_AUTH' }),
    );
    expect(await store.getLink(BOB)).toBeUndefined();
  });

  it('refuses to link a Slack id Slack does not know, before asking Zoom', async () => {
    const { identity, zoom } = setup();
    await expect(identity.link(ADMIN, 'U0NOBODY1', 'carol@example.com')).rejects.toThrow(
      expect.objectContaining({ code: 'SLACK_USER_NOT_FOUND' }),
    );
    expect(zoom.calls).toEqual([]);
  });

  it.each([
    [
      'link',
      (c: ReturnType<typeof setup>) => c.identity.link(ALICE, BOB, 'carol@example.com', CONFIRMED),
    ],
    ['unlink', (c: ReturnType<typeof setup>) => c.identity.unlink(ALICE, BOB)],
    ['who', (c: ReturnType<typeof setup>) => c.identity.who(ALICE, BOB)],
    ['audit', (c: ReturnType<typeof setup>) => c.identity.auditEntries(ALICE, { limit: 5 })],
  ])('refuses %s to a non-admin, calls nothing, and audits the attempt', async (command, run) => {
    const cores = setup();
    await expect(run(cores)).rejects.toThrow(adminOnly(command));
    expect(cores.zoom.calls).toEqual([]);
    expect(await cores.store.getLink(BOB)).toBeUndefined();
    expect(await cores.store.listAudit({ limit: 5 })).toMatchObject([
      { action: command, actorSlackUserId: ALICE, allowed: false, reason: 'ADMIN_ONLY' },
    ]);
  });

  it('lets a workspace owner administer only when workspace admins count', async () => {
    await expect(setup(false).identity.who(OWNER, ALICE)).rejects.toThrow(adminOnly('who'));
    expect(await setup(true).identity.who(OWNER, ALICE)).toMatchObject({ kind: 'email' });
  });

  it('unlinks, audits, and says how the person resolves now', async () => {
    const { identity, store } = setup();
    await identity.link(ADMIN, ALICE, 'carol@example.com', CONFIRMED);
    const outcome = await identity.unlink(ADMIN, ALICE);
    expect(outcome).toMatchObject({
      slackUserId: ALICE,
      removed: { zoomUser: 'carol@example.com' },
      now: { kind: 'email', identity: { zoomUser: 'alice@example.com' } },
    });
    expect(await store.getLink(ALICE)).toBeUndefined();
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'unlink' });
  });

  it('changes nothing when unlinking someone who had no link', async () => {
    const { identity, store } = setup();
    const outcome = await identity.unlink(ADMIN, BOB);
    expect(outcome).toEqual({
      slackUserId: BOB,
      now: { kind: 'none', slackUserId: BOB, reason: 'no-email' },
    });
    expect(await store.listAudit({ limit: 5 })).toEqual([]);
  });

  it('answers whoami for anyone, with their role', async () => {
    const { identity } = setup(true);
    expect(await identity.whoami(ALICE)).toMatchObject({
      role: 'member',
      resolution: { kind: 'email' },
    });
    expect(await identity.whoami(ADMIN)).toMatchObject({ role: 'admin' });
    expect(await identity.whoami(OWNER)).toMatchObject({ role: 'workspace-admin' });
  });

  it('lists audit entries for an admin, newest first, filtered by person', async () => {
    const { identity, clock } = setup();
    await identity.link(ADMIN, ALICE, 'carol@example.com', CONFIRMED);
    clock.advance(1000);
    await identity.link(ADMIN, BOB, 'carol@example.com', CONFIRMED);
    expect(
      (await identity.auditEntries(ADMIN, { limit: 10 })).map((e) => e.subjectSlackUserId),
    ).toEqual([BOB, ALICE]);
    expect(
      (await identity.auditEntries(ADMIN, { subjectSlackUserId: ALICE, limit: 10 })).map(
        (e) => e.subjectSlackUserId,
      ),
    ).toEqual([ALICE]);
  });
});
