import { z } from 'zod';
import { configSchema } from './config-schema.js';

/**
 * Where each Zoom cloud answers: Zoom for Government accounts live on their own hosts
 * (`api.zoomgov.com`, `zoomgov.com/oauth/token`), and a token from one cloud is refused by the
 * other. https://developers.zoom.us/docs/api/using-zoom-apis/
 */
export const ZOOM_CLOUDS = {
  commercial: {
    apiBaseUrl: 'https://api.zoom.us/v2',
    oauthTokenUrl: 'https://zoom.us/oauth/token',
  },
  gov: {
    apiBaseUrl: 'https://api.zoomgov.com/v2',
    oauthTokenUrl: 'https://zoomgov.com/oauth/token',
  },
} as const;

const SIGNING_SECRET_REQUIRED =
  'is required in HTTP mode: the Signing Secret from Basic Information (or set SLACK_APP_TOKEN for Socket Mode)';

const NO_LIMIT_NEEDS_LOOPBACK =
  'may be 0 (no client-side limit) only when ZOOM_API_BASE_URL is a loopback address (a fake Zoom for tests and benchmarks): a real Zoom account allows 5 or 10 requests a second';

/**
 * Whether `url` points at this machine (`localhost`, `127.0.0.0/8`, `::1`): the only Zoom the
 * client-side rate limit may be lifted for.
 */
export const isLoopbackUrl = (url: string): boolean => {
  const { hostname } = new URL(url);
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
};

type Env = z.output<typeof configSchema>;

/** The typed configuration every other module receives; nothing else reads `process.env`. */
export interface Config {
  readonly slack: {
    readonly botToken: string;
    readonly signingSecret: string | undefined;
    readonly appToken: string | undefined;
    readonly apiUrl: string;
    /**
     * Teams (`T…`) or organizations (`E…`) served besides the installation's own, which the app
     * learns from `auth.test` (`SLACK_ALLOWED_TEAM_IDS`).
     */
    readonly allowedTeamIds: readonly string[];
  };
  readonly zoom: {
    /** Which Zoom the URLs default to (`ZOOM_CLOUD`). */
    readonly cloud: Env['ZOOM_CLOUD'];
    readonly accountId: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly apiBaseUrl: string;
    /** Whether `ZOOM_API_BASE_URL` was set (a proxy, a test double) rather than taken from the cloud. */
    readonly apiBaseUrlExplicit: boolean;
    readonly oauthTokenUrl: string;
    /** How the app spends the account's Zoom budget (src/zoom/resilient-zoom.ts). */
    readonly load: {
      /** `ZOOM_RATE_LIMIT_PER_SECOND`, shared by every replica; `0`: none (loopback Zoom only). */
      readonly ratePerSecond: number;
      /** `ZOOM_DAILY_LIMIT`, per UTC day, shared by every replica. */
      readonly dailyLimit: number;
      /** `ZOOM_TIMEOUT_MS`: one attempt. */
      readonly timeoutMs: number;
      /** One person's allowance (src/zoom/person-allowance.ts). */
      readonly person: {
        /** `ZOOM_USER_BURST`: requests one person may start at once. */
        readonly burst: number;
        /** `ZOOM_USER_PER_MINUTE`: requests one person may start a minute, on average. */
        readonly perMinute: number;
        /** `ZOOM_USER_DAILY_SHARE`: percent of `ZOOM_DAILY_LIMIT` one person may spend a day. */
        readonly dailySharePercent: number;
        /** `ZOOM_ADMIN_DAILY_SHARE`: the same for admins of the app. */
        readonly adminDailySharePercent: number;
      };
      /** `ZOOM_CACHE_TTL_SECONDS`; `0` turns the cache off. */
      readonly cacheTtlSeconds: number;
      /** `ZOOM_TIME_BUDGET_SECONDS`: one request, waiting its turn and retries included. */
      readonly timeBudgetSeconds: number;
    };
  };
  readonly adminSlackUserIds: readonly string[];
  /** Slack workspace admins and owners are admins of the app too (`ADMINS_INCLUDE_WORKSPACE_ADMINS`). */
  readonly adminsIncludeWorkspaceAdmins: boolean;
  /** Days the audit trail keeps an entry (`AUDIT_RETENTION_DAYS`). */
  readonly auditRetentionDays: number;
  readonly store: {
    readonly databasePath: string;
    readonly redisUrl: string | undefined;
    /** Prefix of every Redis key, so deployments can share a server; the store's default when unset. */
    readonly redisKeyPrefix: string | undefined;
  };
  readonly port: number;
  readonly logLevel: Env['LOG_LEVEL'];
  /** Phone numbers appear in logs as written, instead of masked. */
  readonly logPhoneNumbers: boolean;
  /** `/metrics` is served only when enabled: on `port` when set, else on the app's port. */
  readonly metrics: { readonly enabled: boolean; readonly port: number | undefined };
  /** How long SIGTERM waits for work in flight before closing anyway (`SHUTDOWN_TIMEOUT_SECONDS`). */
  readonly shutdownTimeoutMs: number;
  /** Share to channel: offered at all (`SHARE_ENABLED`), numbers masked (`SHARE_MASK_NUMBERS`). */
  readonly share: { readonly enabled: boolean; readonly maskNumbers: boolean };
  /** Export CSV: the most sessions one file holds (`EXPORT_MAX_SESSIONS`). */
  readonly export: { readonly maxSessions: number };
  /** The longest range one listing may cover, in calendar months (`MAX_RANGE_MONTHS`). */
  readonly maxRangeMonths: number;
  /** The SMS inbox: texts Zoom reports, delivered to Slack. */
  readonly inbox: {
    /** `ZOOM_WEBHOOK_SECRET_TOKEN`; `POST /zoom/events` is served only when set. */
    readonly webhookSecretToken: string | undefined;
    /** `NOTIFY_DEFAULT`: direct messages for people who never chose. */
    readonly notifyDefault: boolean;
    /** `NOTIFY_SHOW_TEXT`: the text itself in Slack, or only who wrote. */
    readonly showText: boolean;
    /** `INBOX_CHANNEL_POSTS_PER_SECOND`: the pace of posts to one channel. */
    readonly channelPostsPerSecond: number;
  };
  /**
   * The deployment secret the app derives its own keys from (src/keys/app-keys.ts): `APP_SECRET`,
   * or, when unset, `ZOOM_CLIENT_SECRET` (then rotating the Zoom secret rotates these keys too);
   * `previous` is `APP_SECRET_PREVIOUS`, still accepted for button values during a rotation.
   */
  readonly appSecret: { readonly current: string; readonly previous: string | undefined };
}

/** Thrown when the environment does not describe a runnable app; the message names every problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const withoutEmptyValues = (env: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );

/**
 * Reads the configuration from an environment (probot's `create-probot.ts` habit: tests pass plain
 * objects). Fails fast with one message naming every offending variable and what it expects —
 * never its value, since most of them are secrets.
 * @throws ConfigError
 */
export const loadConfig = (env: Record<string, string | undefined>): Config => {
  const present = withoutEmptyValues(env);
  const parsed = configSchema.safeParse(present);
  const problems = parsed.success ? [] : [z.prettifyError(parsed.error)];
  if (present.SLACK_APP_TOKEN === undefined && present.SLACK_SIGNING_SECRET === undefined) {
    problems.push(`✖ ${SIGNING_SECRET_REQUIRED}\n  → at SLACK_SIGNING_SECRET`);
  }
  if (parsed.success && parsed.data.ZOOM_RATE_LIMIT_PER_SECOND === 0) {
    const apiBaseUrl =
      parsed.data.ZOOM_API_BASE_URL ?? ZOOM_CLOUDS[parsed.data.ZOOM_CLOUD].apiBaseUrl;
    if (!isLoopbackUrl(apiBaseUrl))
      problems.push(`✖ ${NO_LIMIT_NEEDS_LOOPBACK}\n  → at ZOOM_RATE_LIMIT_PER_SECOND`);
  }
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      allowedTeamIds: e.SLACK_ALLOWED_TEAM_IDS,
    },
    zoom: {
      cloud: e.ZOOM_CLOUD,
      accountId: e.ZOOM_ACCOUNT_ID,
      clientId: e.ZOOM_CLIENT_ID,
      clientSecret: e.ZOOM_CLIENT_SECRET,
      apiBaseUrl: (e.ZOOM_API_BASE_URL ?? ZOOM_CLOUDS[e.ZOOM_CLOUD].apiBaseUrl).replace(/\/+$/, ''),
      apiBaseUrlExplicit: e.ZOOM_API_BASE_URL !== undefined,
      oauthTokenUrl: e.ZOOM_OAUTH_TOKEN_URL ?? ZOOM_CLOUDS[e.ZOOM_CLOUD].oauthTokenUrl,
      load: {
        ratePerSecond: e.ZOOM_RATE_LIMIT_PER_SECOND,
        dailyLimit: e.ZOOM_DAILY_LIMIT,
        timeoutMs: e.ZOOM_TIMEOUT_MS,
        person: {
          burst: e.ZOOM_USER_BURST,
          perMinute: e.ZOOM_USER_PER_MINUTE,
          dailySharePercent: e.ZOOM_USER_DAILY_SHARE,
          adminDailySharePercent: e.ZOOM_ADMIN_DAILY_SHARE,
        },
        cacheTtlSeconds: e.ZOOM_CACHE_TTL_SECONDS,
        timeBudgetSeconds: e.ZOOM_TIME_BUDGET_SECONDS,
      },
    },
    adminSlackUserIds: e.ADMIN_SLACK_USER_IDS,
    adminsIncludeWorkspaceAdmins: e.ADMINS_INCLUDE_WORKSPACE_ADMINS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    store: {
      databasePath: e.DATABASE_PATH,
      redisUrl: e.REDIS_URL,
      redisKeyPrefix: e.REDIS_KEY_PREFIX,
    },
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    logPhoneNumbers: e.LOG_PHONE_NUMBERS,
    metrics: { enabled: e.METRICS_ENABLED, port: e.METRICS_PORT },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    share: { enabled: e.SHARE_ENABLED, maskNumbers: e.SHARE_MASK_NUMBERS },
    export: { maxSessions: e.EXPORT_MAX_SESSIONS },
    maxRangeMonths: e.MAX_RANGE_MONTHS,
    inbox: {
      webhookSecretToken: e.ZOOM_WEBHOOK_SECRET_TOKEN,
      notifyDefault: e.NOTIFY_DEFAULT === 'on',
      showText: e.NOTIFY_SHOW_TEXT,
      channelPostsPerSecond: e.INBOX_CHANNEL_POSTS_PER_SECOND,
    },
    appSecret: {
      current: e.APP_SECRET ?? `zoom-client-secret:${e.ZOOM_CLIENT_SECRET}`,
      previous: e.APP_SECRET_PREVIOUS,
    },
  };
};
