import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type SmsSessionsApp } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createDemoZoom, type DemoDataset, type DemoZoom } from '../../src/demo-zoom/index.js';
import { createLogger } from '../../src/logger.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { type FakeSlack, type FakeSlackUser, startFakeSlack } from './fake-slack.js';
import { buttonClickBody, commandBody, postSigned, type SignOptions } from './slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-5f2a';
export const ZOOM_CREDENTIALS = {
  accountId: 'acct-test',
  clientId: 'client-test',
  clientSecret: 'zoom-client-secret-9c1e',
};

/** Options for {@link startHarness}. */
export interface HarnessOptions {
  users: FakeSlackUser[];
  dataset: DemoDataset;
  admins?: string[];
  env?: Record<string, string>;
}

/**
 * The real app (real Bolt HTTP receiver, real SQLite file) on 127.0.0.1, wired to a fake Slack
 * and the demo Zoom, both real HTTP servers on loopback. Log lines are captured for assertions.
 */
export const startHarness = async (options: HarnessOptions) => {
  const slack: FakeSlack = await startFakeSlack({ users: options.users });
  const zoomClock: FakeClock = createFakeClock(new Date().toISOString());
  const zoom: DemoZoom = createDemoZoom({
    clock: zoomClock,
    dataset: options.dataset,
    credentials: ZOOM_CREDENTIALS,
  });
  const zoomAddress = await zoom.listen();
  const dir = mkdtempSync(join(tmpdir(), 'sms-sessions-'));
  const logLines: string[] = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    }),
  );
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-bot-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    ZOOM_ACCOUNT_ID: ZOOM_CREDENTIALS.accountId,
    ZOOM_CLIENT_ID: ZOOM_CREDENTIALS.clientId,
    ZOOM_CLIENT_SECRET: ZOOM_CREDENTIALS.clientSecret,
    ZOOM_API_BASE_URL: zoomAddress.baseUrl,
    ZOOM_OAUTH_TOKEN_URL: zoomAddress.tokenUrl,
    ADMIN_SLACK_USER_IDS: (options.admins ?? []).join(','),
    DATABASE_PATH: join(dir, 'test.db'),
    PORT: '0',
    ...options.env,
  });
  const app: SmsSessionsApp = await createApp(config, { logger, clock: systemClock });
  const server = await app.start();
  if (server === undefined) throw new Error('expected HTTP mode');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const eventsUrl = `${baseUrl}/slack/events`;
  const sign = (extra: Partial<SignOptions> = {}): SignOptions => ({
    secret: SIGNING_SECRET,
    ...extra,
  });

  return {
    slack,
    zoom,
    zoomClock,
    baseUrl,
    eventsUrl,
    logLines,
    /** Sends `/sms-sessions text` as `userId`; returns the HTTP ack and the response_url id. */
    command: async (userId: string, text: string, signOptions: Partial<SignOptions> = {}) => {
      const id = randomUUID();
      const ack = await postSigned(
        eventsUrl,
        commandBody({ user_id: userId, text, response_url: slack.responseUrl(id) }),
        sign(signOptions),
      );
      return { ack, id };
    },
    /** Clicks a button (action id + value) as `userId`. */
    click: async (userId: string, actionId: string, value: string) => {
      const id = randomUUID();
      const ack = await postSigned(
        eventsUrl,
        buttonClickBody({
          user_id: userId,
          action_id: actionId,
          value,
          response_url: slack.responseUrl(id),
        }),
        sign(),
      );
      return { ack, id };
    },
    close: async () => {
      await app.stop();
      await zoom.close();
      await slack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type Harness = Awaited<ReturnType<typeof startHarness>>;
