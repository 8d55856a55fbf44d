import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDemoApi, type DemoApiOptions } from './api.js';
import { createFaultQueue, type DemoFault, type FaultScope } from './faults.js';
import { readBody, writeResponse } from './http-io.js';
import { type DemoInboundText, receiveText } from './receive-text.js';
import { zoomError } from './responses.js';
import { matchRoute, type RouteKind } from './router.js';
import type { DemoSentText } from './routes/send-sms.js';
import type { DemoSmsEventInput } from './webhooks.js';

/** How to build a demo Zoom: its data, the app it accepts, and how it behaves. */
export interface DemoZoomOptions extends DemoApiOptions {
  /** Real milliseconds added before every answer (0 by default). */
  readonly latencyMs?: number;
}

/** Where a listening demo Zoom answers. */
export interface DemoZoomAddress {
  /** The API base, as `https://api.zoom.us/v2`: `http://127.0.0.1:PORT/v2`. */
  readonly baseUrl: string;
  /** The token endpoint, as `https://zoom.us/oauth/token`. */
  readonly tokenUrl: string;
}

/** One request as it arrived, whatever it was answered. */
export interface RecordedRequest {
  readonly method: string;
  /** Path name, still percent-encoded. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** When it arrived, on the injected clock (ISO 8601). */
  readonly at: string;
  readonly kind: RouteKind;
}

/** An in-process Zoom speaking the real protocol over HTTP on 127.0.0.1. */
export interface DemoZoom {
  /** Starts listening on 127.0.0.1 (`port` 0, the default, picks a free one). */
  listen(port?: number): Promise<DemoZoomAddress>;
  /** Stops listening and drops every connection, hung ones included. */
  close(): Promise<void>;
  /** Every request received, oldest first (tokens and credentials are not kept). */
  readonly requests: readonly RecordedRequest[];
  /** How many requests of `kind` arrived. */
  countCalls(kind: RouteKind): number;
  /** Forgets the recorded requests. */
  clearRequests(): void;
  /** Answers the next request (of `scope.kind`, `scope.times` times) with `fault`. */
  failNext(fault: DemoFault, scope?: FaultScope): void;
  /** Real milliseconds added before every answer from now on. */
  setLatency(ms: number): void;
  /** Every access token issued so far expires now; the next API call gets 401 / 124. */
  expireTokens(): void;
  /** Every text `POST /phone/sms/messages` accepted, oldest first (the demo is Zoom: it sees them). */
  readonly sent: readonly DemoSentText[];
  /** Calls `listener` after each accepted text; returns an unsubscribe function. */
  onSent(listener: (text: DemoSentText) => void): () => void;
  /**
   * A customer texts the account: recorded in the dataset (reads show it) and returned as the
   * `phone.sms_received` to post with `emitSmsEvent`.
   */
  receiveText(text: DemoInboundText): DemoSmsEventInput;
}

const trackingId = (counter: number): string =>
  `v=2.0;clid=us06;rid=WEB_${createHash('sha256').update(`rid:${counter}`).digest('hex').slice(0, 32)}`;

/**
 * A fake Zoom for integration tests, the playground and benchmarks: `POST /oauth/token` and the
 * SMS and user operations of spec/zoom/phone-sms-openapi.json under `/v2`, as strict as
 * the spec, deterministic on the injected clock, with fault injection and an optional rate limit.
 * Unknown paths are 404 / 404, known paths with another method 405.
 */
export const createDemoZoom = (options: DemoZoomOptions): DemoZoom => {
  const api = createDemoApi(options);
  const faults = createFaultQueue();
  const requests: RecordedRequest[] = [];
  let latencyMs = options.latencyMs ?? 0;
  let answered = 0;
  let origin = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const match = matchRoute(method, url.pathname);
    requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      at: options.clock.now().toISOString(),
      kind: match.kind,
    });
    if (latencyMs > 0) await sleep(latencyMs);
    const fault = faults.take(match.kind);
    if (fault !== undefined && 'kind' in fault) {
      if (fault.kind === 'reset') {
        request.socket.destroy();
        return;
      }
      if (fault.kind === 'hang') return;
      await sleep(fault.ms);
    }
    answered += 1;
    const headers = { 'x-zm-trackingid': trackingId(answered) };
    if (fault !== undefined && 'status' in fault) return writeResponse(response, fault, headers);
    if (match.route === undefined) {
      const answer =
        match.allow === undefined
          ? zoomError(404, 404, 'Not found')
          : { ...zoomError(405, 405, 'Method not allowed'), headers: { Allow: match.allow } };
      return writeResponse(response, answer, headers);
    }
    const answer = api.respond({
      route: match.route,
      authorization: request.headers.authorization,
      query: url.searchParams,
      body:
        match.route.kind === 'token' || match.route.kind === 'send' ? await readBody(request) : '',
      contentType: request.headers['content-type'],
      origin,
    });
    writeResponse(response, answer, headers);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      writeResponse(response, zoomError(500, 500, 'Internal error'), {});
    });
  });

  return {
    listen: (port = 0) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          resolve({ baseUrl: `${origin}/v2`, tokenUrl: `${origin}/oauth/token` });
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
    requests,
    countCalls: (kind) => requests.filter((entry) => entry.kind === kind).length,
    clearRequests: () => {
      requests.length = 0;
    },
    failNext: (fault, scope) => faults.add(fault, scope),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    expireTokens: api.expireTokens,
    sent: api.sent,
    onSent: api.onSent,
    receiveText: (text) => receiveText(api.index, text),
  };
};
