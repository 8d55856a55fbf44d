import { z } from 'zod';
import { RANGE_MONTHS_LIMIT } from './query/types.js';

/** A comma-separated list of Slack ids, each held to `pattern`; empty when unset. */
const slackIdList = (pattern: RegExp, error: string) =>
  z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0),
    )
    .pipe(z.array(z.string().regex(pattern, { error })));

const slackUserIds = slackIdList(
  /^[UW][A-Z0-9]{2,}$/,
  'must be comma-separated Slack user ids such as U012ABCDEF',
);

const appSecret = z.string().min(32, {
  error: 'must be at least 32 random characters (e.g. the output of `openssl rand -hex 32`)',
});

const wholeNumber = (unit: string, min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number of ${unit}` })
    .int({ error: `must be a whole number of ${unit}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const percent = z.coerce
  .number({ error: 'must be a percentage (a number from 0.01 to 100)' })
  .min(0.01, { error: 'must be at least 0.01 (percent)' })
  .max(100, { error: 'must be at most 100 (percent)' });

/** `PORT`: where the app (or the playground) listens, 3000 unless set. */
export const portNumber = z.coerce
  .number({ error: 'must be a port number' })
  .int()
  .min(0)
  .max(65535, { error: 'must be a port number (0–65535)' })
  .default(3000);

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
  SLACK_ALLOWED_TEAM_IDS: slackIdList(
    /^[TE][A-Z0-9]{2,}$/,
    'must be comma-separated Slack team ids (T…) or organization ids (E…)',
  ),
  ZOOM_ACCOUNT_ID: z.string({
    error: 'is required: the Account ID of the Zoom Server-to-Server OAuth app',
  }),
  ZOOM_CLIENT_ID: z.string({
    error: 'is required: the Client ID of the Zoom Server-to-Server OAuth app',
  }),
  ZOOM_CLIENT_SECRET: z.string({
    error: 'is required: the Client Secret of the Zoom Server-to-Server OAuth app',
  }),
  ZOOM_CLOUD: z
    .enum(['commercial', 'gov'], { error: 'must be commercial or gov (Zoom for Government)' })
    .default('commercial'),
  ZOOM_API_BASE_URL: z.url({ error: 'must be a URL' }).optional(),
  ZOOM_OAUTH_TOKEN_URL: z.url({ error: 'must be a URL' }).optional(),
  ZOOM_RATE_LIMIT_PER_SECOND: wholeNumber(
    'requests a second (0: no limit, loopback Zoom only)',
    0,
    100,
  ).default(5),
  ZOOM_DAILY_LIMIT: wholeNumber('requests a day', 1, 10_000_000).default(15_000),
  ZOOM_USER_BURST: wholeNumber('requests', 1, 10_000).default(20),
  ZOOM_USER_PER_MINUTE: wholeNumber('requests a minute', 1, 60_000).default(30),
  ZOOM_USER_DAILY_SHARE: percent.default(5),
  ZOOM_ADMIN_DAILY_SHARE: percent.default(25),
  ZOOM_TIMEOUT_MS: wholeNumber('milliseconds', 100, 120_000).default(8_000),
  ZOOM_CACHE_TTL_SECONDS: wholeNumber('seconds (0 turns the cache off)', 0, 600).default(30),
  ZOOM_TIME_BUDGET_SECONDS: wholeNumber('seconds', 5, 1_500).default(120),
  SHUTDOWN_TIMEOUT_SECONDS: wholeNumber('seconds', 1, 600).default(10),
  ADMIN_SLACK_USER_IDS: slackUserIds,
  ADMINS_INCLUDE_WORKSPACE_ADMINS: z.stringbool({ error: 'must be true or false' }).default(false),
  AUDIT_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1 day' })
    .max(3650, { error: 'must be at most 3650 days (ten years)' })
    .default(90),
  PORT: portNumber,
  DATABASE_PATH: z.string().default('./data/sms-sessions.db'),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, {
      error: 'must be 1–64 letters, digits, or _ : . - (e.g. sms-sessions-prod:)',
    })
    .optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' })
    .default('info'),
  LOG_PHONE_NUMBERS: z.stringbool({ error: 'must be true or false' }).default(false),
  METRICS_ENABLED: z.stringbool({ error: 'must be true or false' }).default(false),
  METRICS_PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int()
    .min(1)
    .max(65535, { error: 'must be a port number (1–65535)' })
    .optional(),
  SHARE_ENABLED: z.stringbool({ error: 'must be true or false' }).default(true),
  SHARE_MASK_NUMBERS: z.stringbool({ error: 'must be true or false' }).default(true),
  EXPORT_MAX_SESSIONS: wholeNumber('sessions', 1, 20_000).default(2000),
  MAX_RANGE_MONTHS: wholeNumber('months', 1, RANGE_MONTHS_LIMIT).default(12),
  ZOOM_WEBHOOK_SECRET_TOKEN: z
    .string()
    .min(8, { error: 'must be the Secret Token of the Zoom app (Features → Access)' })
    .optional(),
  NOTIFY_DEFAULT: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
  NOTIFY_SHOW_TEXT: z.stringbool({ error: 'must be true or false' }).default(true),
  INBOX_CHANNEL_POSTS_PER_SECOND: wholeNumber('posts a second', 1, 50).default(1),
  APP_SECRET: appSecret.optional(),
  APP_SECRET_PREVIOUS: appSecret.optional(),
});
