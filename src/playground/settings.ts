import { z } from 'zod';
import { portNumber } from '../config-schema.js';

/**
 * The playground's own environment. `PORT` (where the page listens) and `LOG_LEVEL` read as they
 * do for the app. The app's `ZOOM_*` variables, when the three credentials are set, switch from
 * the demo Zoom to real Zoom and are validated by the app's own schema. Slack variables are never
 * used: the playground is its own Slack. Empty values count as unset, as in `src/config.ts`.
 */
export const playgroundEnvSchema = z.object({
  PORT: portNumber,
  PLAYGROUND_HOST: z.string().default('127.0.0.1'),
  PLAYGROUND_ALLOW_SECRETS: z.stringbool({ error: 'must be true or false' }).default(false),
  PLAYGROUND_ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' })
    .default('warn'),
});

/**
 * A real Zoom Server-to-Server OAuth app, used instead of the demo Zoom when configured: every
 * `ZOOM_*` variable that was set, handed to the app's configuration as it is.
 */
export interface RealZoomSettings {
  readonly variables: Readonly<Record<string, string>>;
}

/** How to run the playground. */
export interface PlaygroundSettings {
  /** Where the page (and the playground's Slack) listens; 0 picks a free port. */
  readonly port: number;
  /** The interface to bind: loopback unless the visitor asks for another. */
  readonly host: string;
  readonly logLevel: z.output<typeof playgroundEnvSchema>['LOG_LEVEL'];
  /** Absent: the embedded demo Zoom. */
  readonly realZoom: RealZoomSettings | undefined;
  /** With real Zoom, the email the admin persona carries (a real Zoom user of that account). */
  readonly adminEmail: string | undefined;
}

/** Thrown when the environment does not allow a playground; the message names variables only. */
export class PlaygroundSettingsError extends Error {
  override readonly name = 'PlaygroundSettingsError';
}

/** Variables that carry the secrets of a real installation. */
export const PRODUCTION_SECRET_NAMES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'ZOOM_CLIENT_SECRET',
] as const;

const ZOOM_CREDENTIAL_NAMES = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'] as const;

/** Placeholders such as `.env.example`'s `xoxb-your-bot-token`, or anything marked demo. */
const DEMO_VALUE = /(?:^|[-_.])(?:demo|playground|example|your|placeholder|changeme)(?:[-_.]|$)/i;

const present = (env: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  ) as Record<string, string>;

/**
 * The names (never the values) of the variables in `env` that look like a real installation's
 * secrets: set, and not a placeholder. The playground refuses to start with any of them unless
 * `PLAYGROUND_ALLOW_SECRETS=true`, so a shell with production credentials loaded cannot wire
 * them into a demo by accident.
 */
export const productionSecretsIn = (env: Record<string, string | undefined>): string[] => {
  const set = present(env);
  return PRODUCTION_SECRET_NAMES.filter((name) => {
    const value = set[name];
    return value !== undefined && !DEMO_VALUE.test(value.trim());
  });
};

/**
 * Reads the playground's settings from an environment (tests pass plain objects).
 * @throws PlaygroundSettingsError naming every offending variable, or the production secrets
 *   found when they are not allowed.
 */
export const loadPlaygroundSettings = (
  env: Record<string, string | undefined>,
): PlaygroundSettings => {
  const set = present(env);
  const parsed = playgroundEnvSchema.safeParse(set);
  if (!parsed.success) {
    throw new PlaygroundSettingsError(
      `Invalid playground configuration:\n${z.prettifyError(parsed.error)}`,
    );
  }
  const e = parsed.data;
  const secrets = productionSecretsIn(set);
  if (secrets.length > 0 && !e.PLAYGROUND_ALLOW_SECRETS) {
    throw new PlaygroundSettingsError(
      `The playground will not start with production secrets in the environment: ${secrets.join(', ')}.\n` +
        'Unset them (the playground is its own Slack and brings its own demo Zoom), or set ' +
        'PLAYGROUND_ALLOW_SECRETS=true to try it against the real Zoom account they belong to.',
    );
  }
  const zoomSet = ZOOM_CREDENTIAL_NAMES.filter((name) => set[name] !== undefined);
  if (zoomSet.length > 0 && zoomSet.length < ZOOM_CREDENTIAL_NAMES.length) {
    const missing = ZOOM_CREDENTIAL_NAMES.filter((name) => set[name] === undefined);
    throw new PlaygroundSettingsError(
      `Real Zoom needs all three credentials; missing ${missing.join(', ')}. ` +
        'Unset the others to use the demo Zoom.',
    );
  }
  const realZoom =
    zoomSet.length === ZOOM_CREDENTIAL_NAMES.length
      ? {
          variables: Object.fromEntries(
            Object.entries(set).filter(([name]) => name.startsWith('ZOOM_')),
          ),
        }
      : undefined;
  return {
    port: e.PORT,
    host: e.PLAYGROUND_HOST,
    logLevel: e.LOG_LEVEL,
    realZoom,
    adminEmail: e.PLAYGROUND_ADMIN_EMAIL,
  };
};
