import type { Redis } from 'ioredis';
import {
  type ActivityTimes,
  assertActivityLimit,
  isUnanswered,
  NO_ACTIVITY,
  toConversationActivity,
  withActivity,
} from './activity-codec.js';
import type { TextActivityStore } from './types.js';

/**
 * The text-activity part of the Redis store: per owner, one sorted set of sessions scored by
 * their newest inbound text, one by their newest outbound text and one by their newest outbound
 * text that failed (`ZADD GT`, so a late or repeated text never moves a time back, on any
 * replica), and a sorted set of owners scored by their newest text, for pruning. A session
 * missing from a set has no such time, so data written before failed texts were noted reads as
 * none failed.
 */
export const createRedisActivity = (
  redis: Redis,
  prefix: string,
  assertOpen: () => void,
): TextActivityStore => {
  const ownersKey = `${prefix}inbox:activity:owners`;
  const inKey = (owner: string) => `${prefix}inbox:activity:in:${owner}`;
  const outKey = (owner: string) => `${prefix}inbox:activity:out:${owner}`;
  const failedOutKey = (owner: string) => `${prefix}inbox:activity:failed-out:${owner}`;
  const keys = (owner: string) => [inKey(owner), outKey(owner), failedOutKey(owner)] as const;
  const score = (value: string | null | undefined): number =>
    value === null || value === undefined ? 0 : Number(value);

  return {
    recordTextActivity: async (activity) => {
      assertOpen();
      const owner = activity.ownerZoomUserId;
      const times = withActivity(NO_ACTIVITY, activity);
      const transaction = redis.multi();
      const [inbound, outbound, failedOut] = keys(owner);
      const scored: ReadonlyArray<[string, number]> = [
        [inbound, times.inMs],
        [outbound, times.outMs],
        [failedOut, times.failedOutMs],
      ];
      for (const [key, ms] of scored) {
        if (ms > 0) transaction.zadd(key, 'GT', ms, activity.sessionId);
      }
      const newest = Math.max(times.inMs, times.outMs, times.failedOutMs);
      await transaction.zadd(ownersKey, 'GT', newest, owner).exec();
    },
    getTextActivity: async (owner, session) => {
      assertOpen();
      const scores = await Promise.all(keys(owner).map((key) => redis.zscore(key, session)));
      if (scores.every((value) => value === null)) return undefined;
      const [inbound, outbound, failedOut] = scores;
      return toConversationActivity(owner, session, {
        inMs: score(inbound),
        outMs: score(outbound),
        failedOutMs: score(failedOut),
      });
    },
    listUnanswered: async (owner, since, limit) => {
      assertOpen();
      assertActivityLimit(limit);
      const sinceMs = since.getTime();
      const flat = await redis.zrevrangebyscore(inKey(owner), '+inf', sinceMs, 'WITHSCORES');
      const inbound: Array<[string, number]> = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        inbound.push([flat[i] as string, Number(flat[i + 1])]);
      }
      if (inbound.length === 0) return [];
      const sessions = inbound.map(([session]) => session);
      const [outbound, failedOut] = await Promise.all([
        redis.zmscore(outKey(owner), ...sessions),
        redis.zmscore(failedOutKey(owner), ...sessions),
      ]);
      return inbound
        .map(([session, inMs], i): [string, ActivityTimes] => [
          session,
          { inMs, outMs: score(outbound[i]), failedOutMs: score(failedOut[i]) },
        ])
        .filter(([, times]) => isUnanswered(times, sinceMs))
        .sort(([a, x], [b, y]) => y.inMs - x.inMs || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit)
        .map(([session, times]) => toConversationActivity(owner, session, times));
    },
    pruneTextActivity: async (olderThan) => {
      assertOpen();
      const before = `(${olderThan.getTime()}`;
      const owners = await redis.zrange(ownersKey, 0, -1);
      const pipeline = redis.pipeline();
      for (const owner of owners) {
        for (const key of keys(owner)) pipeline.zremrangebyscore(key, '-inf', before);
      }
      pipeline.zremrangebyscore(ownersKey, '-inf', before);
      await pipeline.exec();
    },
  };
};
