import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import {
  type Bindings,
  type ChildLoggerOptions,
  type DestinationStream,
  type LogFn,
  type Logger,
  pino,
} from 'pino';
import pinoPretty from 'pino-pretty';
import type { Config } from './config.js';
import { createLogRedactor, type LogRedactor } from './ops/log-redaction.js';
import { currentRequest } from './ops/request-context.js';

/**
 * The app's structured logger (pino). Every module takes one instead of importing a global, so
 * tests can pass `createLogger('silent')` or capture lines.
 */
export type AppLogger = Logger;

/** How {@link createLogger} writes. */
export interface LoggerOptions {
  /** `debug`, `info`, `warn`, `error` or `silent`. */
  readonly level: string;
  /** Where JSON lines go; stdout when absent. */
  readonly destination?: NodeJS.WritableStream;
  /** Human-readable lines instead of JSON; by default only when writing to a terminal. */
  readonly pretty?: boolean;
  /** Keep phone numbers readable (`LOG_PHONE_NUMBERS=true`); masked otherwise. */
  readonly logPhoneNumbers?: boolean;
  /** Configured secret values, redacted wherever they appear. */
  readonly secrets?: readonly string[];
}

const redisPassword = (url: string | undefined) =>
  url === undefined ? undefined : decodeURIComponent(new URL(url).password);

/**
 * The logger options a configuration asks for: its level, its phone-number choice and every
 * secret it holds, so a secret is redacted even where nothing else would recognise it.
 */
export const loggerOptionsFor = (config: Config): LoggerOptions => ({
  level: config.logLevel,
  logPhoneNumbers: config.logPhoneNumbers,
  secrets: [
    config.slack.botToken,
    config.slack.signingSecret,
    config.slack.appToken,
    config.zoom.clientSecret,
    redisPassword(config.store.redisUrl),
  ].filter((secret): secret is string => secret !== undefined && secret !== ''),
});

/**
 * The arguments of one log call, made safe: an error first argument becomes an `err` field (and
 * the message, as pino does), objects are redacted, strings scrubbed.
 */
const redactArgs = (args: Parameters<LogFn>, redact: LogRedactor): Parameters<LogFn> => {
  const [first, ...rest] = args as unknown[];
  if (first instanceof Error) {
    const message = rest.length === 0 ? [first.message] : rest;
    return [
      { err: redact.value(first) },
      ...message.map((arg) => redact.value(arg)),
    ] as Parameters<LogFn>;
  }
  return args.map((arg) => redact.value(arg)) as Parameters<LogFn>;
};

const destinationFor = (options: LoggerOptions): DestinationStream => {
  const out = options.destination ?? process.stdout;
  const pretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY);
  if (!pretty) return out as DestinationStream;
  return pinoPretty({ destination: out, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
};

/**
 * JSON lines (one object a line, as log shippers expect) at the configured level, pretty when
 * stdout is a terminal. Everything logged — fields, messages, child bindings, errors — passes
 * through one redactor first: secrets are redacted and phone numbers masked at every level.
 * Lines written while a Slack request is handled carry its `requestId`.
 * https://getpino.io/#/docs/api?id=hooks-object
 */
export const createLogger = (
  levelOrOptions: string | LoggerOptions,
  destination?: NodeJS.WritableStream,
): AppLogger => {
  const options: LoggerOptions =
    typeof levelOrOptions === 'string'
      ? { level: levelOrOptions, ...(destination === undefined ? {} : { destination }) }
      : levelOrOptions;
  const redact = createLogRedactor(options);
  const logger = pino(
    {
      level: options.level,
      base: { app: 'sms-sessions' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, redactArgs(args, redact));
        },
      },
      // The redactor has already made errors plain; pino's own serializer would rename them.
      serializers: { err: (err: unknown) => err },
      mixin: () => {
        const request = currentRequest();
        return request === undefined ? {} : { requestId: request.requestId };
      },
    },
    destinationFor(options),
  );
  const child = logger.child;
  // pino applies no formatter to a child's bindings; children inherit this method from the root.
  logger.child = function <L extends string = never>(
    this: AppLogger,
    bindings: Bindings,
    childOptions?: ChildLoggerOptions<L>,
  ) {
    return child.call<AppLogger, [Bindings, ChildLoggerOptions<L>?], Logger<L>>(
      this,
      redact.value(bindings) as Bindings,
      childOptions,
    );
  };
  return logger;
};

const toLine = (parts: readonly unknown[]): [Record<string, unknown>, string] => {
  const error = parts.find((part) => part instanceof Error);
  const others = parts.filter(
    (part) => typeof part === 'object' && part !== null && part !== error,
  );
  const text = parts
    .filter((part) => typeof part !== 'object' || part === null || part === error)
    .map((part) => (part instanceof Error ? part.message : String(part)))
    .join(' ');
  return [
    {
      ...(error === undefined ? {} : { err: error }),
      ...(others.length ? { details: others } : {}),
    },
    text,
  ];
};

/**
 * Bolt's logger interface, written as pino lines under `component: 'bolt'`. Bolt's debug level
 * prints whole Web API results (people's emails from `users.info`), so Bolt's debug output is
 * dropped whatever the app's level; its info, warn and error lines are kept, redacted like ours.
 * https://docs.slack.dev/tools/bolt-js/concepts/logging
 */
export const toBoltLogger = (logger: AppLogger): SlackLogger => {
  const bolt = logger.child({ component: 'bolt' });
  return {
    debug: () => {},
    info: (...parts) => bolt.info(...toLine(parts)),
    warn: (...parts) => bolt.warn(...toLine(parts)),
    error: (...parts) => bolt.error(...toLine(parts)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
};
