/** One request the fake received, as the code under test sent it. */
export interface FakeCall {
  readonly method: string;
  readonly url: URL;
  /** Path parameters matched by `:name` segments, decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/**
 * Answers one call. Return a fresh `Response` each time (a body can be read only once); throw or
 * reject to simulate a network failure; never settle to simulate a hung server (the fake rejects
 * with the abort reason when the request's `signal` aborts, as real `fetch` does).
 */
export type FakeHandler = (call: FakeCall) => Response | Promise<Response>;

/**
 * Routes keyed `'METHOD /path/:param'`, matched against the URL's path (host and query ignored).
 * An array is a sequence: the n-th matching call gets the n-th handler, and a call past the end
 * fails, so a test notices a request it did not expect.
 */
export type FakeRoutes = Readonly<Record<string, FakeHandler | readonly FakeHandler[]>>;

/** A `fetch` that only knows its routes, plus what it has seen. */
export interface FakeFetch {
  readonly fetch: typeof globalThis.fetch;
  readonly calls: readonly FakeCall[];
  /** Calls made to one route key. */
  callsTo(route: string): readonly FakeCall[];
}

/** Raised for a request no route matches, so a typo in a URL cannot pass for a network error. */
export class UnknownRouteError extends Error {
  override readonly name = 'UnknownRouteError';
}

/** A JSON `Response` (status 200 unless told). */
export const jsonResponse = (body: unknown, init: ResponseInit = {}): Response =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...init.headers },
  });

interface CompiledRoute {
  readonly key: string;
  readonly method: string;
  readonly segments: readonly string[];
  readonly handlers: readonly FakeHandler[];
  readonly repeat: boolean;
  served: number;
}

const compile = (key: string, handler: FakeHandler | readonly FakeHandler[]): CompiledRoute => {
  const [method = '', path = ''] = key.split(' ');
  return {
    key,
    method: method.toUpperCase(),
    segments: path.split('/'),
    handlers: typeof handler === 'function' ? [handler] : handler,
    repeat: typeof handler === 'function',
    served: 0,
  };
};

const match = (route: CompiledRoute, method: string, url: URL) => {
  const segments = url.pathname.split('/');
  if (route.method !== method || route.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, expected] of route.segments.entries()) {
    const actual = segments[index] ?? '';
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(actual);
    else if (expected !== actual) return undefined;
  }
  return params;
};

const untilAborted = (signal: AbortSignal | null | undefined) =>
  new Promise<never>((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/**
 * A route-table fake `fetch` that returns real `Response`s and records every call (STYLE.md,
 * Tests). Requests to unknown routes reject with {@link UnknownRouteError}.
 */
export const createFakeFetch = (routes: FakeRoutes): FakeFetch => {
  const table = Object.entries(routes).map(([key, handler]) => compile(key, handler));
  const calls: FakeCall[] = [];
  const byRoute = new Map<string, FakeCall[]>();

  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body === null ? undefined : await request.text();
    const headers = Object.fromEntries(request.headers.entries());
    for (const route of table) {
      const params = match(route, request.method, url);
      if (params === undefined) continue;
      const call: FakeCall = { method: request.method, url, params, headers, body };
      calls.push(call);
      byRoute.set(route.key, [...(byRoute.get(route.key) ?? []), call]);
      const handler = route.handlers[route.repeat ? 0 : route.served];
      route.served += 1;
      if (!handler) {
        throw new UnknownRouteError(
          `${route.key} called ${route.served} times, only expected ${route.handlers.length}`,
        );
      }
      return Promise.race([Promise.resolve().then(() => handler(call)), untilAborted(init.signal)]);
    }
    throw new UnknownRouteError(`No fake route for ${request.method} ${url.pathname}`);
  };

  return { fetch, calls, callsTo: (route) => byRoute.get(route) ?? [] };
};
