import type { Server } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { createSessionsCore } from './core/sessions.js';
import { type AppLogger, toBoltLogger } from './logger.js';
import { healthRoutes } from './slack/health.js';
import { registerListeners } from './slack/register.js';
import { createStore } from './store/create-store.js';
import { createAccessPolicy } from './users/access.js';
import { createStorePersonCache } from './users/person-cache.js';
import { createSlackDirectory } from './users/slack-directory.js';
import { createZoomClient } from './zoom/client.js';
import { createTokenProvider } from './zoom/token-provider.js';

/**
 * Slack Web API retries: a few quick ones, not the SDK's default of ten over about 30 minutes —
 * a person waiting for an answer is better served by a clear failure.
 * https://docs.slack.dev/tools/node-slack-sdk/web-api#customizing-the-retry-policy
 */
export const SLACK_RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 1500 };

/** Per-call timeout for the Slack Web API. */
export const SLACK_TIMEOUT_MS = 10_000;

/** What the process injects: everything else is built here, once. */
export interface AppDeps {
  readonly logger: AppLogger;
  readonly clock: Clock;
  /** Replaces global fetch for Zoom (tests, playground). */
  readonly fetch?: typeof fetch;
}

/** A running or runnable app. */
export interface SmsSessionsApp {
  readonly bolt: App;
  /** Starts listening; resolves with the HTTP server in HTTP mode. */
  start(): Promise<Server | undefined>;
  stop(): Promise<void>;
}

const createReceiver = (config: Config, logger: AppLogger): Receiver => {
  const boltLogger = toBoltLogger(logger);
  if (config.slack.appToken !== undefined) {
    return new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger: boltLogger,
      customRoutes: healthRoutes(),
      installerOptions: { port: config.port },
    });
  }
  return new HTTPReceiver({
    signingSecret: config.slack.signingSecret ?? '',
    logger: boltLogger,
    customRoutes: healthRoutes(),
    processBeforeResponse: false,
  });
};

/**
 * The composition root: builds every dependency once from the configuration and registers the
 * listeners. Nothing here reads `process.env`.
 */
export const createApp = async (config: Config, deps: AppDeps): Promise<SmsSessionsApp> => {
  const { logger, clock } = deps;
  const store = await createStore(
    { databasePath: config.store.databasePath, redisUrl: config.store.redisUrl },
    { clock, logger },
  );
  const bolt = new App({
    token: config.slack.botToken,
    receiver: createReceiver(config, logger),
    logger: toBoltLogger(logger),
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      retryConfig: SLACK_RETRY_CONFIG,
      timeout: SLACK_TIMEOUT_MS,
    },
  });
  const tokenProvider = createTokenProvider({
    tokenUrl: config.zoom.oauthTokenUrl,
    accountId: config.zoom.accountId,
    clientId: config.zoom.clientId,
    clientSecret: config.zoom.clientSecret,
    clock,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
  });
  const zoom = createZoomClient({
    baseUrl: config.zoom.apiBaseUrl,
    tokenProvider,
    clock,
    logger: logger.child({ component: 'zoom' }),
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
  });
  const core = createSessionsCore({
    zoom,
    directory: createSlackDirectory(bolt.client, createStorePersonCache(store)),
    access: createAccessPolicy({ adminSlackUserIds: config.adminSlackUserIds }),
    clock,
  });
  registerListeners(bolt, { core, logger, clock });
  bolt.error(async (error) => {
    logger.error({ err: error }, 'unhandled listener error');
  });

  return {
    bolt,
    start: async () => {
      const server = await bolt.start(config.port);
      logger.info(
        { mode: config.slack.appToken === undefined ? 'http' : 'socket', port: config.port },
        'sms-sessions is running',
      );
      return config.slack.appToken === undefined ? (server as Server) : undefined;
    },
    stop: async () => {
      await bolt.stop();
      await store.close();
    },
  };
};
