import type { ServerOptions } from 'node:http';

/**
 * Node's HTTP server limits for the app's port, far below Node's defaults (60 s for headers,
 * 5 minutes for a request): Slack sends a whole request at once and gives up on an answer after
 * 3 seconds, so a sender slower than this is not Slack, and holding its socket only helps it.
 * Node enforces both on a timer that runs every `connectionsCheckingInterval`.
 * https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener
 */
export const HTTP_SERVER_OPTIONS = {
  /** The request's headers must all arrive within this. */
  headersTimeout: 5_000,
  /** The whole request (headers and body) must arrive within this. */
  requestTimeout: 10_000,
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeout: 5_000,
  /** How often Node looks for connections past the two timeouts above. */
  connectionsCheckingInterval: 1_000,
} as const satisfies ServerOptions;
