import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterRes,
} from 'rate-limiter-flexible';
import { runDetached } from '../process/detached.js';

/** The part of a rate-limiter-flexible limiter the app uses. */
export interface SharedLimiter {
  consume(key: string, points: number): Promise<RateLimiterRes>;
  block(key: string, seconds: number): Promise<RateLimiterRes>;
  get(key: string): Promise<RateLimiterRes | null>;
}

/** One limiter's settings: points per window of `duration` seconds, under `keyPrefix`. */
export interface SharedLimiterSettings {
  readonly points: number;
  readonly duration: number;
  readonly keyPrefix: string;
}

/**
 * A limiter shared by every replica through Redis when there is one (with an in-memory
 * insurance limiter while Redis is not ready), else in this process's memory. Every call runs
 * outside the caller's request context ({@link runDetached}): the memory store arms a timer per
 * key that lives as long as its window (up to a day), and a timer armed inside a request would
 * keep that request's context alive as long.
 * https://github.com/animir/node-rate-limiter-flexible/wiki/Insurance-Strategy
 */
export const createSharedLimiter = (
  settings: SharedLimiterSettings,
  redis: Redis | undefined,
): SharedLimiter => {
  const memory = new RateLimiterMemory({ ...settings });
  const limiter: RateLimiterAbstract =
    redis === undefined
      ? memory
      : new RateLimiterRedis({
          ...settings,
          storeClient: redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
        });
  return {
    consume: (key, points) => runDetached(() => limiter.consume(key, points)),
    block: (key, seconds) => runDetached(() => limiter.block(key, seconds)),
    get: (key) => runDetached(() => limiter.get(key)),
  };
};
