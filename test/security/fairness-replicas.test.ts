import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import {
  buildDataset,
  createDemoZoom,
  type DemoZoom,
  demoSessions,
  demoUser,
} from '../../src/demo-zoom/index.js';
import type { Surface } from '../helpers/block-kit.js';
import { type FakeSlack, type FakeSlackUser, startFakeSlack } from '../helpers/fake-slack.js';
import { type Harness, startHarness, ZOOM_CREDENTIALS } from '../helpers/harness.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';

const BURST = 4;
const MEMBER_CAP = 6;
const A = 'U0TWOHEADS';
const B = 'U0ONEHEAD1';
const people: FakeSlackUser[] = [A, B].map((id) => ({
  id,
  email: `${id.toLowerCase()}@example.com`,
  tz: 'UTC',
}));

const redisUp = await checkRedis();
const prefix = `${RUN_KEY_PREFIX}fairness:`;

const isPage = (post: Surface) => /SMS conversations? for/.test(post.text ?? '');
const isSlowDown = (post: Surface) => /^Slow down/.test(post.text ?? '');
const isShareSpent = (post: Surface) => /used your share of today's/.test(post.text ?? '');

describe.skipIf(!redisUp)('one allowance per person across two replicas sharing Redis', () => {
  let slack: FakeSlack;
  let zoom: DemoZoom;
  const replicas: Harness[] = [];

  beforeAll(async () => {
    const zoomUsers = people.map((person) => demoUser({ email: person.email ?? '' }));
    zoom = createDemoZoom({
      clock: systemClock,
      dataset: buildDataset({
        users: zoomUsers,
        sessions: zoomUsers.flatMap((user) => demoSessions(user, 2, { newest: new Date() })),
      }),
      credentials: ZOOM_CREDENTIALS,
    });
    const address = await zoom.listen();
    slack = await startFakeSlack({ users: people });
    for (let i = 0; i < 2; i += 1) {
      replicas.push(
        await startHarness({
          users: people,
          dataset: buildDataset({ users: [], sessions: [] }),
          slack,
          zoom: { zoom, address },
          env: {
            REDIS_URL: REDIS_TEST_URL,
            REDIS_KEY_PREFIX: prefix,
            ZOOM_RATE_LIMIT_PER_SECOND: '20',
            ZOOM_USER_BURST: String(BURST),
            ZOOM_DAILY_LIMIT: '24',
            ZOOM_USER_DAILY_SHARE: '25',
            ZOOM_ADMIN_DAILY_SHARE: '25',
          },
        }),
      );
    }
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await zoom?.close();
    await slack?.close();
    const redis = new Redis(REDIS_TEST_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  /** Sends each command to the replicas in turn, all at once; returns each final answer. */
  const burst = async (user: string, count: number, from = 1): Promise<Surface[]> => {
    const sent = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        (replicas[i % 2] as Harness).command(user, `size:${from + i}`),
      ),
    );
    return Promise.all(
      sent.map(async ({ id }) => (await slack.nextResponse(id, 15_000)) as unknown as Surface),
    );
  };

  it("spends one burst for A, whichever replica A's commands reach", async () => {
    const first = await burst(A, 10);
    expect(first.filter(isPage)).toHaveLength(BURST);
    expect(first.filter(isSlowDown)).toHaveLength(10 - BURST);
    expect(zoom.countCalls('list')).toBe(BURST);
  }, 60_000);

  it("stops A at A's daily share across replicas while B is still served", async () => {
    const redis = new Redis(REDIS_TEST_URL);
    const burstKeys = await redis.keys(`${prefix}zoom-person-burst*`);
    if (burstKeys.length > 0) await redis.del(...burstKeys);
    await redis.quit();
    // Sizes no earlier command asked for (a message lists at most 25), so none is a cached page.
    const second = await burst(A, BURST, 11);
    expect(second.filter(isPage)).toHaveLength(MEMBER_CAP - BURST);
    expect(second.filter(isShareSpent)).toHaveLength(BURST - (MEMBER_CAP - BURST));
    const [mine] = await burst(B, 1);
    expect(isPage(mine as Surface)).toBe(true);
  }, 60_000);
});
