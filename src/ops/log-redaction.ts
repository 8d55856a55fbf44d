import { maskPhoneNumbers } from './phone-mask.js';

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

/** How deep a logged object is walked; anything deeper is replaced, never printed raw. */
export const MAX_LOG_DEPTH = 8;

/** How many entries of an array are kept; logs are for diagnosis, not for data. */
export const MAX_LOG_ARRAY_ITEMS = 50;

/**
 * Keys whose values are secrets wherever they appear (`access_token`, `clientSecret`,
 * `Authorization`, `x-slack-signature`, `cookie`, …), at any depth, in any case.
 */
const SECRET_KEY = /token|secret|passw|authorization|cookie|signature|credential|api[-_]?key/i;

/** Secrets recognisable by their shape, inside any text (messages, stacks, URLs). */
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g, REDACTED],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, REDACTED],
];

/** Fields of an error's `data` worth keeping: Slack's error code and the scopes it names. */
const ERROR_DATA_KEYS = ['error', 'needed', 'provided'] as const;

/** Fields of an `AppError`'s detail worth keeping; the rest may be what a person typed. */
const ERROR_DETAIL_KEYS = ['reason', 'option', 'status', 'zoomCode', 'scopes', 'retryAfterMs'];

/** What {@link createLogRedactor} needs. */
export interface LogRedactionOptions {
  /** Keep phone numbers readable (`LOG_PHONE_NUMBERS=true`); masked otherwise. */
  readonly logPhoneNumbers?: boolean;
  /** Configured secret values, replaced wherever they appear, whatever their shape. */
  readonly secrets?: readonly string[];
}

/** Turns anything about to be logged into something safe to log. */
export interface LogRedactor {
  /** A copy of `value` with secrets redacted, phone numbers masked and errors made plain. */
  value(value: unknown): unknown;
  /** `text` with secrets redacted and phone numbers masked. */
  text(text: string): string;
}

type ErrorLike = Error & Record<string, unknown>;

const isErrorLike = (value: unknown): value is ErrorLike =>
  value instanceof Error ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string' &&
    typeof (value as { stack?: unknown }).stack === 'string');

const pick = (source: unknown, keys: readonly string[]): Record<string, unknown> | undefined => {
  if (typeof source !== 'object' || source === null) return undefined;
  const picked = Object.fromEntries(
    keys
      .map((key) => [key, (source as Record<string, unknown>)[key]] as const)
      .filter(([, value]) => value !== undefined),
  );
  return Object.keys(picked).length === 0 ? undefined : picked;
};

/** Secrets shorter than this are not searched for in text: they would match ordinary words. */
const MIN_SECRET_LENGTH = 6;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds the one place where log data is made safe. Keys are matched by name, text by shape
 * (Slack `xox…-`/`xapp-` tokens, `Bearer`/`Basic` credentials, JWTs) and by the configured
 * values, and errors are reduced to type, message, stack, code, status and cause: the errors of
 * the Slack SDK, axios and ofetch carry the request (headers with the token) and the response.
 * https://getpino.io/#/docs/redaction
 */
export const createLogRedactor = (options: LogRedactionOptions = {}): LogRedactor => {
  const known = (options.secrets ?? []).filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  const knownPattern =
    known.length === 0 ? undefined : new RegExp(known.map(escapeRegExp).join('|'), 'g');

  const text = (input: string): string => {
    let out = knownPattern === undefined ? input : input.replace(knownPattern, REDACTED);
    for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
    return options.logPhoneNumbers === true ? out : maskPhoneNumbers(out);
  };

  const walk = (input: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof input === 'string') return text(input);
    if (typeof input === 'bigint') return input.toString();
    if (typeof input === 'function' || typeof input === 'symbol') return undefined;
    if (typeof input !== 'object' || input === null) return input;
    if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.toISOString();
    if (ArrayBuffer.isView(input)) return `[${input.byteLength} bytes]`;
    if (depth >= MAX_LOG_DEPTH) return '[too deep]';
    if (seen.has(input)) return '[circular]';
    seen.add(input);
    try {
      if (isErrorLike(input)) return error(input, depth, seen);
      if (Array.isArray(input)) {
        return input.slice(0, MAX_LOG_ARRAY_ITEMS).map((item) => walk(item, depth + 1, seen));
      }
      const out: Record<string, unknown> = {};
      const record = input as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        out[key] = SECRET_KEY.test(key) ? REDACTED : walk(record[key], depth + 1, seen);
      }
      return out;
    } finally {
      seen.delete(input);
    }
  };

  const error = (input: ErrorLike, depth: number, seen: WeakSet<object>) => {
    const status = input.status ?? input.statusCode;
    const out: Record<string, unknown> = {
      type: input.name,
      message: text(input.message),
      stack: typeof input.stack === 'string' ? text(input.stack) : undefined,
      code:
        typeof input.code === 'string' || typeof input.code === 'number' ? input.code : undefined,
      status: typeof status === 'number' ? status : undefined,
      data: walk(pick(input.data, ERROR_DATA_KEYS), depth + 1, seen),
      detail: walk(pick(input.detail, ERROR_DETAIL_KEYS), depth + 1, seen),
      errors: Array.isArray(input.errors) ? walk(input.errors, depth + 1, seen) : undefined,
      cause: input.cause === undefined ? undefined : walk(input.cause, depth + 1, seen),
    };
    return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
  };

  return { value: (input) => walk(input, 0, new WeakSet()), text };
};
