import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Clock } from '../clock.js';
import type { AppLogger } from '../logger.js';
import type { Store } from '../store/types.js';
import { type BodyBudget, declaredLength, readBody } from './body.js';
import { createRefusalLog, type RefusalReason, refuse } from './refuse.js';

/**
 * How far a request's `x-slack-request-timestamp` may be from now, either way. Slack's own rule
 * (Bolt checks only the past; a request stamped in the future must be refused too).
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export const SLACK_TIMESTAMP_SKEW_S = 5 * 60;

/**
 * The largest body a Slack request may have. Slack's largest payloads are interactions from a
 * modal, which carry the whole view (`block_actions` inside it, `view_submission`): at most 100
 * blocks, each text at most 3,000 characters. The app's largest modal (a conversation page whose
 * every text is at its cut and written in three-byte characters, form-encoded as Slack sends it)
 * comes to about 0.9 MB, half of this; test/security/slack-door-body.test.ts measures it.
 */
export const SLACK_BODY_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Bodies read at once, all requests together (see {@link BodyBudget}): a dozen of the largest,
 * hundreds of ordinary ones (a command is under 1 KB, a click from a message a few KB).
 */
export const BODIES_IN_FLIGHT_MAX_BYTES = 12 * SLACK_BODY_MAX_BYTES;

/** An `ssl_check` is tiny (`ssl_check=1&token=…`) and the only request Slack sends unsigned. */
const SSL_CHECK_MAX_BYTES = 256;

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

/** What {@link createSlackDoor} needs. */
export interface SlackDoorDeps {
  readonly signingSecret: string;
  /** Where Slack posts (Bolt's `endpoints`). */
  readonly paths: readonly string[];
  /**
   * The wall clock Slack stamps requests by (`x-slack-request-timestamp`): the system clock in
   * the app, whatever calendar the rest of the app is given.
   */
  readonly clock: Clock;
  /** Remembers which signed requests were processed, across replicas ({@link Store.claimOnce}). */
  readonly store: Pick<Store, 'claimOnce'>;
  readonly budget: BodyBudget;
  readonly logger: AppLogger;
  readonly maxBodyBytes?: number;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

const signatureMatches = (secret: string, timestamp: string, body: Buffer, signature: string) => {
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signature.slice(3), 'hex'));
};

/**
 * Slack's door, in front of Bolt's HTTP receiver: every `POST` to Slack's endpoint is checked
 * before Bolt sees it, in the order that costs the least first.
 *
 * 1. Without both `x-slack-signature` and `x-slack-request-timestamp`, or with a timestamp more
 *    than {@link SLACK_TIMESTAMP_SKEW_S} from now (past or future), it is refused before one byte
 *    of its body is read (401) — except Slack's unsigned `ssl_check`, read only when tiny.
 * 2. A body declared or found larger than {@link SLACK_BODY_MAX_BYTES} is refused (413), and no
 *    body is read while all bodies being read already hold the budget (503).
 * 3. The signature is checked on the bytes read (401), then the request is claimed in the store
 *    under its `(timestamp, signature)` for as long as that timestamp stays acceptable: an exact
 *    replay, on this replica or another, is refused (409).
 *
 * Every refusal closes the connection. What passes reaches `next` with its body already read
 * (`rawBody`, which Bolt's receiver reads instead of the stream).
 */
export const createSlackDoor = (deps: SlackDoorDeps, next: RequestListener): RequestListener => {
  const maxBodyBytes = deps.maxBodyBytes ?? SLACK_BODY_MAX_BYTES;
  const logRefusal = createRefusalLog(deps.logger.child({ component: 'door' }), deps.clock);
  const paths = new Set(deps.paths);

  const turnAway = (res: ServerResponse, reason: RefusalReason, path: string) => {
    logRefusal(reason, path);
    refuse(res, reason);
  };

  const sslCheck = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const length = declaredLength(req);
    const form = header(req, 'content-type') === 'application/x-www-form-urlencoded';
    if (!form || length === undefined || !(length <= SSL_CHECK_MAX_BYTES)) {
      return turnAway(res, 'unsigned', path);
    }
    const read = await readBody(req, SSL_CHECK_MAX_BYTES);
    if (read.ok && new URLSearchParams(read.body.toString('utf8')).get('ssl_check') === '1') {
      res.writeHead(200).end();
      return;
    }
    turnAway(res, 'unsigned', path);
  };

  const admit = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const signature = header(req, 'x-slack-signature');
    const timestamp = header(req, 'x-slack-request-timestamp');
    if (signature === undefined && timestamp === undefined) return sslCheck(req, res, path);
    if (signature === undefined || timestamp === undefined) {
      return turnAway(res, 'unsigned', path);
    }
    if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) {
      return turnAway(res, 'malformed-signature', path);
    }
    const nowMs = deps.clock.now().getTime();
    const skewS = Number(timestamp) - nowMs / 1000;
    if (skewS < -SLACK_TIMESTAMP_SKEW_S) return turnAway(res, 'stale-timestamp', path);
    if (skewS > SLACK_TIMESTAMP_SKEW_S) return turnAway(res, 'future-timestamp', path);

    const length = declaredLength(req);
    if (length !== undefined && !(length <= maxBodyBytes)) {
      return turnAway(res, 'body-too-large', path);
    }
    const reserved = length ?? maxBodyBytes;
    if (!deps.budget.reserve(reserved)) return turnAway(res, 'busy', path);
    let read: Awaited<ReturnType<typeof readBody>>;
    try {
      read = await readBody(req, maxBodyBytes);
    } finally {
      deps.budget.release(reserved);
    }
    if (!read.ok) {
      return turnAway(res, read.reason === 'too-large' ? 'body-too-large' : 'aborted', path);
    }
    if (!signatureMatches(deps.signingSecret, timestamp, read.body, signature)) {
      return turnAway(res, 'bad-signature', path);
    }
    const acceptableUntilMs = (Number(timestamp) + SLACK_TIMESTAMP_SKEW_S + 1) * 1000;
    let first: boolean;
    try {
      first = await deps.store.claimOnce(
        `slack-request:${timestamp}:${signature}`,
        Math.max(1_000, acceptableUntilMs - nowMs),
        deps.clock.now(),
      );
    } catch (error) {
      deps.logger.error({ err: error }, 'could not record a Slack request as processed');
      return turnAway(res, 'store-unavailable', path);
    }
    if (!first) return turnAway(res, 'replay', path);
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = read.body;
    next(req, res);
  };

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || !paths.has(path)) {
      next(req, res);
      return;
    }
    admit(req, res, path).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'the door failed on a Slack request');
      if (!res.headersSent) refuse(res, 'store-unavailable');
    });
  };
};
