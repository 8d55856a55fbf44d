import { describe, expect, it } from 'vitest';
import { createZoomToSlack } from '../../../src/core/inbox/zoom-to-slack.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { readLinkGeneration } from '../../../src/users/link-generation.js';
import { createIdentityResolver } from '../../../src/users/resolve-identity.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { createFakeDirectory, person } from '../fakes.js';

const BOB = 'U0BOB0001';
const ZOOM_BOB = 'zoomBob01';

const setup = () => {
  const store = createMemoryStore({ clock: createFakeClock() });
  const lookups: string[] = [];
  const zoomToSlack = createZoomToSlack({
    store,
    zoom: { getUser: async (id) => ({ id, email: `${id.toLowerCase()}@example.com` }) },
    slack: {
      lookupByEmail: async (email) => {
        lookups.push(email);
        return email === 'zoombob01@example.com' ? BOB : undefined;
      },
    },
  });
  const identities = createIdentityResolver({
    store,
    directory: createFakeDirectory([person(BOB, { email: 'zoombob01@example.com' })]).directory,
  });
  return { store, lookups, zoomToSlack, identities };
};

const link = (zoomUser: string) => ({
  slackUserId: BOB,
  zoomUser,
  setBy: 'U0ADMIN01',
  setAt: '2026-12-06T12:00:00.000Z',
});

describe("the inbox's Zoom user to Slack person lookup", () => {
  it('is remembered between texts', async () => {
    const { zoomToSlack, lookups } = setup();
    expect(await zoomToSlack.resolve(ZOOM_BOB)).toEqual({ slackUserId: BOB, how: 'email' });
    expect(await zoomToSlack.resolve(ZOOM_BOB)).toEqual({ slackUserId: BOB, how: 'email' });
    expect(lookups).toHaveLength(1);
  });

  it('sees an admin linking the person elsewhere at once, not when its cache expires', async () => {
    const { zoomToSlack, identities, store } = setup();
    const before = await readLinkGeneration(store);
    expect(await zoomToSlack.resolve(ZOOM_BOB)).toMatchObject({ slackUserId: BOB });
    await identities.setLink(link('someone.else@example.com'));
    expect(await readLinkGeneration(store)).not.toBe(before);
    expect(await zoomToSlack.resolve(ZOOM_BOB)).toEqual({ how: 'none' });
  });

  it('sees a link removed at once', async () => {
    const { zoomToSlack, identities } = setup();
    await identities.setLink(link('someone.else@example.com'));
    expect(await zoomToSlack.resolve(ZOOM_BOB)).toEqual({ how: 'none' });
    await identities.removeLink(BOB);
    expect(await zoomToSlack.resolve(ZOOM_BOB)).toEqual({ slackUserId: BOB, how: 'email' });
  });
});
