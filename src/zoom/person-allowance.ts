import type { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { DAY_MS, msUntilNextUtcDay, utcDay } from './rate-budget.js';
import { createSharedLimiter, type SharedLimiter } from './shared-limiter.js';
import type { ZoomCaller } from './zoom-caller.js';

/** What one person may spend of the account's Zoom budget (README, "Fair use of Zoom"). */
export interface PersonAllowancePolicy {
  /** `ZOOM_USER_BURST`: requests one person may start at once. */
  readonly burst: number;
  /** `ZOOM_USER_PER_MINUTE`: requests one person may start a minute, on average. */
  readonly perMinute: number;
  /** `ZOOM_USER_DAILY_SHARE`: percent of `dailyLimit` one person may spend a UTC day. */
  readonly dailySharePercent: number;
  /** `ZOOM_ADMIN_DAILY_SHARE`: the same for admins of the app. */
  readonly adminDailySharePercent: number;
  /** `ZOOM_DAILY_LIMIT`: the account's requests a UTC day. */
  readonly dailyLimit: number;
}

/** Options for {@link createPersonAllowance}. */
export interface PersonAllowanceOptions {
  readonly policy: PersonAllowancePolicy;
  /** Shared counts for every replica; counts stay in this process when absent. */
  readonly redis?: Redis;
  /** Prefix of every Redis key (`REDIS_KEY_PREFIX`). */
  readonly keyPrefix: string;
  readonly clock: Clock;
  readonly logger: AppLogger;
}

/**
 * One person's allowance, checked before any Zoom call is queued, so one person cannot starve
 * everyone else (src/zoom/rate-limiter.ts):
 *
 * - a **burst**: each request (a command, a click, an event: one {@link ZoomCaller}) takes one
 *   token before its first Zoom call; a person has `burst` tokens, refilled whole every
 *   `burst / perMinute` minutes (rate-limiter-flexible's fixed windows: a burst, then the
 *   steady rate on average);
 * - a **daily share**: every Zoom request the person's requests make counts against a share of
 *   the account's daily limit, a larger one for admins.
 *
 * Counts are rate-limiter-flexible keys, in Redis with several replicas (in memory too when
 * Redis fails, as its `insuranceLimiter`), so the allowance holds across replicas.
 */
export interface PersonAllowance {
  /** Takes the request's burst token, once per caller; throws `SLOW_DOWN` when none is left. */
  takeRequest(caller: ZoomCaller): Promise<void>;
  /** Takes one request of the person's daily share; throws `SLOW_DOWN` (`daily`) when spent. */
  takeDaily(caller: ZoomCaller): Promise<void>;
  /** The most requests one person may make a UTC day (admins: `privileged`). */
  dailyCap(privileged: boolean): number;
}

/** How many seconds a burst window lasts: the time the steady rate takes to refill the burst. */
export const burstWindowSeconds = (policy: Pick<PersonAllowancePolicy, 'burst' | 'perMinute'>) =>
  Math.max(1, Math.ceil((policy.burst * 60) / policy.perMinute));

/** One person's daily cap: a share of the account's limit, never less than one request. */
export const dailyCapOf = (dailyLimit: number, sharePercent: number): number =>
  Math.max(1, Math.floor((dailyLimit * sharePercent) / 100));

/** The refusal when one person asks faster than their allowance; `retryAfterMs` until they may. */
export const slowDown = (
  retryAfterMs: number,
  rateLimit: 'per-second' | 'daily',
  limit: number,
): AppError =>
  new AppError('SLOW_DOWN', `One person's Zoom allowance is spent (${rateLimit})`, {
    detail: { retryAfterMs, rateLimit, limit },
  });

/** Builds the {@link PersonAllowance}; see {@link PersonAllowanceOptions}. */
export const createPersonAllowance = (options: PersonAllowanceOptions): PersonAllowance => {
  const { policy, redis, logger, clock } = options;
  const limiter = (name: string, points: number, durationSeconds: number): SharedLimiter =>
    createSharedLimiter(
      { points, duration: durationSeconds, keyPrefix: `${options.keyPrefix}${name}` },
      redis,
    );
  const bursts = limiter('zoom-person-burst', policy.burst, burstWindowSeconds(policy));
  const caps = {
    member: dailyCapOf(policy.dailyLimit, policy.dailySharePercent),
    admin: dailyCapOf(policy.dailyLimit, policy.adminDailySharePercent),
  };
  const daily = {
    member: limiter('zoom-person-day', caps.member, DAY_MS / 1000),
    admin: limiter('zoom-admin-day', caps.admin, DAY_MS / 1000),
  };

  /** `undefined` when granted, else how long until the next point; a broken store grants. */
  const consume = async (from: SharedLimiter, key: string): Promise<number | undefined> => {
    try {
      await from.consume(key, 1);
      return undefined;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
      logger.warn(
        { err: refusal instanceof Error ? refusal.message : String(refusal) },
        'Zoom person allowance unavailable',
      );
      return undefined;
    }
  };

  return {
    takeRequest: async (caller) => {
      if (caller.charged) return;
      caller.charged = true;
      const waitMs = await consume(bursts, caller.key);
      if (waitMs !== undefined) throw slowDown(waitMs, 'per-second', policy.burst);
    },
    takeDaily: async (caller) => {
      const tier = (await caller.privileged()) ? 'admin' : 'member';
      const now = clock.now();
      const waitMs = await consume(daily[tier], `${utcDay(now)}:${caller.key}`);
      if (waitMs !== undefined) {
        throw slowDown(Math.min(waitMs, msUntilNextUtcDay(now)), 'daily', caps[tier]);
      }
    },
    dailyCap: (privileged) => (privileged ? caps.admin : caps.member),
  };
};
