import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ViewsPublishArguments } from '@slack/web-api';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_RETRY_CONFIG } from '../../src/app.js';
import { publishView, rateLimitWaitMs, type ViewsPublisher } from '../../src/slack/publish-view.js';

const ARGS: ViewsPublishArguments = {
  user_id: 'U0HOME001',
  view: { type: 'home', blocks: [] },
};

/** What Slack answers to each `views.publish`, in turn. */
type SlackAnswer = { status: number; headers?: Record<string, string>; body: unknown };

const servers: Server[] = [];

/** A Slack Web API on loopback that answers `views.publish` from a script. */
const startSlack = async (answers: SlackAnswer[]) => {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = answers[Math.min(calls, answers.length - 1)] as SlackAnswer;
      calls += 1;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const client = new WebClient('xoxb-test', {
    slackApiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  return { client, calls: () => calls };
};

const silentSlackLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

const OK: SlackAnswer = { status: 200, body: { ok: true, view: { id: 'V1', hash: 'h2' } } };

// https://docs.slack.dev/apis/web-api/rate-limits
describe('publishView', () => {
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('publishes again after the Retry-After of an HTTP 429', async () => {
    const slack = await startSlack([
      { status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } },
      OK,
    ]);
    const waits: number[] = [];
    const result = await publishView(slack.client, ARGS, {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(result.ok).toBe(true);
    expect(waits).toEqual([3_000]);
    expect(slack.calls()).toBe(2);
  });

  it('publishes again after a `ratelimited` error that names its wait', async () => {
    const slack = await startSlack([
      { status: 200, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } },
      OK,
    ]);
    const waits: number[] = [];
    await publishView(slack.client, ARGS, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([2_000]);
  });

  it('gives up after the bounded number of retries', async () => {
    const slack = await startSlack([
      { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } },
    ]);
    const waits: number[] = [];
    await expect(
      publishView(slack.client, ARGS, { sleep: async (ms) => void waits.push(ms) }),
    ).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error' });
    expect(waits).toEqual([1_000, 1_000]);
    expect(slack.calls()).toBe(3);
  });

  it('does not wait longer than maxWaitMs', async () => {
    const slack = await startSlack([
      { status: 429, headers: { 'retry-after': '120' }, body: { ok: false, error: 'ratelimited' } },
    ]);
    const waits: number[] = [];
    await expect(
      publishView(slack.client, ARGS, { sleep: async (ms) => void waits.push(ms) }),
    ).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error' });
    expect(waits).toEqual([]);
  });

  it('throws any other error at once', async () => {
    const slack = await startSlack([{ status: 200, body: { ok: false, error: 'hash_conflict' } }]);
    await expect(publishView(slack.client, { ...ARGS, hash: 'old' })).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    expect(slack.calls()).toBe(1);
  });

  it('passes the arguments through unchanged', async () => {
    const seen: ViewsPublishArguments[] = [];
    const client: ViewsPublisher = {
      views: {
        publish: async (args) => {
          seen.push(args);
          return { ok: true };
        },
      },
    };
    await publishView(client, { ...ARGS, hash: 'h1' });
    expect(seen).toEqual([{ ...ARGS, hash: 'h1' }]);
  });
});

describe('the app’s Web API client on a rate-limited views.publish', () => {
  afterEach(() => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('waits out Retry-After and retries within SLACK_RETRY_CONFIG', async () => {
    const slack = await startSlack([
      { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } },
      OK,
    ]);
    const appClient = new WebClient('xoxb-test', {
      slackApiUrl: slack.client.slackApiUrl,
      retryConfig: SLACK_RETRY_CONFIG,
      logger: silentSlackLogger,
    });
    await expect(publishView(appClient, ARGS)).resolves.toMatchObject({ ok: true });
    expect(slack.calls()).toBe(2);
  });

  it('gives up after SLACK_RETRY_CONFIG.retries retries', async () => {
    const slack = await startSlack([
      { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } },
    ]);
    const appClient = new WebClient('xoxb-test', {
      slackApiUrl: slack.client.slackApiUrl,
      retryConfig: SLACK_RETRY_CONFIG,
      logger: silentSlackLogger,
    });
    await expect(publishView(appClient, ARGS)).rejects.toThrow(/rate limit/);
    expect(slack.calls()).toBe(SLACK_RETRY_CONFIG.retries + 1);
  });
});

describe('rateLimitWaitMs', () => {
  it.each([
    [{ code: 'slack_webapi_rate_limited_error', retryAfter: 7 }, 7_000],
    [{ code: 'slack_webapi_rate_limited_error' }, 1_000],
    [{ code: 'slack_webapi_platform_error', data: { error: 'ratelimited' } }, 1_000],
    [{ code: 'slack_webapi_platform_error', data: { error: 'not_authed' } }, undefined],
    [new Error('socket hang up'), undefined],
    ['text', undefined],
  ])('reads %j as a wait of %s ms', (error, ms) => {
    expect(rateLimitWaitMs(error)).toBe(ms);
  });
});
