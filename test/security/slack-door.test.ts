import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDataset,
  createDemoZoom,
  type DemoZoom,
  demoSessions,
  demoUser,
} from '../../src/demo-zoom/index.js';
import { HTTP_SERVER_OPTIONS } from '../../src/door/server-options.js';
import { SLACK_BODY_MAX_BYTES } from '../../src/door/slack-door.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import {
  type Harness,
  SIGNING_SECRET,
  startHarness,
  ZOOM_CREDENTIALS,
} from '../helpers/harness.js';
import { commandBody, postSigned, slackSignature } from '../helpers/slack-requests.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';

const ALICE = 'U0ALICE01';
const MIB = 1024 * 1024;
const alice = demoUser({ email: 'alice@example.com' });
const users = [{ id: ALICE, email: 'alice@example.com', name: 'Alice' }];
const dataset = () =>
  buildDataset({
    users: [alice],
    sessions: demoSessions(alice, 3, { newest: new Date(Date.now() - 60_000) }),
  });

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * One sender as the probe: headers for a body of `declared` bytes, then as much of it as
 * the server reads (respecting back-pressure, from one shared buffer, so the sender itself holds
 * almost nothing), stopping `missing` bytes short of the end and holding the connection open.
 * Resolves once it has sent all it meant to, or once the server closed on it.
 */
const slowSender = (
  port: number,
  declared: number,
  missing: number,
  chunk: Buffer,
  extraHeaders = '',
): Promise<{ close: () => void }> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve({ close: () => socket.destroy() });
    };
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', async () => {
      socket.write(
        `POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${declared}\r\n${extraHeaders}\r\n`,
      );
      let sent = 0;
      while (sent < declared - missing && !socket.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, declared - missing - sent));
        sent += piece.length;
        if (!socket.write(piece)) {
          await new Promise<void>((wake) => {
            socket.once('drain', wake);
            socket.once('close', wake);
          });
        }
      }
      finish();
    });
  });

describe('the door: bodies, clocks and replays (issue 18, part 2)', () => {
  let h: Harness;
  let port: number;

  beforeAll(async () => {
    h = await startHarness({ users, dataset: dataset() });
    port = Number(new URL(h.baseUrl).port);
  });

  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['unsigned', () => ''],
    [
      'signed-looking (fresh timestamp, forged signature)',
      () =>
        `X-Slack-Request-Timestamp: ${nowSeconds()}\r\nX-Slack-Signature: v0=${'0'.repeat(64)}\r\n`,
    ],
  ])(
    'keeps memory within 50 MiB of idle when 100 slow %s senders send ~3.9 MB each',
    async (_, headers) => {
      await h.slack.nextResponse((await h.command(ALICE, '')).id);
      const idle = process.memoryUsage().rss;
      let peak = idle;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const senders = await Promise.all(
        Array.from({ length: 100 }, () => slowSender(port, 3_900_000, 50_000, chunk, headers())),
      );
      await new Promise((wake) => setTimeout(wake, 2_000));
      clearInterval(sampler);
      for (const sender of senders) sender.close();
      console.info(
        `slow-sender probe: resident memory ${((peak - idle) / MIB).toFixed(1)} MiB over idle`,
      );
      expect((peak - idle) / MIB).toBeLessThan(50);
    },
  );

  it('refuses a request without the signature headers before reading its body', async () => {
    const response = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: commandBody({ user_id: ALICE, text: '', response_url: h.slack.responseUrl('x') }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('connection')).toBe('close');
  });

  it.each([
    ['the endpoint', ''],
    ['the endpoint with a query string', '?retry=1'],
    ['the endpoint with a fragment', '#x'],
  ])(
    'refuses a mis-signed command sent to %s: the door is the only signature check (Bolt’s is off)',
    async (_, suffix) => {
      const id = randomUUID();
      const response = await postSigned(
        `${h.eventsUrl}${suffix}`,
        commandBody({ user_id: ALICE, text: '', response_url: h.slack.responseUrl(id) }),
        { secret: 'not-the-signing-secret' },
      );
      expect(response.status).toBe(401);
      await expect(h.slack.nextResponse(id, 300)).rejects.toThrow();
    },
  );

  it("answers Slack's unsigned ssl_check, and nothing else unsigned", async () => {
    const check = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=legacy-verification-token',
    });
    expect(check.status).toBe(200);
    const smuggled = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `ssl_check=1&payload=${'x'.repeat(400)}`,
    });
    expect(smuggled.status).toBe(401);
  });

  it.each([
    ['one hour in the future', 3_600],
    ['ten years in the future', 10 * 365 * 86_400],
    ['six minutes in the future', 360],
    ['six minutes in the past', -360],
  ])('refuses a correctly signed request stamped %s', async (_, offsetSeconds) => {
    const { ack, id } = await h.command(ALICE, '', { timestamp: nowSeconds() + offsetSeconds });
    expect(ack.status).toBe(401);
    await expect(h.slack.nextResponse(id, 300)).rejects.toThrow();
  });

  it('accepts a request stamped four minutes off, either way (clock skew)', async () => {
    for (const offset of [240, -240]) {
      const { ack, id } = await h.command(ALICE, '', { timestamp: nowSeconds() + offset });
      expect(ack.status).toBe(200);
      await h.slack.nextResponse(id);
    }
  });

  it('processes an exact replay once, and refuses the copy', async () => {
    const responseId = randomUUID();
    const body = commandBody({
      user_id: ALICE,
      text: '',
      response_url: h.slack.responseUrl(responseId),
    });
    const timestamp = nowSeconds();
    const first = await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET, timestamp });
    expect(first.status).toBe(200);
    await h.slack.nextResponse(responseId);
    await new Promise((wake) => setTimeout(wake, 1_500));
    const replay = await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET, timestamp });
    expect(replay.status).toBe(409);
    await new Promise((wake) => setTimeout(wake, 300));
    expect(h.slack.responses.filter((response) => response.id === responseId)).toHaveLength(1);
  });

  it('refuses a body declared larger than the cap without reading it', async () => {
    const timestamp = nowSeconds();
    const response = await new Promise<string>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      let answer = '';
      socket.on('data', (data) => {
        answer += data.toString();
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', () => resolve(answer));
      socket.write(
        `POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${SLACK_BODY_MAX_BYTES + 1}\r\nX-Slack-Request-Timestamp: ${timestamp}\r\nX-Slack-Signature: ${slackSignature(SIGNING_SECRET, timestamp, 'x')}\r\n\r\n{`,
      );
    });
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('refuses a body that grows past the cap although it declared none', async () => {
    const timestamp = nowSeconds();
    const big = 'x'.repeat(SLACK_BODY_MAX_BYTES + 10);
    const response = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, big),
      },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("lowers Node's header and request timeouts on the app's server", async () => {
    expect(HTTP_SERVER_OPTIONS.headersTimeout).toBeLessThanOrEqual(5_000);
    expect(HTTP_SERVER_OPTIONS.requestTimeout).toBeLessThanOrEqual(10_000);
    const started = Date.now();
    const closedAfterMs = await new Promise<number>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.on('connect', () =>
        socket.write('POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n'),
      );
      socket.on('data', () => undefined);
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', () => undefined);
    });
    expect(closedAfterMs).toBeLessThan(HTTP_SERVER_OPTIONS.headersTimeout + 3_000);
  }, 15_000);
});

const reachable = await checkRedis();

describe.skipIf(!reachable)('replays across replicas sharing Redis', () => {
  let slack: FakeSlack;
  let zoom: DemoZoom;
  let first: Harness;
  let second: Harness;

  beforeAll(async () => {
    slack = await startFakeSlack({ users });
    zoom = createDemoZoom({
      clock: createFakeClock(new Date().toISOString()),
      credentials: ZOOM_CREDENTIALS,
      dataset: dataset(),
    });
    const address = await zoom.listen();
    const env = { REDIS_URL: REDIS_TEST_URL, REDIS_KEY_PREFIX: `${RUN_KEY_PREFIX}door:` };
    const replica = () =>
      startHarness({
        users,
        dataset: buildDataset({ users: [] }),
        env,
        slack,
        zoom: { zoom, address },
      });
    first = await replica();
    second = await replica();
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await zoom?.close();
    await slack?.close();
  });

  it('refuses on one replica the exact copy of a request another replica processed', async () => {
    const responseId = randomUUID();
    const body = commandBody({
      user_id: ALICE,
      text: '',
      response_url: first.slack.responseUrl(responseId),
    });
    const timestamp = nowSeconds();
    const sign = { secret: SIGNING_SECRET, timestamp };
    expect((await postSigned(first.eventsUrl, body, sign)).status).toBe(200);
    expect((await postSigned(second.eventsUrl, body, sign)).status).toBe(409);
    await first.slack.nextResponse(responseId);
    await new Promise((wake) => setTimeout(wake, 300));
    expect(first.slack.responses.filter((response) => response.id === responseId)).toHaveLength(1);
  });
});
