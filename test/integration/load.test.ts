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
import { type FakeSlack, type FakeSlackUser, startFakeSlack } from '../helpers/fake-slack.js';
import { type Harness, startHarness, ZOOM_CREDENTIALS } from '../helpers/harness.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';

/** The Monday-morning rush of the issue: 300 people in 10 seconds, Zoom at 5 a second. */
const PEOPLE = 300;
const SPREAD_MS = 10_000;
const ZOOM_PER_SECOND = 5;
/** Slack's deadline for an acknowledgement. */
const ACK_DEADLINE_MS = 3_000;
/** A final answer later than this after the command must have been preceded by a queued note. */
const LONG_WAIT_MS = 15_000;
/** Generous: 300 requests at 5 a second take a little over a minute. */
const ALL_ANSWERED_WITHIN_MS = 150_000;

const redisUp = await checkRedis();
const prefix = `${RUN_KEY_PREFIX}load:`;

const people: FakeSlackUser[] = Array.from({ length: PEOPLE }, (_, i) => ({
  id: `U0LOAD${String(i).padStart(4, '0')}`,
  email: `load${i}@example.com`,
  tz: 'UTC',
  name: `Load ${i}`,
}));

interface Post {
  replace_original?: boolean;
  text: string;
}

const isPage = (post: Post) => /SMS conversations? for/.test(post.text);
const isQueuedNote = (post: Post) => /in line for Zoom/.test(post.text);

/** The most requests among `times` (ms) in any one-second window starting at one of them. */
const busiestSecond = (times: readonly number[]): number =>
  Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + 1_000).length));

describe.skipIf(!redisUp)('300 commands in 10 s on two replicas sharing Redis', () => {
  let slack: FakeSlack;
  let zoom: DemoZoom;
  const replicas: Harness[] = [];

  beforeAll(async () => {
    const zoomUsers = people.map((person) => demoUser({ email: person.email ?? '' }));
    zoom = createDemoZoom({
      clock: systemClock,
      dataset: buildDataset({
        users: zoomUsers,
        sessions: zoomUsers.flatMap((user) =>
          demoSessions(user, 2, { newest: new Date(Date.now() - 60_000) }),
        ),
      }),
      credentials: ZOOM_CREDENTIALS,
      rateLimit: { perSecond: ZOOM_PER_SECOND },
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
            ZOOM_RATE_LIMIT_PER_SECOND: String(ZOOM_PER_SECOND),
            ZOOM_CACHE_TTL_SECONDS: '30',
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

  it(
    'acks every command within 3 s, answers everyone, and keeps Zoom at 5 a second',
    async () => {
      const started = Date.now();
      const sent = await Promise.all(
        people.map(
          (person, i) =>
            new Promise<{ id: string; status: number; ackMs: number; sentAt: number }>(
              (resolve, reject) => {
                setTimeout(
                  () => {
                    const replica = replicas[i % 2];
                    if (replica === undefined) return reject(new Error('no replica'));
                    const sentAt = Date.now();
                    replica
                      .command(person.id, '')
                      .then(
                        ({ ack, id }) =>
                          resolve({ id, status: ack.status, ackMs: Date.now() - sentAt, sentAt }),
                        reject,
                      );
                  },
                  Math.round((i * SPREAD_MS) / PEOPLE),
                );
              },
            ),
        ),
      );
      expect(Date.now() - started).toBeLessThan(SPREAD_MS + ACK_DEADLINE_MS);
      for (const { status, ackMs } of sent) {
        expect(status).toBe(200);
        expect(ackMs).toBeLessThan(ACK_DEADLINE_MS);
      }

      const answeredAt = new Map<string, number>();
      await slack.waitFor(
        () => {
          for (const post of slack.responses) {
            if (!answeredAt.has(post.id) && isPage(post.body as unknown as Post)) {
              answeredAt.set(post.id, Date.now());
            }
          }
          return answeredAt.size === PEOPLE;
        },
        'a page for every person',
        ALL_ANSWERED_WITHIN_MS,
      );

      let queuedNotes = 0;
      for (const { id, sentAt } of sent) {
        const posts = slack.responses
          .filter((post) => post.id === id)
          .map((post) => post.body as unknown as Post);
        const final = posts.at(-1);
        expect(final !== undefined && isPage(final)).toBe(true);
        expect(posts.length).toBeLessThanOrEqual(2);
        if (posts.length === 2) {
          queuedNotes += 1;
          expect(isQueuedNote(posts[0] as Post)).toBe(true);
          expect(final?.replace_original).toBe(true);
        }
        if ((answeredAt.get(id) ?? 0) - sentAt > LONG_WAIT_MS) expect(posts).toHaveLength(2);
      }
      expect(queuedNotes).toBeGreaterThan(0);

      const lists = zoom.requests.filter((request) => request.kind === 'list');
      expect(lists).toHaveLength(PEOPLE);
      expect(busiestSecond(lists.map((request) => Date.parse(request.at)))).toBeLessThanOrEqual(
        ZOOM_PER_SECOND,
      );
      for (const replica of replicas) {
        expect(replica.logLines.filter((line) => line.includes('Zoom request failed'))).toEqual([]);
        expect((await fetch(`${replica.baseUrl}/healthz`)).status).toBe(200);
      }
    },
    ALL_ANSWERED_WITHIN_MS + 30_000,
  );
});
