import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import { type Logger, pino } from 'pino';

/**
 * The app's structured logger (pino). Every module takes one instead of importing a global, so
 * tests can pass `pino({ level: 'silent' })` or capture lines.
 */
export type AppLogger = Logger;

/**
 * Paths pino blanks wherever they appear: secrets must never reach the logs, even by accident.
 * https://getpino.io/#/docs/redaction
 */
export const REDACTED_PATHS = [
  'token',
  'accessToken',
  'access_token',
  'clientSecret',
  'signingSecret',
  'authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'req.headers.authorization',
];

/** JSON lines on stdout at the configured level. */
export const createLogger = (level: string, destination?: NodeJS.WritableStream): AppLogger =>
  pino(
    {
      level,
      base: { app: 'sms-sessions' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination ?? process.stdout,
  );

const describe = (parts: readonly unknown[]) =>
  parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');

/**
 * Bolt's logger interface, written as pino lines under `component: 'bolt'`. Bolt's debug level
 * prints whole Web API results (people's emails from `users.info`), so Bolt's debug output is
 * dropped whatever the app's level; its info, warn and error lines are kept.
 */
export const toBoltLogger = (logger: AppLogger): SlackLogger => {
  const bolt = logger.child({ component: 'bolt' });
  return {
    debug: () => {},
    info: (...parts) => bolt.info(describe(parts)),
    warn: (...parts) => bolt.warn(describe(parts)),
    error: (...parts) => bolt.error(describe(parts)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
};
