import { Agent, type Dispatcher, interceptors, request } from 'undici';
import { LightResponse } from './light-response.js';
import { requestHeaderRecord } from './request-headers.js';

/** Redirects followed, as `fetch` would (its limit is 20). */
export const MAX_REDIRECTIONS = 20;

/** Idle keep-alive sockets are closed after this long (Slack and Zoom close theirs near 60 s). */
export const KEEP_ALIVE_TIMEOUT_MS = 30_000;

/** Statuses whose answer has no body (a `Response` constructor throws if given one). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** Statuses fetch treats as redirects: `redirect: 'error'` refuses an answer with one. */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** `request()`'s options, and how many redirects the pool's redirect interceptor may follow. */
type RequestOptions = NonNullable<Parameters<typeof request>[1]> & {
  readonly maxRedirections?: number;
};

type FetchInput = Parameters<typeof fetch>[0];
type FetchInit = NonNullable<Parameters<typeof fetch>[1]>;

/** A body this transport sends itself; anything else (a stream, a form, a Blob) goes to `fetch`. */
type PlainBody = string | Uint8Array;

const plainBody = (
  body: FetchInit['body'],
): { readonly body: PlainBody | null; readonly type?: string } | undefined => {
  if (body === undefined || body === null) return { body: null };
  if (typeof body === 'string') return { body, type: 'text/plain;charset=UTF-8' };
  if (body instanceof Uint8Array) return { body };
  if (body instanceof URLSearchParams) {
    return { body: body.toString(), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  return undefined;
};

const urlOf = (input: FetchInput): string | undefined =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;

/** What a failed `fetch` rejects with, so callers that read `cause` see the same shape. */
const asFetchError = (error: unknown, signal: AbortSignal | null | undefined): unknown => {
  if (signal?.aborted) return signal.reason;
  return new TypeError('fetch failed', { cause: error });
};

/** A keep-alive connection pool that follows redirects as `fetch` does. */
export const createPooledDispatcher = (): Dispatcher =>
  new Agent({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }).compose(
    interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS }),
  );

/**
 * A `fetch` for the app's calls to Slack and Zoom, built on undici's `request()` over a
 * keep-alive pool: an answer that reads as the `Response` its callers (Bolt's `respond()`, the
 * Web API client, ofetch) expect, at about a quarter of the CPU. Node's `fetch` streams every body
 * through WHATWG streams; measured on this app's answers (a 3 KB JSON post and its reply, client
 * and server in one process), it cost 1.5 ms of CPU a request against 0.4 ms here, and every
 * answered command makes one or two such requests. Bodies are read whole (Slack's and Zoom's
 * answers are small JSON) and answered as a {@link LightResponse}: no WHATWG `Response`, `Headers`
 * or stream is built unless a caller reads one. Request headers written as an object literal are
 * read as they are, not copied through a `Headers`. `redirect: 'error'` (the Web API client asks
 * for it on every call) is handled here too: the pool follows no redirect for it, and a redirect
 * rejects as fetch rejects it. Requests it does not handle itself (a `Request` object, a stream,
 * a form or a Blob body, `redirect: 'manual'`) go to `fallback` unchanged, so behaviour never
 * differs, only cost. It asks for no compression (`Accept-Encoding: identity`), so none has to be
 * undone.
 * https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
 */
export const createPooledFetch = (
  dispatcher: Dispatcher = createPooledDispatcher(),
  fallback: typeof fetch = globalThis.fetch,
): typeof fetch =>
  async function pooledFetch(input, init) {
    const url = urlOf(input);
    const body = plainBody(init?.body);
    const redirect = init?.redirect ?? 'follow';
    if (url === undefined || body === undefined || redirect === 'manual') {
      return fallback(input, init);
    }
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    const headers = requestHeaderRecord(init?.headers);
    if (body.type !== undefined && headers['content-type'] === undefined) {
      headers['content-type'] = body.type;
    }
    headers['accept-encoding'] ??= 'identity';
    try {
      const options: RequestOptions = {
        dispatcher,
        method: (init?.method ?? 'GET').toUpperCase() as Dispatcher.HttpMethod,
        headers,
        body: body.body,
        ...(signal === undefined ? {} : { signal }),
        ...(redirect === 'error' ? { maxRedirections: 0 } : {}),
      };
      const answer = await request(url, options);
      const bytes = await answer.body.arrayBuffer();
      const status = answer.statusCode;
      // What fetch rejects with (as the cause of its 'fetch failed') for a refused redirect.
      if (redirect === 'error' && REDIRECT_STATUSES.has(status)) {
        throw new Error('unexpected redirect');
      }
      return new LightResponse(
        status,
        answer.headers,
        NULL_BODY_STATUSES.has(status) ? null : bytes,
      );
    } catch (error) {
      throw asFetchError(error, signal);
    }
  };
