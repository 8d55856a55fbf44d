import type { IncomingMessage } from 'node:http';

/** Why a body could not be read whole. */
export type BodyFailure = 'too-large' | 'aborted';

/** A body read whole, or why not. */
export type BodyRead =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly reason: BodyFailure };

/**
 * The declared `Content-Length`, `undefined` when absent (a chunked body), `NaN` when it is not a
 * whole number (Node already refuses two different values).
 */
export const declaredLength = (req: IncomingMessage): number | undefined => {
  const header = req.headers['content-length'];
  if (header === undefined) return undefined;
  return /^\d{1,15}$/.test(header) ? Number(header) : Number.NaN;
};

/**
 * Reads a request body, stopping as soon as it passes `maxBytes` (whatever `Content-Length`
 * claimed), so a sender can never make the process hold more than that for one request.
 */
export const readBody = (req: IncomingMessage, maxBytes: number): Promise<BodyRead> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: BodyRead) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFailure);
      req.off('aborted', onFailure);
      if (!result.ok) chunks.length = 0;
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        req.pause();
        finish({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, received) });
    const onFailure = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFailure);
    req.on('aborted', onFailure);
  });

/**
 * Bytes of request bodies the process holds at once, across every request being read: past it, a
 * new body is refused (503) rather than read, so many large senders at once cost a bounded amount
 * of memory whatever each one claims.
 */
export interface BodyBudget {
  /** Reserves `bytes`; `false` when that would pass the budget (nothing is reserved then). */
  reserve(bytes: number): boolean;
  release(bytes: number): void;
  /** Bytes reserved now. */
  inUse(): number;
}

/** A {@link BodyBudget} of `maxBytes`. */
export const createBodyBudget = (maxBytes: number): BodyBudget => {
  let used = 0;
  return {
    reserve: (bytes) => {
      if (used + bytes > maxBytes) return false;
      used += bytes;
      return true;
    },
    release: (bytes) => {
      used = Math.max(0, used - bytes);
    },
    inUse: () => used,
  };
};
