import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type SmsSessionsApp } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import {
  buildDataset,
  createDemoZoom,
  type DemoZoom,
  demoSessions,
  demoUser,
} from '../../src/demo-zoom/index.js';
import { createLogger } from '../../src/logger.js';
import { type FakeSlack, type FakeSlackUser, startFakeSlack } from '../helpers/fake-slack.js';
import { type FakeSocketMode, startFakeSocketMode } from '../helpers/fake-socket-mode.js';
import { ZOOM_CREDENTIALS } from '../helpers/harness.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';

const redisUp = await checkRedis();
const prefix = `${RUN_KEY_PREFIX}socket:`;
const ZOOM_PER_SECOND = 2;
const people: FakeSlackUser[] = Array.from({ length: 12 }, (_, i) => ({
  id: `U0SOCK${String(i).padStart(4, '0')}`,
  email: `socket${i}@example.com`,
  tz: 'UTC',
}));

const day = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
/** A window wholly in the past, so the same command asks Zoom the same query a minute later. */
const WINDOW = `from:${day(10)} to:${day(2)}`;

/** A slash command as Socket Mode delivers it: the HTTP form's fields, as JSON. */
const commandPayload = (userId: string, responseUrl: string) => ({
  token: 'legacy-verification-token',
  team_id: 'T0001',
  team_domain: 'example',
  channel_id: 'C0001',
  channel_name: 'general',
  user_id: userId,
  user_name: userId.toLowerCase(),
  command: '/sms-sessions',
  text: WINDOW,
  api_app_id: 'A0001',
  is_enterprise_install: 'false',
  response_url: responseUrl,
  trigger_id: '1.2.3',
});

const busiestSecond = (times: readonly number[]): number =>
  Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + 1_000).length));

// https://docs.slack.dev/apis/events-api/using-socket-mode#connections
describe.skipIf(!redisUp)('two Socket Mode connections (two replicas) sharing Redis', () => {
  let slack: FakeSlack;
  let socket: FakeSocketMode;
  let zoom: DemoZoom;
  const apps: SmsSessionsApp[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    socket = await startFakeSocketMode();
    slack = await startFakeSlack({ users: people, socketModeUrl: socket.url });
    const zoomUsers = people.map((person) => demoUser({ email: person.email ?? '' }));
    zoom = createDemoZoom({
      clock: systemClock,
      dataset: buildDataset({
        users: zoomUsers,
        sessions: zoomUsers.flatMap((user) =>
          demoSessions(user, 2, { newest: new Date(Date.now() - 4 * 86_400_000) }),
        ),
      }),
      credentials: ZOOM_CREDENTIALS,
      rateLimit: { perSecond: ZOOM_PER_SECOND },
    });
    const address = await zoom.listen();
    for (let i = 0; i < 2; i += 1) {
      const dir = mkdtempSync(join(tmpdir(), 'sms-sessions-socket-'));
      dirs.push(dir);
      const config = loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-test-bot-token',
        SLACK_APP_TOKEN: 'xapp-1-test-app-token',
        SLACK_API_URL: slack.apiUrl,
        ZOOM_ACCOUNT_ID: ZOOM_CREDENTIALS.accountId,
        ZOOM_CLIENT_ID: ZOOM_CREDENTIALS.clientId,
        ZOOM_CLIENT_SECRET: ZOOM_CREDENTIALS.clientSecret,
        ZOOM_API_BASE_URL: address.baseUrl,
        ZOOM_OAUTH_TOKEN_URL: address.tokenUrl,
        DATABASE_PATH: join(dir, 'app.db'),
        PORT: '0',
        REDIS_URL: REDIS_TEST_URL,
        REDIS_KEY_PREFIX: prefix,
        ZOOM_RATE_LIMIT_PER_SECOND: String(ZOOM_PER_SECOND),
        ZOOM_CACHE_TTL_SECONDS: '30',
      });
      const logger = createLogger(
        'warn',
        new Writable({
          write(_chunk, _encoding, done) {
            done();
          },
        }),
      );
      const app = await createApp(config, { logger, clock: systemClock });
      await app.start();
      apps.push(app);
    }
    await slack.waitFor(() => socket.connections.length === 2, 'two Socket Mode connections');
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await socket?.close();
    await zoom?.close();
    await slack?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    const redis = new Redis(REDIS_TEST_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('acks and answers every command whichever connection gets it, within one Zoom budget', async () => {
    const acks = await Promise.all(
      people.map((person, i) =>
        socket.dispatch('slash_commands', commandPayload(person.id, slack.responseUrl(`s${i}`))),
      ),
    );
    for (const ack of acks) expect(ack.ackMs).toBeLessThan(3_000);
    expect(new Set(acks.map((ack) => ack.connection))).toEqual(new Set([0, 1]));
    await slack.waitFor(
      () =>
        people.every((_, i) =>
          slack.responses.some(
            (post) => post.id === `s${i}` && /SMS conversations? for/.test(String(post.body.text)),
          ),
        ),
      'a page for every command',
      30_000,
    );
    const lists = zoom.requests.filter((request) => request.kind === 'list');
    expect(lists).toHaveLength(people.length);
    expect(busiestSecond(lists.map((request) => Date.parse(request.at)))).toBeLessThanOrEqual(
      ZOOM_PER_SECOND,
    );
  }, 40_000);

  it('serves on one connection the page the other fetched, from the shared cache', async () => {
    const before = zoom.countCalls('list');
    const [first] = people;
    if (first === undefined) throw new Error('no person');
    const ack = await socket.dispatch(
      'slash_commands',
      commandPayload(first.id, slack.responseUrl('again')),
      { to: 1 },
    );
    expect(ack.connection).toBe(1);
    const answer = await slack.nextResponse('again', 10_000);
    expect(String(answer.text)).toMatch(/SMS conversations? for/);
    expect(zoom.countCalls('list')).toBe(before);
  });
});
