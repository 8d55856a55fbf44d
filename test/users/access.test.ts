import { describe, expect, it } from 'vitest';
import type { Subject } from '../../src/domain/subject.js';
import { createAccessPolicy } from '../../src/users/access.js';

const ADMIN = 'U0ADMIN01';
const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const OWNER = 'U0OWNER01';

const slack = (slackUserId: string): Subject => ({ kind: 'slack-user', slackUserId });
const zoom: Subject = { kind: 'zoom-user', zoomUser: 'carol@example.com' };

const withWorkspaceAdmins = () => {
  const asked: string[] = [];
  const policy = createAccessPolicy({
    adminSlackUserIds: [ADMIN],
    isWorkspaceAdmin: async (id) => {
      asked.push(id);
      return id === OWNER;
    },
  });
  return { policy, asked };
};

describe('createAccessPolicy', () => {
  const policy = createAccessPolicy({ adminSlackUserIds: [ADMIN] });

  it.each([
    ['a member', ALICE, slack(ALICE), { allowed: true, grant: 'self' }],
    ['a member', ALICE, slack(BOB), { allowed: false, code: 'FORBIDDEN' }],
    ['a member', ALICE, zoom, { allowed: false, code: 'FORBIDDEN' }],
    ['an admin', ADMIN, slack(ADMIN), { allowed: true, grant: 'self' }],
    ['an admin', ADMIN, slack(BOB), { allowed: true, grant: 'admin' }],
    ['an admin', ADMIN, zoom, { allowed: true, grant: 'admin' }],
  ])('decides a view when %s (%s) asks for %j', async (_who, actor, subject, expected) => {
    expect(await policy.authorize(actor, { kind: 'view', subject })).toEqual(expected);
  });

  it('refuses a member administering and allows an admin', async () => {
    expect(await policy.authorize(ALICE, { kind: 'administer' })).toEqual({
      allowed: false,
      code: 'ADMIN_ONLY',
    });
    expect(await policy.authorize(ADMIN, { kind: 'administer' })).toEqual({
      allowed: true,
      grant: 'admin',
    });
  });

  it('never counts workspace admins when the option is off', async () => {
    expect(await policy.roleOf(OWNER)).toBe('member');
    expect(await policy.isAdmin(OWNER)).toBe(false);
  });

  it('counts a workspace admin as an admin when the option is on', async () => {
    const { policy: withOwners } = withWorkspaceAdmins();
    expect(await withOwners.roleOf(OWNER)).toBe('workspace-admin');
    expect(await withOwners.roleOf(ADMIN)).toBe('admin');
    expect(await withOwners.roleOf(ALICE)).toBe('member');
    expect(await withOwners.authorize(OWNER, { kind: 'view', subject: slack(BOB) })).toEqual({
      allowed: true,
      grant: 'admin',
    });
    expect(await withOwners.authorize(OWNER, { kind: 'administer' })).toMatchObject({
      allowed: true,
    });
  });

  it('asks Slack nothing when someone looks at their own sessions or is a configured admin', async () => {
    const { policy: withOwners, asked } = withWorkspaceAdmins();
    await withOwners.authorize(ALICE, { kind: 'view', subject: slack(ALICE) });
    await withOwners.authorize(ADMIN, { kind: 'view', subject: slack(BOB) });
    expect(asked).toEqual([]);
    await withOwners.authorize(ALICE, { kind: 'view', subject: slack(BOB) });
    expect(asked).toEqual([ALICE]);
  });
});
