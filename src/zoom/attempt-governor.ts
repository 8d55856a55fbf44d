import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { currentDeadlineMs, remainingMs } from './call-budget.js';
import type { RateLimitKind, ZoomRateLimiter } from './rate-limiter.js';
import type { ReleaseTurn } from './turn-line.js';
import { currentZoomCaller } from './zoom-caller.js';

/**
 * A `Retry-After` longer than this, on a 429 that does not name its limit, can only be the daily
 * limit (Zoom sends seconds for the per-second one and the reset instant for the daily one).
 */
export const DAILY_RETRY_AFTER_THRESHOLD_MS = 60_000;

/**
 * What the Zoom client asks before and after every HTTP attempt (src/zoom/zoom-call.ts, option
 * `governor`), so that retries, 401 refreshes and first tries alike wait their turn and respect
 * the call's time budget.
 */
export interface ZoomAttemptGovernor {
  /**
   * Resolves when attempt `attempt` (1 for the first) may be sent, with the function to call
   * once it has its answer or failed. When it may not, rejects with `previous` (the last
   * attempt's error, which is what the person should hear about) or, on the first attempt or
   * when the day's budget is spent, with the refusal itself.
   */
  beforeAttempt(attempt: number, previous: AppError | undefined): Promise<ReleaseTurn>;
  /**
   * Zoom answered 429: backs the whole limiter off, on every replica, and returns the error to
   * throw, marked `rateLimit: 'daily'` when it was the daily limit.
   */
  rateLimited(error: AppError, headers: Headers): Promise<AppError>;
  /** Milliseconds the current call may still take: caps each attempt's timeout and each wait. */
  remainingMs(): number;
}

/**
 * Which limit a 429 is about: `X-RateLimit-Type` (`QPS` or `Daily-limit`) when Zoom sent it,
 * else the length of `Retry-After`. https://developers.zoom.us/docs/api/rest/rate-limits/
 */
export const classifyRateLimit = (
  typeHeader: string | null,
  retryAfterMs: number | undefined,
): RateLimitKind => {
  const type = typeHeader?.toLowerCase() ?? '';
  if (type.includes('daily')) return 'daily';
  if (type.includes('qps') || type.includes('second')) return 'per-second';
  return retryAfterMs !== undefined && retryAfterMs > DAILY_RETRY_AFTER_THRESHOLD_MS
    ? 'daily'
    : 'per-second';
};

const isDaily = (error: unknown): boolean =>
  error instanceof AppError && error.detail.rateLimit === 'daily';

const isSlowDown = (error: unknown): boolean =>
  error instanceof AppError && error.code === 'SLOW_DOWN';

/**
 * The governor that puts every attempt through `limiter`, within the current call's deadline and
 * for the current call's person (src/zoom/zoom-caller.ts).
 */
export const createAttemptGovernor = (
  limiter: ZoomRateLimiter,
  clock: Clock,
): ZoomAttemptGovernor => ({
  beforeAttempt: async (attempt, previous) => {
    try {
      return await limiter.acquire({
        deadlineMs: currentDeadlineMs(),
        retry: attempt > 1,
        caller: currentZoomCaller(),
      });
    } catch (refusal) {
      throw previous === undefined || isDaily(refusal) || isSlowDown(refusal) ? refusal : previous;
    }
  },
  rateLimited: async (error, headers) => {
    const kind = classifyRateLimit(headers.get('x-ratelimit-type'), error.detail.retryAfterMs);
    await limiter.backOff({ kind, retryAfterMs: error.detail.retryAfterMs });
    if (kind === 'per-second') return error;
    return new AppError(error.code, error.message, {
      cause: error.cause,
      detail: { ...error.detail, rateLimit: 'daily' },
    });
  },
  remainingMs: () => remainingMs(clock),
});
