import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import type { AppLogger } from '../logger.js';
import { DEFAULT_REDIS_KEY_PREFIX } from '../store/redis-store.js';
import { createAttemptGovernor } from './attempt-governor.js';
import { type CachedZoomOptions, createCachedZoom, type ZoomCacheMetrics } from './cached-zoom.js';
import { currentDeadlineMs, runWithDeadline } from './call-budget.js';
import { createZoomClient } from './client.js';
import { decorateZoomApi } from './decorate.js';
import { createPersonAllowance, type PersonAllowancePolicy } from './person-allowance.js';
import { createRateBudget } from './rate-budget.js';
import { createZoomRateLimiter, DEFAULT_RATE_LIMIT_PAUSE_MS } from './rate-limiter.js';
import type { ZoomApi } from './types.js';
import { createRedisWaitLine } from './wait-line.js';
import { DEFAULT_ZOOM_RETRY_POLICY, type ZoomClientOptions } from './zoom-request.js';

/**
 * 429s waited out in one call before the person hears "Zoom is busy". Each wait pauses every
 * replica, and the time budget bounds them all, so this only caps a pathological run.
 */
export const MAX_RATE_LIMIT_RETRIES = 10;

/**
 * The longest `Retry-After` a request waits out by itself: a few seconds. Zoom's per-second limit
 * asks for about a second, and that 429 is retried unseen; a longer one (within the time budget or
 * not) is told to the person at once ("Zoom is busy. Try again in about 30 seconds.") rather than
 * waited out in silence. Every replica still pauses for the whole `Retry-After`.
 * https://developers.zoom.us/docs/api/rest/rate-limits/
 */
export const MAX_RATE_LIMIT_WAIT_MS = 5_000;

/** The load policy, from configuration (README, "Configuration"). */
export interface ZoomLoadPolicy {
  /** `ZOOM_RATE_LIMIT_PER_SECOND`. */
  readonly ratePerSecond: number;
  /** `ZOOM_DAILY_LIMIT`. */
  readonly dailyLimit: number;
  /** `ZOOM_TIMEOUT_MS`: one attempt. */
  readonly timeoutMs: number;
  /** One person's burst and daily share (`ZOOM_USER_*`, `ZOOM_ADMIN_DAILY_SHARE`). */
  readonly person: Omit<PersonAllowancePolicy, 'dailyLimit'>;
  /** `ZOOM_CACHE_TTL_SECONDS`; `0` turns the cache off. */
  readonly cacheTtlSeconds: number;
  /** `ZOOM_TIME_BUDGET_SECONDS`: one person's request, waiting and retries included. */
  readonly timeBudgetSeconds: number;
}

/** Recorders the load machinery reports to; `Metrics` (src/metrics/metrics.ts) fits as is. */
export interface ZoomLoadMetrics extends ZoomCacheMetrics {
  zoomRateLimitWait(ms: number): void;
}

/** Options for {@link createResilientZoom}. */
export interface ResilientZoomOptions {
  readonly policy: ZoomLoadPolicy;
  /** The raw client's connection to Zoom; `governor`, `timeoutMs` and `retry` are set here. */
  readonly client: Omit<ZoomClientOptions, 'governor' | 'timeoutMs' | 'retry'>;
  /** Shared counts, wait line and (through `store`) cache for several replicas. */
  readonly redis?: {
    readonly url: string;
    /** `REDIS_KEY_PREFIX`; the store's default when absent, so both share one namespace. */
    readonly keyPrefix?: string | undefined;
  };
  readonly store: CachedZoomOptions['store'];
  readonly clock: Clock;
  readonly logger: AppLogger;
  readonly metrics?: ZoomLoadMetrics;
}

/** The app's `ZoomApi` and the handles the process needs to shut it down. */
export interface ResilientZoom {
  readonly zoom: ZoomApi;
  /** Requests waiting for their turn in this process. */
  readonly waiting: () => number;
  /** Refuses every waiting and later request with `APP_RESTARTING` (SIGTERM). */
  stopQueueing(): void;
  /** Closes the Redis connection of the shared counts; safe to call twice. */
  close(): Promise<void>;
}

const connectRedis = async (url: string, logger: AppLogger): Promise<Redis> => {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', (error: Error) => {
    logger.warn({ err: error.message }, 'Zoom rate limit Redis connection error');
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error('Could not connect to Redis for the Zoom rate limit', { cause: error });
  }
  return redis;
};

/**
 * Each call gets `budgetMs` from its start, or less when its caller already set a nearer
 * deadline (src/core/sessions.ts gives a page shown again only a few seconds).
 */
const withTimeBudget = (zoom: ZoomApi, budgetMs: number, clock: Clock): ZoomApi =>
  decorateZoomApi(zoom, (_method, _args, call) =>
    runWithDeadline(Math.min(currentDeadlineMs(), clock.now().getTime() + budgetMs), call),
  );

/**
 * The app's `ZoomApi` under load and faults, composed from outside in:
 *
 * 1. the cache and coalescing (src/zoom/cached-zoom.ts): repeated or simultaneous identical
 *    requests cost one Zoom call;
 * 2. a time budget per call (`ZOOM_TIME_BUDGET_SECONDS`, src/zoom/call-budget.ts), or the
 *    caller's nearer deadline;
 * 3. the raw client (src/zoom/client.ts, sending through src/zoom/zoom-call.ts), whose every
 *    attempt waits its turn in the rate limiter (src/zoom/rate-limiter.ts), in the lane of the
 *    person it is made for (src/zoom/zoom-caller.ts) and within their allowance
 *    (src/zoom/person-allowance.ts), for the account's budget (src/zoom/rate-budget.ts),
 *    shared by every replica through Redis when `redis` is set; a 429 backs the whole limiter
 *    off for as long as Zoom says, and the call itself waits it out only when it is at most
 *    {@link MAX_RATE_LIMIT_WAIT_MS}.
 *
 * Zoom counts every request of the account, from every app and replica, against one budget:
 * https://developers.zoom.us/docs/api/rest/rate-limits/
 */
export const createResilientZoom = async (
  options: ResilientZoomOptions,
): Promise<ResilientZoom> => {
  const { policy, clock, logger, metrics } = options;
  const budgetMs = policy.timeBudgetSeconds * 1000;
  const redis =
    options.redis === undefined ? undefined : await connectRedis(options.redis.url, logger);
  const keyPrefix = options.redis?.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  const budget = createRateBudget({
    perSecond: policy.ratePerSecond,
    perDay: policy.dailyLimit,
    attemptTimeoutMs: policy.timeoutMs,
    ...(redis === undefined ? {} : { redis }),
    keyPrefix,
    clock,
    logger,
  });
  const allowance = createPersonAllowance({
    policy: { ...policy.person, dailyLimit: policy.dailyLimit },
    ...(redis === undefined ? {} : { redis }),
    keyPrefix,
    clock,
    logger,
  });
  const limiter = createZoomRateLimiter({
    budget,
    allowance,
    clock,
    ...(redis === undefined
      ? {}
      : {
          waitLine: createRedisWaitLine({
            redis,
            keyPrefix,
            staleAfterMs: budgetMs,
            clock,
            logger,
          }),
        }),
    ...(metrics === undefined ? {} : { onWait: (ms: number) => metrics.zoomRateLimitWait(ms) }),
  });
  const raw = createZoomClient({
    ...options.client,
    governor: createAttemptGovernor(limiter, clock),
    timeoutMs: policy.timeoutMs,
    retry: {
      ...DEFAULT_ZOOM_RETRY_POLICY,
      maxRateLimitRetries: MAX_RATE_LIMIT_RETRIES,
      rateLimitWaitWithoutHeaderMs: DEFAULT_RATE_LIMIT_PAUSE_MS,
      maxRateLimitWaitMs: Math.min(MAX_RATE_LIMIT_WAIT_MS, budgetMs),
    },
  });
  const zoom = createCachedZoom({
    zoom: withTimeBudget(raw, budgetMs, clock),
    store: options.store,
    ttlMs: policy.cacheTtlSeconds * 1000,
    logger,
    ...(metrics === undefined ? {} : { metrics }),
  });
  let closed = false;
  return {
    zoom,
    waiting: () => limiter.waiting,
    stopQueueing: () => limiter.close(),
    close: async () => {
      limiter.close();
      if (closed || redis === undefined) return;
      closed = true;
      if (redis.status === 'ready') await redis.quit();
      else redis.disconnect();
    },
  };
};
