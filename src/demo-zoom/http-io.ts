import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoResponse } from './responses.js';

const MAX_BODY_BYTES = 64 * 1024;

/** The request body as UTF-8 text, refusing more than 64 KiB (no Zoom request is that big). */
export const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * Writes a {@link DemoResponse}: JSON as Zoom sends it (`application/json;charset=UTF-8`), a
 * string as plain text, no body when there is none. Does nothing on a socket already gone.
 */
export const writeResponse = (
  response: ServerResponse,
  answer: DemoResponse,
  extraHeaders: Readonly<Record<string, string>>,
): void => {
  if (response.destroyed || response.writableEnded) return;
  const text =
    answer.body === undefined
      ? ''
      : typeof answer.body === 'string'
        ? answer.body
        : JSON.stringify(answer.body);
  const contentType =
    typeof answer.body === 'string' ? 'text/plain;charset=UTF-8' : 'application/json;charset=UTF-8';
  response.writeHead(answer.status, {
    ...extraHeaders,
    ...(answer.body === undefined ? {} : { 'Content-Type': contentType }),
    'Content-Length': String(Buffer.byteLength(text)),
    ...answer.headers,
  });
  response.end(text);
};
