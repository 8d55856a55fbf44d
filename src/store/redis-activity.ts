import type { Redis } from 'ioredis';
import {
  activityMs,
  assertActivityLimit,
  isUnanswered,
  toConversationActivity,
} from './activity-codec.js';
import type { TextActivityStore } from './types.js';

/**
 * The text-activity part of the Redis store: per owner, one sorted set of sessions scored by
 * their newest inbound text and one by their newest outbound text (`ZADD GT`, so a late or
 * repeated text never moves a time back, on any replica), and a sorted set of owners scored by
 * their newest text, for pruning.
 */
export const createRedisActivity = (
  redis: Redis,
  prefix: string,
  assertOpen: () => void,
): TextActivityStore => {
  const ownersKey = `${prefix}inbox:activity:owners`;
  const inKey = (owner: string) => `${prefix}inbox:activity:in:${owner}`;
  const outKey = (owner: string) => `${prefix}inbox:activity:out:${owner}`;
  const score = (value: string | null | undefined): number =>
    value === null || value === undefined ? 0 : Number(value);

  return {
    recordTextActivity: async (activity) => {
      assertOpen();
      const ms = activityMs(activity);
      const owner = activity.ownerZoomUserId;
      await redis
        .multi()
        .zadd(
          activity.direction === 'in' ? inKey(owner) : outKey(owner),
          'GT',
          ms,
          activity.sessionId,
        )
        .zadd(ownersKey, 'GT', ms, owner)
        .exec();
    },
    getTextActivity: async (owner, session) => {
      assertOpen();
      const [inbound, outbound] = await Promise.all([
        redis.zscore(inKey(owner), session),
        redis.zscore(outKey(owner), session),
      ]);
      return inbound === null && outbound === null
        ? undefined
        : toConversationActivity(owner, session, score(inbound), score(outbound));
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
      const outbound = await redis.zmscore(outKey(owner), ...inbound.map(([session]) => session));
      return inbound
        .map(([session, inMs], i) => ({ session, inMs, outMs: score(outbound[i]) }))
        .filter(({ inMs, outMs }) => isUnanswered(inMs, outMs, sinceMs))
        .sort(
          (a, b) => b.inMs - a.inMs || (a.session < b.session ? -1 : a.session > b.session ? 1 : 0),
        )
        .slice(0, limit)
        .map(({ session, inMs, outMs }) => toConversationActivity(owner, session, inMs, outMs));
    },
    pruneTextActivity: async (olderThan) => {
      assertOpen();
      const before = `(${olderThan.getTime()}`;
      const owners = await redis.zrange(ownersKey, 0, -1);
      const pipeline = redis.pipeline();
      for (const owner of owners) {
        pipeline.zremrangebyscore(inKey(owner), '-inf', before);
        pipeline.zremrangebyscore(outKey(owner), '-inf', before);
      }
      pipeline.zremrangebyscore(ownersKey, '-inf', before);
      await pipeline.exec();
    },
  };
};
