import type { IncomingMessage, ServerResponse } from 'node:http';

/** Larger than any Slack message or Home view (100 blocks) the app could send. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Thrown for a body over {@link MAX_REQUEST_BODY_BYTES}. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** The request body's bytes, up to `maxBytes`. @throws BodyTooLargeError */
export const readBytes = async (
  request: IncomingMessage,
  maxBytes = MAX_REQUEST_BODY_BYTES,
): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLargeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
};

/** The request body as UTF-8 text. @throws BodyTooLargeError */
export const readBody = async (request: IncomingMessage): Promise<string> =>
  (await readBytes(request)).toString('utf8');

/** Headers every answer carries: nothing is cached, nothing is sniffed, nothing is framed. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** Answers with JSON. Does nothing on a socket already gone. */
export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  sendText(response, status, JSON.stringify(body), 'application/json; charset=utf-8');
};

/** Answers with text of the given type. Does nothing on a socket already gone. */
export const sendText = (
  response: ServerResponse,
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
  headers: Readonly<Record<string, string>> = {},
): void => {
  if (response.destroyed || response.writableEnded) return;
  response.writeHead(status, {
    ...BASE_HEADERS,
    ...headers,
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
};

/** Answers with a file to download, never to render. */
export const sendBytes = (response: ServerResponse, bytes: Buffer, filename: string): void => {
  if (response.destroyed || response.writableEnded) return;
  response.writeHead(200, {
    ...BASE_HEADERS,
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${filename}"`,
    'content-length': String(bytes.length),
  });
  response.end(bytes);
};
