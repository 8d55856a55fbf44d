import { z } from 'zod';

const slackUserIds = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  )
  .pipe(
    z.array(
      z.string().regex(/^[UW][A-Z0-9]{2,}$/, {
        error: 'must be comma-separated Slack user ids such as U012ABCDEF',
      }),
    ),
  );

/**
 * The environment the app reads, as one zod schema. Names and defaults are a contract with
 * deployments and the README's table (a test keeps them in step). Empty strings count as unset,
 * so a `.env` line such as `SLACK_APP_TOKEN=` does not switch modes by accident.
 */
export const configSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required: the bot token (xoxb-…) from OAuth & Permissions' })
    .startsWith('xoxb-', { error: 'must be a bot token starting with xoxb-' }),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z
    .string()
    .startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' })
    .optional(),
  SLACK_API_URL: z.url({ error: 'must be a URL' }).default('https://slack.com/api/'),
  ZOOM_ACCOUNT_ID: z.string({
    error: 'is required: the Account ID of the Zoom Server-to-Server OAuth app',
  }),
  ZOOM_CLIENT_ID: z.string({
    error: 'is required: the Client ID of the Zoom Server-to-Server OAuth app',
  }),
  ZOOM_CLIENT_SECRET: z.string({
    error: 'is required: the Client Secret of the Zoom Server-to-Server OAuth app',
  }),
  ZOOM_API_BASE_URL: z.url({ error: 'must be a URL' }).default('https://api.zoom.us/v2'),
  ZOOM_OAUTH_TOKEN_URL: z.url({ error: 'must be a URL' }).default('https://zoom.us/oauth/token'),
  ADMIN_SLACK_USER_IDS: slackUserIds,
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int()
    .min(0)
    .max(65535, { error: 'must be a port number (0–65535)' })
    .default(3000),
  DATABASE_PATH: z.string().default('./data/sms-sessions.db'),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' })
    .default('info'),
});

const SIGNING_SECRET_REQUIRED =
  'is required in HTTP mode: the Signing Secret from Basic Information (or set SLACK_APP_TOKEN for Socket Mode)';

type Env = z.output<typeof configSchema>;

/** The typed configuration every other module receives; nothing else reads `process.env`. */
export interface Config {
  readonly slack: {
    readonly botToken: string;
    readonly signingSecret: string | undefined;
    readonly appToken: string | undefined;
    readonly apiUrl: string;
  };
  readonly zoom: {
    readonly accountId: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly apiBaseUrl: string;
    readonly oauthTokenUrl: string;
  };
  readonly adminSlackUserIds: readonly string[];
  readonly store: { readonly databasePath: string; readonly redisUrl: string | undefined };
  readonly port: number;
  readonly logLevel: Env['LOG_LEVEL'];
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
    },
    zoom: {
      accountId: e.ZOOM_ACCOUNT_ID,
      clientId: e.ZOOM_CLIENT_ID,
      clientSecret: e.ZOOM_CLIENT_SECRET,
      apiBaseUrl: e.ZOOM_API_BASE_URL.replace(/\/+$/, ''),
      oauthTokenUrl: e.ZOOM_OAUTH_TOKEN_URL,
    },
    adminSlackUserIds: e.ADMIN_SLACK_USER_IDS,
    store: { databasePath: e.DATABASE_PATH, redisUrl: e.REDIS_URL },
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
  };
};
