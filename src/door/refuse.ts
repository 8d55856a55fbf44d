import type { ServerResponse } from 'node:http';
import type { Clock } from '../clock.js';
import type { AppLogger } from '../logger.js';

/** Why the door turned a request away; a bounded set, safe as a log field. */
export type RefusalReason =
  | 'unsigned'
  | 'malformed-signature'
  | 'stale-timestamp'
  | 'future-timestamp'
  | 'body-too-large'
  | 'busy'
  | 'aborted'
  | 'bad-signature'
  | 'replay'
  | 'store-unavailable';

const STATUS: Readonly<Record<RefusalReason, number>> = {
  unsigned: 401,
  'malformed-signature': 401,
  'stale-timestamp': 401,
  'future-timestamp': 401,
  'body-too-large': 413,
  busy: 503,
  aborted: 400,
  'bad-signature': 401,
  replay: 409,
  'store-unavailable': 503,
};

/** How often each reason is logged at most; the rest are counted into the next line. */
export const REFUSAL_LOG_INTERVAL_MS = 10_000;

/**
 * Answers a refused request with its status and a one-line reason, and closes the connection
 * (`Connection: close`) as soon as the answer is out: whatever the sender still meant to send is
 * never read (Node would otherwise read and discard the rest of the body, holding the socket).
 */
export const refuse = (res: ServerResponse, reason: RefusalReason): void => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = STATUS[reason];
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    connection: 'close',
    ...(status === 503 ? { 'retry-after': '1' } : {}),
  });
  res.on('finish', () => res.socket?.destroy());
  res.end(`${reason}\n`);
};

/**
 * Logs refusals without letting a flood of them flood the log: one `warn` line per reason per
 * {@link REFUSAL_LOG_INTERVAL_MS}, carrying how many were refused since the last line. Only the
 * reason and the path are logged, never a header's or body's content.
 */
export const createRefusalLog = (logger: AppLogger, clock: Clock) => {
  const last = new Map<RefusalReason, { atMs: number; suppressed: number }>();
  return (reason: RefusalReason, path: string): void => {
    const nowMs = clock.now().getTime();
    const seen = last.get(reason);
    if (seen !== undefined && nowMs - seen.atMs < REFUSAL_LOG_INTERVAL_MS) {
      seen.suppressed += 1;
      return;
    }
    last.set(reason, { atMs: nowMs, suppressed: 0 });
    logger.warn(
      { reason, path, alsoRefusedSinceLastLine: seen?.suppressed ?? 0 },
      'request refused before it reached the app',
    );
  };
};
