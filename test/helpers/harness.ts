import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type SmsSessionsApp } from '../../src/app.js';
import { type Clock, systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import {
  createDemoZoom,
  type DemoDataset,
  type DemoZoom,
  type DemoZoomAddress,
} from '../../src/demo-zoom/index.js';
import { deriveAppKeys } from '../../src/keys/app-keys.js';
import { createValueSeal } from '../../src/keys/value-seal.js';
import { createLogger } from '../../src/logger.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { type FakeSlack, type FakeSlackUser, startFakeSlack } from './fake-slack.js';
import {
  buttonClickBody,
  commandBody,
  messageActionBody,
  postSigned,
  type SignOptions,
  viewActionBody,
} from './slack-requests.js';

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
  /** The app's clock (the system clock when absent); the demo Zoom keeps its own. */
  clock?: Clock;
  /** Replaces global fetch for the app's Zoom calls (to watch what Zoom answers). */
  fetch?: typeof fetch;
  /** A fake Slack to share with another harness (several replicas); it is not closed here. */
  slack?: FakeSlack;
  /** A listening demo Zoom to share with another harness; it is not closed here. */
  zoom?: { zoom: DemoZoom; address: DemoZoomAddress };
}

/**
 * Defaults for every harness: the Zoom cache is off, so a test that injects a fault on the next
 * Zoom call gets one (cache tests turn it on through `env`); and each person's Zoom allowance is
 * wide, since one test person makes many requests in a few seconds across a file's tests (the
 * fairness tests in test/security/ set the allowance they test through `env`).
 */
const HARNESS_ENV = {
  ZOOM_CACHE_TTL_SECONDS: '0',
  ZOOM_USER_BURST: '10000',
  ZOOM_USER_DAILY_SHARE: '100',
  ZOOM_ADMIN_DAILY_SHARE: '100',
};

/**
 * The real app (real Bolt HTTP receiver, real SQLite file) on 127.0.0.1, wired to a fake Slack
 * and the demo Zoom, both real HTTP servers on loopback. Log lines are captured for assertions.
 */
export const startHarness = async (options: HarnessOptions) => {
  const slack: FakeSlack = options.slack ?? (await startFakeSlack({ users: options.users }));
  const zoomClock: FakeClock = createFakeClock(new Date().toISOString());
  const zoom: DemoZoom =
    options.zoom?.zoom ??
    createDemoZoom({
      clock: zoomClock,
      dataset: options.dataset,
      credentials: ZOOM_CREDENTIALS,
    });
  const zoomAddress = options.zoom?.address ?? (await zoom.listen());
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
    ...HARNESS_ENV,
    ...options.env,
  });
  const seal = createValueSeal(deriveAppKeys(config.appSecret).buttons);
  const app: SmsSessionsApp = await createApp(config, {
    logger,
    clock: options.clock ?? systemClock,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const server = await app.start();
  if (server === undefined) throw new Error('expected HTTP mode');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const eventsUrl = `${baseUrl}/slack/events`;
  const sign = (extra: Partial<SignOptions> = {}): SignOptions => ({
    secret: SIGNING_SECRET,
    ...extra,
  });

  return {
    app,
    /** The app's SQLite file, to seed what other parts of the app would have written. */
    databasePath: config.store.databasePath,
    slack,
    zoom,
    zoomClock,
    baseUrl,
    eventsUrl,
    logLines,
    /** A value sealed as the app seals what it sends (a forged value that passes the seal). */
    seal: (value: string) => seal.seal(value),
    /** The value a sealed one (a button's, as Slack recorded it) stands for; throws if forged. */
    unseal: (value: string): string => {
      const opened = seal.unseal(value);
      if (opened === undefined) throw new Error('not a value the app sealed');
      return opened;
    },
    /**
     * Sends `/sms-sessions text` as `userId`; returns the HTTP ack and the response_url id. An
     * answer that came in the ack is recorded as that response_url's (`via: 'ack'`), so
     * `slack.nextResponse(id)` finds the answer wherever the app gave it.
     */
    command: async (userId: string, text: string, signOptions: Partial<SignOptions> = {}) => {
      const id = randomUUID();
      const ack = await postSigned(
        eventsUrl,
        commandBody({ user_id: userId, text, response_url: slack.responseUrl(id) }),
        sign(signOptions),
      );
      const immediate = ack.status === 200 ? await ack.clone().text() : '';
      if (immediate !== '') slack.recordAck(id, JSON.parse(immediate) as Record<string, unknown>);
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
    /**
     * Sends one element's action from an ephemeral message as `userId` (a button or a select's
     * choice; `channelId` is where the message is); returns the HTTP ack and the response_url id.
     */
    act: async (userId: string, action: Record<string, unknown>, channelId?: string) => {
      const id = randomUUID();
      const ack = await postSigned(
        eventsUrl,
        messageActionBody({
          user_id: userId,
          response_url: slack.responseUrl(id),
          action,
          ...(channelId === undefined ? {} : { channel_id: channelId }),
        }),
        sign(),
      );
      return { ack, id };
    },
    /**
     * Sends one element's action (a button, a select's choice) from the modal `viewId` as
     * `userId`, with the modal's current `hash` as Slack sends it; returns the HTTP ack.
     */
    actInModal: async (
      userId: string,
      modal: { viewId: string; hash: string },
      action: Record<string, unknown>,
    ) =>
      postSigned(
        eventsUrl,
        viewActionBody({
          user_id: userId,
          action,
          view: { id: modal.viewId, hash: modal.hash, type: 'modal', root_view_id: modal.viewId },
        }),
        sign(),
      ),
    close: async () => {
      await app.stop();
      if (options.zoom === undefined) await zoom.close();
      if (options.slack === undefined) await slack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type Harness = Awaited<ReturnType<typeof startHarness>>;
