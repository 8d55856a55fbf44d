import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Link } from '../../src/store/types.js';
import { createIdentityResolver, IDENTITY_CACHE_TTL_MS } from '../../src/users/resolve-identity.js';
import { createFakeDirectory, person } from '../core/fakes.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const ALICE = 'U0ALICE01';
const HIDDEN = 'U0HIDDEN1';
const GONE = 'U0GONE001';

const link = (slackUserId: string, zoomUser: string): Link => ({
  slackUserId,
  zoomUser,
  setBy: 'U0ADMIN01',
  setAt: '2026-11-26T12:00:00.000Z',
});

const setup = () => {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  const slack = createFakeDirectory([
    person(ALICE, { email: 'Alice@Example.com' }),
    person(HIDDEN, { email: undefined }),
    person(GONE, { deleted: true }),
  ]);
  const resolver = createIdentityResolver({ store, directory: slack.directory });
  return { clock, store, slack, resolver };
};

const notLinked = expect.objectContaining({ constructor: AppError, code: 'NOT_LINKED' });

describe('createIdentityResolver', () => {
  it('matches the Slack profile email, lowercased, when there is no link', async () => {
    const { resolver } = setup();
    expect(await resolver.resolve(ALICE)).toEqual({
      slackUserId: ALICE,
      zoomUser: 'alice@example.com',
      how: 'email',
    });
  });

  it('prefers an admin link over the email when both exist', async () => {
    const { store, resolver } = setup();
    await store.setLink(link(ALICE, 'alice.zoom@example.org'));
    expect(await resolver.resolve(ALICE)).toMatchObject({
      zoomUser: 'alice.zoom@example.org',
      how: 'link',
    });
  });

  it('resolves a linked person even when the profile hides the email or is deactivated', async () => {
    const { store, resolver } = setup();
    await store.setLink(link(HIDDEN, 'hidden@example.com'));
    await store.setLink(link(GONE, 'gone@example.com'));
    expect((await resolver.resolve(HIDDEN)).zoomUser).toBe('hidden@example.com');
    expect((await resolver.resolve(GONE)).zoomUser).toBe('gone@example.com');
  });

  it('refuses as NOT_LINKED when there is no link and no email', async () => {
    await expect(setup().resolver.resolve(HIDDEN)).rejects.toThrow(notLinked);
  });

  it('refuses as NOT_LINKED when the account is deactivated and not linked', async () => {
    await expect(setup().resolver.resolve(GONE)).rejects.toThrow(notLinked);
  });

  it('passes SLACK_USER_NOT_FOUND on when Slack does not know the person', async () => {
    await expect(setup().resolver.resolve('U0NOBODY1')).rejects.toThrow(
      expect.objectContaining({ code: 'SLACK_USER_NOT_FOUND' }),
    );
  });

  it('serves a resolved identity from the cache until it expires', async () => {
    const { clock, slack, resolver } = setup();
    await resolver.resolve(ALICE);
    await resolver.resolve(ALICE);
    expect(slack.calls.get).toEqual([ALICE]);
    clock.advance(IDENTITY_CACHE_TTL_MS + 1);
    await resolver.resolve(ALICE);
    expect(slack.calls.get).toEqual([ALICE, ALICE]);
  });

  it('applies a link at once when it is set through the resolver, even over a cached email', async () => {
    const { store, resolver } = setup();
    await resolver.resolve(ALICE);
    await resolver.setLink(link(ALICE, 'alice.zoom@example.org'));
    expect(await resolver.resolve(ALICE)).toMatchObject({ zoomUser: 'alice.zoom@example.org' });
    expect(await store.getLink(ALICE)).toMatchObject({ zoomUser: 'alice.zoom@example.org' });
  });

  it('falls back to the email at once when the link is removed through the resolver', async () => {
    const { resolver } = setup();
    await resolver.setLink(link(ALICE, 'alice.zoom@example.org'));
    await resolver.resolve(ALICE);
    expect(await resolver.removeLink(ALICE)).toMatchObject({ zoomUser: 'alice.zoom@example.org' });
    expect(await resolver.resolve(ALICE)).toMatchObject({
      zoomUser: 'alice@example.com',
      how: 'email',
    });
    expect(await resolver.removeLink(ALICE)).toBeUndefined();
  });

  it('ignores a damaged cache entry and resolves afresh', async () => {
    const { store, resolver } = setup();
    await store.cacheSet('zoom-identity', ALICE, { zoomUser: 42 }, 60_000);
    expect((await resolver.resolve(ALICE)).zoomUser).toBe('alice@example.com');
  });
});

describe('IdentityResolver.explain', () => {
  it('explains each way a person can resolve, reading fresh every time', async () => {
    const { store, slack, resolver } = setup();
    await store.setLink(link(HIDDEN, 'hidden@example.com'));
    expect(await resolver.explain(HIDDEN)).toMatchObject({
      kind: 'link',
      link: { setBy: 'U0ADMIN01' },
    });
    expect(await resolver.explain(ALICE)).toMatchObject({ kind: 'email' });
    expect(await resolver.explain(GONE)).toEqual({
      kind: 'none',
      slackUserId: GONE,
      reason: 'deactivated',
    });
    await store.deleteLink(HIDDEN);
    expect(await resolver.explain(HIDDEN)).toEqual({
      kind: 'none',
      slackUserId: HIDDEN,
      reason: 'no-email',
    });
    await resolver.explain(ALICE);
    expect(slack.calls.get.filter((id) => id === ALICE)).toHaveLength(2);
  });
});
