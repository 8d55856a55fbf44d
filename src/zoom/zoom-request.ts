import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import type { ZoomAttemptGovernor } from './attempt-governor.js';
import type { ZoomErrorContext } from './map-error.js';
import type { ZoomCallObserver } from './observer.js';
import type { TokenProvider } from './token-provider.js';

/** How long one attempt may take; well inside the 30 minutes a Slack `response_url` lives. */
export const ZOOM_REQUEST_TIMEOUT_MS = 8_000;

/**
 * How hard the client tries before giving up. Kept apart from the mechanics, as
 * octokit/plugin-throttling.js does, so the numbers are configuration.
 */
export interface ZoomRetryPolicy {
  /** Retries after a 5xx, network error or timeout, before `ZOOM_UNAVAILABLE`. */
  readonly maxRetries: number;
  /** Backoff before the first such retry; it doubles each time, with jitter. */
  readonly baseDelayMs: number;
  /**
   * The longest `Retry-After` worth waiting for (once) while a person waits for an answer;
   * anything longer becomes `ZOOM_RATE_LIMITED` with `retryAfterMs`.
   */
  readonly maxRateLimitWaitMs: number;
  /** How many 429s in one call are waited out (each within `maxRateLimitWaitMs`). */
  readonly maxRateLimitRetries: number;
  /** The wait after a 429 without `Retry-After`; `undefined` gives up at once. */
  readonly rateLimitWaitWithoutHeaderMs: number | undefined;
}

/** Two brief retries (about 250 ms, then 500 ms) and at most a two-second wait on a 429. */
export const DEFAULT_ZOOM_RETRY_POLICY: ZoomRetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 250,
  maxRateLimitWaitMs: 2_000,
  maxRateLimitRetries: 1,
  rateLimitWaitWithoutHeaderMs: undefined,
};

/** What {@link createZoomClient} needs; `fetch`, `sleep` and `random` are seams for tests. */
export interface ZoomClientOptions {
  /** `https://api.zoom.us/v2` (`https://api.zoomgov.com/v2` for Zoom for Government). */
  readonly baseUrl: string;
  readonly tokenProvider: Pick<TokenProvider, 'getToken' | 'invalidate'>;
  readonly clock: Clock;
  readonly logger: AppLogger;
  readonly fetch?: typeof globalThis.fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1). */
  readonly random?: () => number;
  readonly timeoutMs?: number;
  readonly retry?: Partial<ZoomRetryPolicy>;
  /** Told about every attempt and rate-limit wait (metrics, the request log line). */
  readonly observer?: ZoomCallObserver;
  /**
   * Asked before every attempt and told of every 429 (the shared rate limiter and the call's
   * time budget: src/zoom/resilient-zoom.ts); without one, attempts go out at once.
   */
  readonly governor?: ZoomAttemptGovernor;
}

/** One Zoom API operation as the client sends it. */
export interface ZoomRequest<T> {
  /** The operation's path as Zoom documents it; the only path that reaches the log. */
  readonly template: string;
  readonly path: string;
  /** `GET` when absent. */
  readonly method?: 'GET' | 'POST';
  /** Sent as JSON (`POST` only). */
  readonly body?: Record<string, unknown>;
  /**
   * `false` for a request Zoom must not act on twice (a send): after an answer that leaves it
   * unknown whether Zoom acted (a timeout, a dropped connection, a 5xx) it is not repeated and
   * fails as `ZOOM_UNCONFIRMED`. Refusals Zoom makes before acting (401, 429, 4711) and
   * connections that never opened are still retried. `true` when absent.
   */
  readonly idempotent?: boolean;
  /** Translates a refusal of this operation; {@link mapZoomError} when absent. */
  readonly mapError?: (context: ZoomErrorContext) => AppError;
  /** Whom the request is about, for the person-facing message; absent when nobody is named. */
  readonly zoomUser?: string;
  readonly query?: Record<string, unknown>;
  readonly schema: z.ZodType<T>;
}
