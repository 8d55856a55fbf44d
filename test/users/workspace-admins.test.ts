import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.js';
import {
  createWorkspaceAdminCheck,
  WORKSPACE_ADMIN_CACHE_TTL_MS,
} from '../../src/users/workspace-admins.js';
import { createFakeDirectory, person } from '../core/fakes.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const OWNER = 'U0OWNER01';

const setup = () => {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  const slack = createFakeDirectory([
    person(OWNER, { isWorkspaceAdmin: true }),
    person('U0GONE001', { isWorkspaceAdmin: true, deleted: true }),
    person('U0ALICE01'),
  ]);
  const check = createWorkspaceAdminCheck({ directory: slack.directory, store });
  return { clock, slack, check };
};

describe('createWorkspaceAdminCheck', () => {
  it('reads the admin or owner flag fresh from Slack when nothing is cached', async () => {
    const { slack, check } = setup();
    expect(await check(OWNER)).toBe(true);
    expect(await check('U0ALICE01')).toBe(false);
    expect(slack.calls.refresh).toEqual([OWNER, 'U0ALICE01']);
    expect(slack.calls.get).toEqual([]);
  });

  it('never counts a deactivated admin', async () => {
    expect(await setup().check('U0GONE001')).toBe(false);
  });

  it('asks Slack again once the cached answer is a minute old', async () => {
    const { clock, slack, check } = setup();
    await check(OWNER);
    clock.advance(WORKSPACE_ADMIN_CACHE_TTL_MS - 1);
    await check(OWNER);
    expect(slack.calls.refresh).toHaveLength(1);
    slack.set(person(OWNER, { isWorkspaceAdmin: false }));
    clock.advance(2);
    expect(await check(OWNER)).toBe(false);
    expect(slack.calls.refresh).toHaveLength(2);
  });
});
