import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The cookie that carries the access key once the visitor opened the banner's URL. */
export const ACCESS_KEY_COOKIE = 'playground_key';

/** Whether `host` (an interface to bind) is this machine only. */
export const isLoopbackHost = (host: string): boolean =>
  LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** A random access key for a playground listening beyond this machine. */
export const newAccessKey = (): string => randomBytes(24).toString('base64url');

/**
 * What each `POST` path accepts, by media type: the visitor's page sends JSON; the app (in this
 * process, over loopback) sends the Web API's forms or JSON, JSON to `response_url`s and raw
 * bytes to upload URLs. A cross-site HTML form can send none of the JSON or byte types without a
 * CORS preflight, which is never granted.
 */
const POST_MEDIA_TYPES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['/playground/', ['application/json']],
  ['/response/', ['application/json']],
  ['/api/', ['application/x-www-form-urlencoded', 'application/json']],
  ['/upload/', ['application/octet-stream']],
];

/** Paths only the app calls; it runs in this process and reaches them over loopback. */
const APP_PATHS = ['/api/', '/response/', '/upload/'];

/** How {@link checkRequest} judges one request. */
export interface GuardOptions {
  /** The playground listens on loopback only: the `Host` must name this machine. */
  readonly loopbackOnly: boolean;
  /** Set when it listens beyond this machine: the key every visitor must present. */
  readonly accessKey: string | undefined;
}

/** What to do with one request. */
export type GuardVerdict =
  | { readonly kind: 'pass' }
  /** The visitor opened the banner's URL: remember the key in a cookie, then show the page. */
  | { readonly kind: 'enter'; readonly cookie: string }
  | { readonly kind: 'refuse'; readonly status: 403 | 415; readonly error: string };

const hostnameOf = (hostHeader: string | undefined): string | undefined => {
  if (hostHeader === undefined) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
};

const sameKey = (presented: string | undefined, key: string): boolean => {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
};

const cookieOf = (request: IncomingMessage, name: string): string | undefined => {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [cookieName, ...value] = part.trim().split('=');
    if (cookieName === name) return value.join('=');
  }
  return undefined;
};

const isLoopbackPeer = (request: IncomingMessage): boolean => {
  const peer = request.socket.remoteAddress ?? '';
  return peer === '::1' || /^(::ffff:)?127\./.test(peer);
};

const refuse = (status: 403 | 415, error: string): GuardVerdict => ({
  kind: 'refuse',
  status,
  error,
});

/**
 * Refuses requests a web page elsewhere could make the visitor's browser send, and, when the
 * playground listens beyond this machine, anyone without its access key.
 *
 * - On a loopback binding the `Host` must name this machine (a DNS-rebinding site cannot pass).
 * - Every `POST` must come from the page's own origin when the browser says (`Origin`,
 *   `Sec-Fetch-Site`) and carry the media type its path expects (see {@link POST_MEDIA_TYPES}).
 * - Beyond loopback, every request needs the access key: in the banner URL's `?key=` (kept in a
 *   `SameSite=Strict` cookie from then on) or that cookie; only the app's own calls over
 *   loopback go without it.
 * https://owasp.org/www-community/attacks/csrf
 */
export const checkRequest = (
  request: IncomingMessage,
  url: URL,
  options: GuardOptions,
): GuardVerdict => {
  const host = request.headers.host;
  const hostname = hostnameOf(host);
  if (options.loopbackOnly && (hostname === undefined || !LOOPBACK_NAMES.has(hostname))) {
    return refuse(403, 'unexpected Host header');
  }
  const path = url.pathname;
  if (request.method === 'POST') {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return refuse(403, 'cross-site request');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      return refuse(403, 'cross-origin request');
    }
    const expected = POST_MEDIA_TYPES.find(([prefix]) => path.startsWith(prefix))?.[1];
    const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (expected !== undefined && (mediaType === undefined || !expected.includes(mediaType))) {
      return refuse(415, `expected ${expected.join(' or ')}`);
    }
  }
  const key = options.accessKey;
  if (key === undefined) return { kind: 'pass' };
  if (APP_PATHS.some((prefix) => path.startsWith(prefix)) && isLoopbackPeer(request)) {
    return { kind: 'pass' };
  }
  if (sameKey(cookieOf(request, ACCESS_KEY_COOKIE), key)) return { kind: 'pass' };
  if (sameKey(url.searchParams.get('key') ?? undefined, key)) {
    return request.method === 'GET' && path === '/'
      ? { kind: 'enter', cookie: `${ACCESS_KEY_COOKIE}=${key}; HttpOnly; SameSite=Strict; Path=/` }
      : { kind: 'pass' };
  }
  return refuse(403, 'access key required: open the URL the playground printed when it started');
};
