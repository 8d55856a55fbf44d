import type { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Clock } from '../clock.js';
import type { AppLogger } from '../logger.js';
import { createSharedLimiter, type SharedLimiter } from './shared-limiter.js';

/** Length of a UTC day; Zoom's daily limit resets at 00:00 UTC. */
export const DAY_MS = 86_400_000;

/** How long a slot stays closed after the request that held it got its answer. */
export const SLOT_WINDOW_MS = 1_000;

/**
 * How long a slot may be held by a request in flight before it counts as abandoned (a replica
 * that died mid-request): longer than any attempt may take.
 */
export const SLOT_LEASE_MARGIN_MS = 5_000;

/** How often a replica looks for a free slot while every slot is held by a request in flight. */
export const SLOT_POLL_MS = 50;

/** Whether a share of the budget was granted, and if not, when to ask again. */
export type BudgetAnswer =
  | { readonly granted: true }
  | { readonly granted: false; readonly retryInMs: number };

/** A slot answer; a granted slot must be released once its request has its answer. */
export type SlotAnswer =
  | { readonly granted: true; readonly release: () => Promise<void> }
  | { readonly granted: false; readonly retryInMs: number };

/** The account's Zoom request budget: the limits, and where the counts live. */
export interface RateBudgetOptions {
  /**
   * Requests a second (`ZOOM_RATE_LIMIT_PER_SECOND`): the number of slots; `0` grants every
   * request a slot at once (no client-side limit: config allows it for a loopback Zoom only).
   */
  readonly perSecond: number;
  /** Requests a UTC day (`ZOOM_DAILY_LIMIT`). */
  readonly perDay: number;
  /** The longest one attempt may take (`ZOOM_TIMEOUT_MS`), so a held slot is never taken. */
  readonly attemptTimeoutMs: number;
  /** Shared counts for every replica; counts stay in this process when absent. */
  readonly redis?: Redis;
  /** Prefix of every Redis key (`REDIS_KEY_PREFIX`). */
  readonly keyPrefix: string;
  readonly clock: Clock;
  readonly logger: AppLogger;
}

/**
 * Zoom's rate limits as counts every replica draws from, so that Zoom never sees more than
 * `perSecond` requests in any second, however the requests travel:
 *
 * - `perSecond` **slots**. A request holds one from the moment it may be sent until its answer
 *   (or failure) is back, and the slot then stays closed for {@link SLOT_WINDOW_MS}. Zoom counts
 *   a request somewhere between its arrival and its answer, so two requests through one slot
 *   are counted at least a second apart, and all slots together at most `perSecond` in any
 *   second, whatever the delays between the app, the network and Zoom.
 * - a **pause** every replica honours after Zoom's per-second 429;
 * - a **daily** allowance, per UTC day.
 *
 * Each is a rate-limiter-flexible key (`RateLimiterRedis` with Redis, `RateLimiterMemory`
 * otherwise, and in memory too whenever Redis fails, as its `insuranceLimiter`): counting and
 * expiry are the library's. Order and waiting are the rate limiter's (src/zoom/rate-limiter.ts).
 * https://developers.zoom.us/docs/api/rest/rate-limits/
 */
export interface RateBudget {
  /** Slots: requests that may be counted by Zoom in one second. */
  readonly slotsPerWindow: number;
  /** How long a slot stays closed after its request ended. */
  readonly windowMs: number;
  /** A free slot (to release when the request ended), or how long until to look again. */
  takeSlot(): Promise<SlotAnswer>;
  /** One request of today's allowance, or how long until it resets. */
  takeDaily(): Promise<BudgetAnswer>;
  /** Grants no slot, on any replica, for `ms` (Zoom said 429 for the per-second limit). */
  pauseSlots(ms: number): Promise<void>;
  /** Grants no daily allowance, on any replica, for `ms` (Zoom said the day's budget is gone). */
  exhaustDaily(ms: number): Promise<void>;
}

/** `YYYY-MM-DD` of the UTC day `now` falls in. */
export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

/** Milliseconds from `now` to the next 00:00 UTC (never 0: at midnight exactly, a whole day). */
export const msUntilNextUtcDay = (now: Date): number => DAY_MS - (now.getTime() % DAY_MS);

const wholeSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** Builds the {@link RateBudget}; see {@link RateBudgetOptions}. */
export const createRateBudget = (options: RateBudgetOptions): RateBudget => {
  const { redis, logger } = options;
  const keyPrefix = `${options.keyPrefix}zoom-rate`;
  const limiter = (points: number, durationSeconds: number): SharedLimiter =>
    createSharedLimiter({ points, duration: durationSeconds, keyPrefix }, redis);
  const slots = limiter(1, wholeSeconds(options.attemptTimeoutMs + SLOT_LEASE_MARGIN_MS));
  const pause = limiter(1, 1);
  const daily = limiter(options.perDay, DAY_MS / 1000);
  const slotKeys = Array.from({ length: options.perSecond }, (_, index) => `slot:${index}`);
  let nextSlot = 0;

  const warn = (error: unknown) =>
    logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'Zoom rate budget unavailable',
    );

  const take = async (from: SharedLimiter, key: string): Promise<BudgetAnswer> => {
    try {
      await from.consume(key, 1);
      return { granted: true };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) {
        return { granted: false, retryInMs: Math.max(1, refusal.msBeforeNext) };
      }
      warn(refusal);
      return { granted: false, retryInMs: SLOT_WINDOW_MS };
    }
  };

  const pausedForMs = async (): Promise<number> => {
    try {
      const state = await pause.get('pause');
      return state !== null && state.consumedPoints > 1 ? Math.max(1, state.msBeforeNext) : 0;
    } catch (error) {
      warn(error);
      return 0;
    }
  };

  const release = (key: string) => async () => {
    try {
      await slots.block(key, wholeSeconds(SLOT_WINDOW_MS));
    } catch (error) {
      warn(error);
    }
  };

  const todayKey = () => `day:${utcDay(options.clock.now())}`;

  const unlimited = options.perSecond === 0;
  const noRelease = async () => {};

  return {
    slotsPerWindow: unlimited ? Number.POSITIVE_INFINITY : options.perSecond,
    windowMs: SLOT_WINDOW_MS,
    takeSlot: async () => {
      const pausedMs = await pausedForMs();
      if (pausedMs > 0) return { granted: false, retryInMs: pausedMs };
      if (unlimited) return { granted: true, release: noRelease };
      let soonestMs = Number.POSITIVE_INFINITY;
      for (let tried = 0; tried < slotKeys.length; tried += 1) {
        const index = (nextSlot + tried) % slotKeys.length;
        const key = slotKeys[index] ?? 'slot:0';
        const answer = await take(slots, key);
        if (answer.granted) {
          nextSlot = (index + 1) % slotKeys.length;
          return { granted: true, release: release(key) };
        }
        soonestMs = Math.min(soonestMs, answer.retryInMs);
      }
      return { granted: false, retryInMs: soonestMs <= SLOT_WINDOW_MS ? soonestMs : SLOT_POLL_MS };
    },
    takeDaily: async () => {
      const answer = await take(daily, todayKey());
      if (answer.granted) return answer;
      const untilReset = msUntilNextUtcDay(options.clock.now());
      return { granted: false, retryInMs: Math.min(answer.retryInMs, untilReset) };
    },
    pauseSlots: async (ms) => {
      await pause.block('pause', wholeSeconds(ms));
    },
    exhaustDaily: async (ms) => {
      await daily.block(todayKey(), wholeSeconds(ms));
    },
  };
};
