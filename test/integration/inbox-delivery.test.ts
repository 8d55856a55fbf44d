import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDataset,
  buildSmsEvent,
  createDemoZoom,
  type DemoZoom,
  type DemoZoomAddress,
  demoSession,
  demoUser,
} from '../../src/demo-zoom/index.js';
import { visibleText } from '../helpers/block-kit.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { type Harness, startHarness, ZOOM_CREDENTIALS } from '../helpers/harness.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';
import { postZoomEvent, textEvent, WEBHOOK_SECRET } from './inbox-helpers.js';

const ALICE = 'U0ALICE01';
const alice = demoUser({ email: 'alice@example.com' });
const dana = { name: 'Dana', phoneNumber: '18108001001' };
const session = demoSession({ owner: alice, at: new Date(), contacts: [dana] });
const dataset = buildDataset({ users: [alice], sessions: [session] });
const users = [{ id: ALICE, email: 'alice@example.com', tz: 'Europe/Paris', name: 'Alice' }];
const DM = `D${ALICE}`;
const POSTS_PER_SECOND = 20;
const PACE_MS = 1000 / POSTS_PER_SECOND;

const reachable = await checkRedis();

describe.skipIf(!reachable)('the inbox on two replicas sharing Redis', () => {
  const prefix = `${RUN_KEY_PREFIX}inbox:`;
  let slack: FakeSlack;
  let zoom: DemoZoom;
  let address: DemoZoomAddress;
  let first: Harness;
  let second: Harness;

  beforeAll(async () => {
    slack = await startFakeSlack({ users });
    zoom = createDemoZoom({
      clock: createFakeClock(new Date().toISOString()),
      dataset,
      credentials: ZOOM_CREDENTIALS,
    });
    address = await zoom.listen();
    const replica = () =>
      startHarness({
        users,
        dataset,
        slack,
        zoom: { zoom, address },
        env: {
          REDIS_URL: REDIS_TEST_URL,
          REDIS_KEY_PREFIX: prefix,
          ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
          NOTIFY_DEFAULT: 'on',
          INBOX_CHANNEL_POSTS_PER_SECOND: String(POSTS_PER_SECOND),
        },
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

  const since = (start: number) => slack.messages.slice(start).filter((m) => m.channel === DM);

  it('delivers a burst of 50 texts received by either replica in order, with their text, at the pace', async () => {
    const start = slack.messages.length;
    const contact = { name: 'Burst', phoneNumber: '18108001002' };
    for (let n = 1; n <= 50; n += 1) {
      const input = zoom.receiveText({
        owner: alice,
        contact,
        text: `Burst ${n}`,
        at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      });
      const body = JSON.stringify(buildSmsEvent(input));
      expect((await postZoomEvent(n % 2 === 0 ? first : second, body)).status).toBe(200);
    }
    await slack.waitFor(() => since(start).length >= 50, '50 posts', 30_000);
    const posts = since(start);
    expect(posts).toHaveLength(50);
    expect(
      posts.map((post) => Number(/Burst (\d+)/.exec(visibleText(post.args as never))?.[1])),
    ).toStrictEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const gaps = posts.slice(1).map((post, i) => post.at - (posts[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PACE_MS - 2);
  });

  it('delivers an event both replicas receive (three times each) once, and threads the next', async () => {
    const start = slack.messages.length;
    const sessionId = 'b'.repeat(32);
    const text = textEvent(alice, dana, sessionId, { text: 'Only once, please' });
    const answers = await Promise.all(
      [first, second, first, second, first, second].map((replica) =>
        postZoomEvent(replica, text.body),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const next = textEvent(alice, dana, sessionId, { text: 'And the next one' });
    await postZoomEvent(second, next.body);
    await slack.waitFor(() => since(start).length >= 2, 'two posts');
    const posts = since(start);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.args.thread_ts).toBe(posts[0]?.ts);
  });
});

describe('the inbox on one replica', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      users,
      dataset,
      env: {
        ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
        NOTIFY_DEFAULT: 'on',
        INBOX_CHANNEL_POSTS_PER_SECOND: String(POSTS_PER_SECOND),
      },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  const since = (start: number) =>
    harness.slack.messages.slice(start).filter((m) => m.channel === DM);

  it('delivers a burst of 50 texts of one session in order, one channel at its pace', async () => {
    const start = harness.slack.messages.length;
    const sessionId = 'c'.repeat(32);
    for (let n = 1; n <= 50; n += 1) {
      const event = textEvent(alice, dana, sessionId, { text: `Burst ${n}` });
      expect((await postZoomEvent(harness, event.body)).status).toBe(200);
    }
    await harness.slack.waitFor(() => since(start).length >= 50, '50 posts', 20_000);
    const posts = since(start);
    expect(posts).toHaveLength(50);
    const texts = posts.map((post) => String(post.args.text));
    expect(texts.map((t) => Number(/Burst (\d+)/.exec(t)?.[1]))).toStrictEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    const gaps = posts.slice(1).map((post, i) => post.at - (posts[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PACE_MS - 2);
    expect(new Set(posts.slice(1).map((p) => p.args.thread_ts))).toStrictEqual(
      new Set([posts[0]?.ts]),
    );
  });

  it('waits out rate_limited (Retry-After) and keeps the order, dropping nothing', async () => {
    const start = harness.slack.messages.length;
    harness.slack.rateLimitNext('chat.postMessage', 1);
    const sessionId = 'd'.repeat(32);
    for (const n of [1, 2, 3]) {
      await postZoomEvent(
        harness,
        textEvent(alice, dana, sessionId, { text: `Limited ${n}` }).body,
      );
    }
    await harness.slack.waitFor(() => since(start).length >= 3, 'three posts', 10_000);
    const posts = since(start);
    expect(posts.map((p) => visibleText(p.args as never).match(/Limited \d/)?.[0])).toStrictEqual([
      'Limited 1',
      'Limited 2',
      'Limited 3',
    ]);
    const waited = harness.slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    expect(waited).toBeGreaterThanOrEqual(4);
  });

  it('retries a transient failure and logs a permanent one once, then goes on', async () => {
    const start = harness.slack.messages.length;
    harness.slack.failNext('chat.postMessage', 'internal_error');
    await postZoomEvent(
      harness,
      textEvent(alice, dana, 'e'.repeat(32), { text: 'After a hiccup' }).body,
    );
    await harness.slack.waitFor(() => since(start).length >= 1, 'the retried post', 10_000);
    harness.slack.failNext('chat.postMessage', 'channel_not_found');
    harness.slack.failNext('chat.postMessage', 'channel_not_found');
    await postZoomEvent(harness, textEvent(alice, dana, 'f'.repeat(32), { text: 'Lost 1' }).body);
    await postZoomEvent(harness, textEvent(alice, dana, 'f'.repeat(32), { text: 'Lost 2' }).body);
    await postZoomEvent(harness, textEvent(alice, dana, 'f'.repeat(32), { text: 'Kept' }).body);
    await harness.slack.waitFor(
      () => since(start).length >= 2,
      'the post after the failures',
      10_000,
    );
    expect(visibleText(since(start)[1]?.args as never)).toContain('Kept');
    const refusals = harness.logLines.filter((line) =>
      line.includes('refused a text notification for good'),
    );
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain('channel_not_found');
  });
});
