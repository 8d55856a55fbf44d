import type { Server } from 'node:http';
import { App } from '@slack/bolt';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { createHomeState } from './core/home-state.js';
import { createIdentityServices } from './core/identity-services.js';
import { createInbox, type Inbox } from './core/inbox/create-inbox.js';
import { createInboxAdmin } from './core/inbox/inbox-admin.js';
import { createLineDirectory } from './core/inbox/line-directory.js';
import { createOwnLine } from './core/inbox/own-line.js';
import { createTextActivityLog } from './core/inbox/text-activity.js';
import { createUnanswered } from './core/inbox/unanswered.js';
import { createReplyAccess } from './core/reply/reply-access.js';
import { createReplyCore } from './core/reply/reply-core.js';
import { createReplyHistory } from './core/reply/reply-history.js';
import { createSessionFeatures } from './core/session-features.js';
import { createSessionsCore } from './core/sessions.js';
import { createReceiver } from './door/receiver.js';
import { HTTP_SERVER_OPTIONS } from './door/server-options.js';
import { createPooledDispatcher, createPooledFetch } from './http/pooled-fetch.js';
import { deriveAppKeys } from './keys/app-keys.js';
import { createValueSeal } from './keys/value-seal.js';
import { type AppLogger, toBoltLogger } from './logger.js';
import { createOps } from './ops/create-ops.js';
import { reportOutcome } from './ops/request-context.js';
import { drainAndClose } from './process/drain.js';
import { createInFlightTracker } from './process/in-flight.js';
import { createInboxSlack } from './slack/inbox-slack.js';
import { registerListeners } from './slack/register.js';
import { createChannelMembership, createReplyPublisher } from './slack/reply-port.js';
import { createSealGuard } from './slack/seal/seal-guard.js';
import { sealOutgoing } from './slack/seal/seal-surfaces.js';
import { createSealedRespond } from './slack/seal/sealed-respond.js';
import { createSealingFetch } from './slack/seal/sealing-fetch.js';
import { createTeamGuard } from './slack/team-guard.js';
import { createFileUploader } from './slack/upload-file.js';
import { zoomCallerMiddleware } from './slack/zoom-caller-middleware.js';
import { createStore } from './store/create-store.js';
import { SESSION_ACTION_IDS } from './surface/ids.js';
import { createWorkspaceBoundary } from './users/workspace.js';
import { createResilientZoom } from './zoom/resilient-zoom.js';
import { createTokenProvider } from './zoom/token-provider.js';
import { createZoomEventsRoute } from './zoom-events/events-route.js';

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
  /** Interface the HTTP receiver binds (the playground: `127.0.0.1`); all interfaces when absent. */
  readonly host?: string;
}

/** A running or runnable app. */
export interface SmsSessionsApp {
  readonly bolt: App;
  /** Starts listening; resolves with the HTTP server in HTTP mode. */
  start(): Promise<Server | undefined>;
  stop(): Promise<void>;
}

/**
 * The composition root: builds every dependency once from the configuration and registers the
 * listeners. Nothing here reads `process.env`.
 */
export const createApp = async (config: Config, deps: AppDeps): Promise<SmsSessionsApp> => {
  const { logger, clock } = deps;
  const pool = createPooledDispatcher();
  const pooledFetch = createPooledFetch(pool);
  const store = await createStore(
    {
      databasePath: config.store.databasePath,
      redisUrl: config.store.redisUrl,
      redisKeyPrefix: config.store.redisKeyPrefix,
    },
    { clock, logger },
  );
  const zoomFetch = deps.fetch ?? pooledFetch;
  const tokenProvider = createTokenProvider({
    tokenUrl: config.zoom.oauthTokenUrl,
    accountId: config.zoom.accountId,
    clientId: config.zoom.clientId,
    clientSecret: config.zoom.clientSecret,
    clock,
    fetch: zoomFetch,
  });
  const ops = createOps({
    config,
    logger,
    clock,
    readinessChecks: { zoom: () => tokenProvider.getToken(), store: () => store.ping() },
  });
  let inbox: Inbox | undefined;
  const { webhookSecretToken } = config.inbox;
  const zoomEventsRoutes =
    webhookSecretToken === undefined
      ? []
      : [
          createZoomEventsRoute({
            secretToken: webhookSecretToken,
            intake: {
              accept: (event) => {
                if (inbox === undefined) throw new Error('The inbox is not running yet');
                return inbox.intake.accept(event);
              },
            },
            clock,
            logger,
            onOutcome: (outcome, event) => ops.metrics.zoomEvent(outcome, event),
          }),
        ];
  const appKeys = deriveAppKeys(config.appSecret);
  const sealPolicy = {
    seal: createValueSeal(appKeys.buttons),
    sealedSelects: new Set([SESSION_ACTION_IDS.openPicked]),
  };
  const slackFetch = createSealingFetch(sealPolicy, pooledFetch);
  const bolt = new App({
    token: config.slack.botToken,
    receiver: ops.observe(
      createReceiver(config, { logger, store }, [...ops.routes, ...zoomEventsRoutes]),
    ),
    logger: toBoltLogger(logger),
    // No listener reads `context.conversation`: Bolt's default store would only cost every request.
    convoStore: false,
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      fetch: slackFetch,
      retryConfig: SLACK_RETRY_CONFIG,
      timeout: SLACK_TIMEOUT_MS,
    },
  });
  const resilientZoom = await createResilientZoom({
    policy: config.zoom.load,
    client: {
      baseUrl: config.zoom.apiBaseUrl,
      tokenProvider,
      clock,
      logger: logger.child({ component: 'zoom' }),
      observer: ops.zoomObserver,
      fetch: zoomFetch,
    },
    ...(config.store.redisUrl === undefined
      ? {}
      : { redis: { url: config.store.redisUrl, keyPrefix: config.store.redisKeyPrefix } }),
    store,
    clock,
    logger: logger.child({ component: 'zoom' }),
    metrics: ops.metrics,
  });
  const zoom = resilientZoom.zoom;
  const boundary = createWorkspaceBoundary({
    client: bolt.client,
    allowedTeamIds: config.slack.allowedTeamIds,
  });
  bolt.use(createTeamGuard({ boundary, logger, clock }));
  bolt.use(createSealGuard({ policy: sealPolicy, logger }));
  const inFlight = createInFlightTracker();
  bolt.use(inFlight.middleware);
  const people = createIdentityServices({
    store,
    slack: bolt.client,
    zoom,
    clock,
    logger,
    adminSlackUserIds: config.adminSlackUserIds,
    includeWorkspaceAdmins: config.adminsIncludeWorkspaceAdmins,
    auditRetentionDays: config.auditRetentionDays,
    pseudonymKey: appKeys.pseudonym,
    boundary,
  });
  const inboxSlack = createInboxSlack({
    token: config.slack.botToken,
    slackApiUrl: config.slack.apiUrl,
    fetch: slackFetch,
  });
  const activity = createTextActivityLog({
    store,
    clock,
    logger: logger.child({ component: 'inbox' }),
  });
  const ownLine = createOwnLine({ identities: people.identities, zoom });
  inbox = createInbox({
    store,
    zoom,
    slack: inboxSlack,
    audit: people.audit,
    activity,
    clock,
    logger,
    settings: {
      notifyDefault: config.inbox.notifyDefault,
      showText: config.inbox.showText,
      maskNumbersInChannels: config.share.maskNumbers,
      channelPostsPerSecond: config.inbox.channelPostsPerSecond,
    },
    metrics: ops.metrics,
  });
  const inboxWorker = inbox.worker;
  const inboxAdmin = createInboxAdmin({
    store,
    access: people.access,
    lines: createLineDirectory({ zoom, store }),
    slack: inboxSlack,
    audit: people.audit,
    clock,
    notifyDefault: config.inbox.notifyDefault,
  });
  bolt.use(zoomCallerMiddleware(people.access));
  const core = createSessionsCore({
    zoom,
    directory: people.directory,
    identities: people.identities,
    access: people.access,
    audit: people.audit,
    clock,
    maxRangeMonths: config.maxRangeMonths,
  });
  const features = createSessionFeatures({
    zoom,
    store,
    logger: logger.child({ component: 'features' }),
    sessions: core,
    access: people.access,
    identities: people.identities,
    audit: people.audit,
    share: config.share,
    exportMaxSessions: config.export.maxSessions,
  });
  const reply = createReplyCore({
    access: createReplyAccess({
      store,
      identities: people.identities,
      zoom,
      isChannelMember: createChannelMembership(bolt.client, logger.child({ component: 'reply' })),
      ownLine,
      activity,
    }),
    history: createReplyHistory(zoom, clock),
    zoom,
    store,
    audit: people.audit,
    clock,
    logger: logger.child({ component: 'reply' }),
    publish: createReplyPublisher(bolt.client, {
      showText: config.inbox.showText,
      now: () => clock.now(),
    }),
    activity,
    metrics: ops.metrics,
  });
  registerListeners(
    bolt,
    {
      reply,
      core,
      identity: people.identity,
      logger,
      clock,
      access: people.access,
      home: createHomeState({ store }),
      ...features,
      uploader: createFileUploader(bolt.client, pooledFetch),
      inbox: inboxAdmin,
      sealAck: <T>(surface: T): T => sealOutgoing(surface, sealPolicy) as T,
      unanswered: createUnanswered({
        ownLine,
        activity,
        zoom,
        logger: logger.child({ component: 'home' }),
      }),
    },
    { respond: createSealedRespond(sealPolicy, pooledFetch) },
  );
  bolt.error(async (error) => {
    reportOutcome('INTERNAL');
    logger.error({ err: error }, 'unhandled listener error');
  });

  return {
    bolt,
    start: async () => {
      await boundary.load().then(
        (workspace) => logger.info({ team: workspace.teamId }, 'serving this Slack workspace'),
        (error: unknown) =>
          logger.warn({ err: error }, 'auth.test failed at start: will ask again on each request'),
      );
      const server = await bolt.start(
        deps.host === undefined ? config.port : { port: config.port, host: deps.host },
        HTTP_SERVER_OPTIONS,
      );
      await ops.start();
      logger.info(
        { mode: config.slack.appToken === undefined ? 'http' : 'socket', port: config.port },
        'sms-sessions is running',
      );
      people.pruner.start();
      if (webhookSecretToken !== undefined) inboxWorker.start();
      return config.slack.appToken === undefined ? (server as Server) : undefined;
    },
    stop: () =>
      drainAndClose({
        stopIntake: () => bolt.stop(),
        refuseWaiting: () => resilientZoom.stopQueueing(),
        inFlight,
        drainTimeoutMs: config.shutdownTimeoutMs,
        close: [
          () => inboxWorker.stop(),
          () => ops.stop(),
          () => people.pruner.stop(),
          () => resilientZoom.close(),
          () => people.audit.close(),
          () => store.close(),
          () => pool.close(),
        ],
        logger,
      }),
  };
};
