import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.js';
import type { Clock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createDemoDataset, createDemoZoom } from '../demo-zoom/index.js';
import type { AppLogger } from '../logger.js';
import { type AppLink, createAppLink } from './app-link.js';
import {
  type CustomerTexts,
  createCustomerTexts,
  customerLabel,
  PLAYGROUND_CUSTOMERS,
} from './customer-texts.js';
import { createEventStream } from './event-stream.js';
import { createFiles } from './files.js';
import { createHomeViews } from './home-views.js';
import { createModals } from './modals.js';
import type { PageEvent, PageSession, ZoomMode, ZoomTrouble } from './page-protocol.js';
import { createPlaygroundPeople, type PlaygroundPerson } from './people.js';
import { createPlaygroundServer } from './playground-server.js';
import { isLoopbackHost, newAccessKey } from './request-guard.js';
import { createResponseUrls } from './response-urls.js';
import type { PlaygroundSettings } from './settings.js';
import { createTimeline } from './timeline.js';
import { createTriggers } from './triggers.js';
import { createVisitorActions } from './visitor-actions.js';
import { createVisitors } from './visitors.js';
import { createWebApi } from './web-api.js';
import { newPlaygroundBotToken, PLAYGROUND_WORKSPACE } from './workspace.js';
import { createZoomTrouble } from './zoom-trouble.js';

/** The Server-to-Server OAuth app the embedded demo Zoom accepts; it exists nowhere else. */
export const DEMO_ZOOM_CREDENTIALS = {
  accountId: 'playground-demo-account',
  clientId: 'playground-demo-client',
  clientSecret: 'playground-demo-secret',
};

/** The app always listens on loopback: only the playground's Slack talks to it. */
const APP_HOST = '127.0.0.1';

/** What a running playground exposes. */
export interface RunningPlayground {
  /**
   * The page, e.g. `http://127.0.0.1:3000/`; beyond loopback it carries the access key
   * (`/?key=…`), the only way in.
   */
  readonly url: string;
  /** Set when the playground listens beyond this machine: every visitor must present it. */
  readonly accessKey: string | undefined;
  /** Where the playground's server listens. */
  readonly address: AddressInfo;
  /** The real app's own HTTP address (its `/slack/events` and `/healthz`). */
  readonly app: AddressInfo;
  readonly zoom: ZoomMode;
  readonly people: readonly PlaygroundPerson[];
  /** Stops the app, the servers and the demo Zoom; removes the app's temporary database. */
  stop(): Promise<void>;
}

/** What the playground needs from its process. */
export interface PlaygroundDeps {
  readonly settings: PlaygroundSettings;
  readonly clock: Clock;
  readonly logger: AppLogger;
}

/**
 * Starts the whole playground: its Slack (the page, the Web API, `response_url`s) on
 * `settings.host:settings.port`, the embedded demo Zoom with the deterministic demo dataset on a
 * free loopback port (or real Zoom when its credentials are set), and the real app — the same
 * `createApp`, listeners, Zoom client and store as production — in HTTP mode on a free loopback
 * port, with a signing secret made for this run that never leaves the server. The app's state
 * lives in a temporary SQLite file, removed at stop.
 */
export const startPlayground = async (deps: PlaygroundDeps): Promise<RunningPlayground> => {
  const { settings, clock, logger } = deps;
  const cleanups: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const zoom: ZoomMode = settings.realZoom === undefined ? 'demo' : 'real';
    const people = createPlaygroundPeople({
      adminEmail: zoom === 'real' ? settings.adminEmail : undefined,
    });
    const stream = createEventStream<PageEvent>();
    const timeline = createTimeline({ clock, onChange: (change) => stream.publish(change) });
    const homes = createHomeViews({ onChange: (home) => stream.publish({ type: 'home', home }) });
    const modals = createModals({
      onChange: (change) => stream.publish({ type: 'modals', ...change }),
    });
    const triggers = createTriggers(clock);
    const visitors = createVisitors();
    const botToken = newPlaygroundBotToken();
    const accessKey = isLoopbackHost(settings.host) ? undefined : newAccessKey();
    let origin = '';
    const files = createFiles({ origin: () => origin });
    let appLink: AppLink | undefined;
    const responseUrls = createResponseUrls({ clock, timeline, origin: () => origin });
    const session: PageSession = {
      people,
      zoom,
      channel: PLAYGROUND_WORKSPACE.channel,
      command: PLAYGROUND_WORKSPACE.command,
      appName: PLAYGROUND_WORKSPACE.botName,
      customers: zoom === 'demo' ? PLAYGROUND_CUSTOMERS.map(customerLabel) : [],
    };
    let customerTexts: CustomerTexts | undefined;
    let zoomTrouble: ((trouble: ZoomTrouble) => void) | undefined;
    const webhookSecret = randomBytes(32).toString('hex');
    const server = await createPlaygroundServer(
      {
        webApi: createWebApi({
          people,
          timeline,
          homes,
          modals,
          files,
          triggers,
          visitors,
          clock,
          logger: logger.child({ component: 'playground' }),
          origin: () => origin,
          botToken,
        }),
        responseUrls,
        files,
        visitor: createVisitorActions({
          people,
          timeline,
          homes,
          modals,
          responseUrls,
          triggers,
          visitors,
          clock,
          appLink: () => appLink,
        }),
        stream,
        session: () => session,
        snapshot: () => ({
          type: 'snapshot',
          messages: timeline.list(),
          homes: homes.list(),
          modals: modals.list(),
        }),
        logger,
        customers: {
          send: async (user, customer, text) =>
            customerTexts === undefined
              ? { ok: false, error: 'Only the demo Zoom has customers.' }
              : customerTexts.send(user, customer, text),
          stop: () => customerTexts?.stop(),
        },
        ...(zoom === 'demo' ? { zoomTrouble: (trouble) => zoomTrouble?.(trouble) } : {}),
      },
      { loopbackOnly: isLoopbackHost(settings.host), accessKey },
    ).listen(settings.port, settings.host);
    cleanups.push(() => server.close());
    origin = server.origin;

    let zoomVariables: Readonly<Record<string, string>>;
    let appEventsUrl: string | undefined;
    if (settings.realZoom === undefined) {
      const demoZoom = createDemoZoom({
        clock,
        dataset: createDemoDataset({ now: clock.now() }),
        credentials: DEMO_ZOOM_CREDENTIALS,
      });
      const address = await demoZoom.listen();
      cleanups.push(() => demoZoom.close());
      zoomTrouble = createZoomTrouble(demoZoom);
      customerTexts = createCustomerTexts({
        people,
        zoom: demoZoom,
        eventsUrl: () => appEventsUrl,
        secretToken: webhookSecret,
        clock,
        logger: logger.child({ component: 'playground' }),
      });
      cleanups.push(() => customerTexts?.stop());
      zoomVariables = {
        ZOOM_WEBHOOK_SECRET_TOKEN: webhookSecret,
        NOTIFY_DEFAULT: 'on',
        ZOOM_ACCOUNT_ID: DEMO_ZOOM_CREDENTIALS.accountId,
        ZOOM_CLIENT_ID: DEMO_ZOOM_CREDENTIALS.clientId,
        ZOOM_CLIENT_SECRET: DEMO_ZOOM_CREDENTIALS.clientSecret,
        ZOOM_API_BASE_URL: address.baseUrl,
        ZOOM_OAUTH_TOKEN_URL: address.tokenUrl,
      };
    } else {
      zoomVariables = settings.realZoom.variables;
    }

    const dataDir = mkdtempSync(join(tmpdir(), 'sms-sessions-playground-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const signingSecret = randomBytes(32).toString('hex');
    const config = loadConfig({
      ...zoomVariables,
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: `${origin}/api/`,
      ADMIN_SLACK_USER_IDS: people
        .filter((person) => person.isAdmin)
        .map((person) => person.id)
        .join(','),
      DATABASE_PATH: join(dataDir, 'playground.db'),
      PORT: '0',
      LOG_LEVEL: settings.logLevel,
    });
    const app = await createApp(config, { logger, clock, host: APP_HOST });
    const appServer = await app.start();
    cleanups.push(() => app.stop());
    if (appServer === undefined) throw new Error('the playground runs the app in HTTP mode');
    const appAddress = appServer.address() as AddressInfo;
    appEventsUrl = `http://${APP_HOST}:${appAddress.port}/zoom/events`;
    appLink = createAppLink({
      eventsUrl: `http://${APP_HOST}:${appAddress.port}/slack/events`,
      signingSecret,
      clock,
    });
    return {
      url: accessKey === undefined ? `${origin}/` : `${origin}/?key=${accessKey}`,
      accessKey,
      address: server.address,
      app: appAddress,
      zoom,
      people,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
