import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_BATCH } from '../../src/core/audit-writer.js';
import {
  buildDataset,
  createDemoZoom,
  type DemoZoom,
  demoSessions,
  demoUser,
} from '../../src/demo-zoom/index.js';
import { LINK_ACTION_IDS } from '../../src/surface/ids.js';
import {
  expectValidMessage,
  findButtons,
  type Surface,
  visibleText,
} from '../helpers/block-kit.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { type Harness, startHarness, ZOOM_CREDENTIALS } from '../helpers/harness.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';

const reachable = await checkRedis();

const BOB = 'U0BOB0001';
const ADMIN = 'U0ADMIN01';

const bob = demoUser({ email: 'bob@example.com' });
const bobZoom = demoUser({ email: 'robert.zoom@example.org' });
const now = new Date();

/**
 * Two replicas of the app (two real Bolt receivers) sharing one Redis under a key prefix of
 * their own, one fake Slack and one demo Zoom, as two pods of one deployment would: a link set or
 * removed through one must apply at once to listings served by the other.
 */
describe.skipIf(!reachable)('links across replicas sharing Redis', () => {
  const prefix = `${RUN_KEY_PREFIX}replicas:`;
  let slack: FakeSlack;
  let zoom: DemoZoom;
  let first: Harness;
  let second: Harness;

  beforeAll(async () => {
    const users = [
      { id: BOB, email: 'bob@example.com', name: 'Bob' },
      { id: ADMIN, email: 'ada@example.com', name: 'Ada' },
    ];
    slack = await startFakeSlack({ users });
    zoom = createDemoZoom({
      clock: createFakeClock(now.toISOString()),
      credentials: ZOOM_CREDENTIALS,
      dataset: buildDataset({
        users: [bob, bobZoom, demoUser({ email: 'ada@example.com' })],
        sessions: [
          ...demoSessions(bob, 2, { newest: new Date(now.getTime() - 60_000) }),
          ...demoSessions(bobZoom, 2, { newest: new Date(now.getTime() - 60_000) }),
        ],
      }),
    });
    const address = await zoom.listen();
    const replica = () =>
      startHarness({
        users,
        admins: [ADMIN],
        dataset: buildDataset({ users: [] }),
        slack,
        zoom: { zoom, address },
        env: { REDIS_URL: REDIS_TEST_URL, REDIS_KEY_PREFIX: prefix },
      });
    first = await replica();
    second = await replica();
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await zoom?.close();
    await slack?.close();
    const redis = new Redis(REDIS_TEST_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const see = async (replica: Harness, user: string, text: string): Promise<string> => {
    const answer = (await slack.nextResponse(
      (
        await replica.command(user, text)
      ).id,
    )) as unknown as Surface;
    expectValidMessage(answer);
    return visibleText(answer);
  };
  const lastListed = () =>
    decodeURIComponent(zoom.requests.filter((r) => r.kind === 'list').at(-1)?.path ?? '');

  it('serves a link asked on one replica and confirmed on the other from either at once', async () => {
    await see(second, BOB, '');
    expect(lastListed()).toBe('/v2/phone/users/bob@example.com/sms/sessions');

    const question = (await slack.nextResponse(
      (
        await first.command(ADMIN, `link <@${BOB}> robert.zoom@example.org`)
      ).id,
    )) as unknown as Surface;
    const linkAnyway = findButtons(question).find((b) => b.text === 'Link anyway');
    const { id } = await second.click(ADMIN, LINK_ACTION_IDS.confirm, linkAnyway?.value ?? '');
    expect(visibleText((await slack.nextResponse(id)) as unknown as Surface)).toContain('Linked');

    expect(await see(second, BOB, '')).toContain('linked by an admin');
    expect(lastListed()).toBe('/v2/phone/users/robert.zoom@example.org/sms/sessions');
    expect(await see(second, ADMIN, `who <@${BOB}>`)).toContain(
      'robert.zoom@example.org, linked by an admin',
    );
  });

  it('falls back to the email on one replica at once when the link is removed on the other', async () => {
    expect(await see(second, ADMIN, `unlink <@${BOB}>`)).toContain('Unlinked');
    // His own email match is not worth saying on his own listing: no Zoom user line at all.
    expect(await see(first, BOB, '')).not.toContain('Zoom user');
    expect(lastListed()).toBe('/v2/phone/users/bob@example.com/sms/sessions');
  });

  it('shows the audit entries of both replicas in one trail', async () => {
    // Each replica writes its audit rows in batches (src/core/audit-writer.ts, 100 ms), and
    // reading the trail flushes only the reading replica's: the other's arrive within a batch.
    const complete = (text: string) =>
      text.includes(`@${ADMIN} unlinked @${BOB}`) && text.includes(`@${ADMIN} linked @${BOB}`);
    let trail = await see(first, ADMIN, `audit <@${BOB}> 10`);
    for (let tries = 0; !complete(trail) && tries < 10; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, AUDIT_BATCH.intervalMs));
      trail = await see(first, ADMIN, `audit <@${BOB}> 10`);
    }
    expect(trail).toContain(`@${ADMIN} linked @${BOB} to Zoom user robert.zoom@example.org`);
    expect(trail).toContain(`@${ADMIN} unlinked @${BOB}`);
    expect(trail.match(new RegExp(`@${BOB} listed their own conversations`, 'g'))).toHaveLength(3);
  });
});
