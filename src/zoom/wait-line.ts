import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import type { AppLogger } from '../logger.js';

/**
 * Everyone waiting for a Zoom slot, on every replica, so "queued behind N requests" counts the
 * whole line and not one replica's share. Only a count: each replica still serves its own
 * waiters in order (src/zoom/turn-line.ts).
 */
export interface WaitLine {
  /**
   * Puts `id` at the end of the line; resolves with how many joined before it and still wait,
   * or `undefined` when the line cannot be read (the caller counts its own waiters instead).
   */
  join(id: string): Promise<number | undefined>;
  /** Takes `id` out of the line, whether it got its turn or gave up. */
  leave(id: string): Promise<void>;
}

/** Options for {@link createRedisWaitLine}. */
export interface RedisWaitLineOptions {
  readonly redis: Redis;
  /** Prefix of every Redis key (`REDIS_KEY_PREFIX`). */
  readonly keyPrefix: string;
  /**
   * Entries older than this are dropped when someone joins: nobody waits longer than the time
   * budget, so an older entry belongs to a replica that died before it could leave.
   */
  readonly staleAfterMs: number;
  readonly clock: Clock;
  readonly logger: AppLogger;
}

/**
 * The {@link WaitLine} as one Redis sorted set scored by the time of joining: one `MULTI` drops
 * stale entries, adds the newcomer and reads its rank. Failures are logged and read as
 * "unknown", never thrown: a count must not cost anyone their answer.
 * https://redis.io/docs/latest/commands/zrank/
 */
export const createRedisWaitLine = (options: RedisWaitLineOptions): WaitLine => {
  const { redis, clock, logger } = options;
  const key = `${options.keyPrefix}zoom-rate:line`;
  const warn = (error: unknown) =>
    logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'Zoom wait line unavailable',
    );
  return {
    join: async (id) => {
      const nowMs = clock.now().getTime();
      try {
        const results = await redis
          .multi()
          .zremrangebyscore(key, '-inf', `(${nowMs - options.staleAfterMs}`)
          .zadd(key, nowMs, id)
          .zrank(key, id)
          .pexpire(key, options.staleAfterMs)
          .exec();
        const rank = results?.[2];
        if (rank === undefined || rank[0] !== null || typeof rank[1] !== 'number') return undefined;
        return rank[1];
      } catch (error) {
        warn(error);
        return undefined;
      }
    },
    leave: async (id) => {
      try {
        await redis.zrem(key, id);
      } catch (error) {
        warn(error);
      }
    },
  };
};
