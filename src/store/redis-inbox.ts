import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import { cacheExpiryMs, encodeJson, parseJsonOrUndefined } from './codec.js';
import {
  decodeJob,
  decodeRoute,
  decodeThread,
  encodeRoute,
  encodeThread,
  sortRoutes,
} from './inbox-codec.js';
import type { InboxQueueStore, LeasedJob, Link } from './types.js';

/** Lanes looked at per lease: empty lanes found on the way are dropped. */
const LEASE_SCAN_LANES = 16;

/**
 * KEYS: ready zset, seq. ARGV: lane-key prefix, job-key prefix, lane, payload, now.
 * A lane already paused or leased keeps its later score (`NX`).
 */
const ENQUEUE = `
local id = redis.call('INCR', KEYS[2])
local job = cjson.encode({ id = tostring(id), lane = ARGV[3], attempts = 0, enqueuedAt = ARGV[6] })
redis.call('SET', ARGV[2] .. id, string.sub(job, 1, -2) .. ',"payload":' .. ARGV[4] .. '}')
redis.call('RPUSH', ARGV[1] .. ARGV[3], tostring(id))
redis.call('ZADD', KEYS[1], 'NX', ARGV[5], ARGV[3])
return tostring(id)
`;

/**
 * KEYS: ready zset, attempts hash. ARGV: lane-key prefix, job-key prefix, lease-key prefix, now,
 * leaseMs, token, lane ('' for any), scan limit. Returns the job's JSON text and its attempts, or nil.
 */
const LEASE = `
local now = tonumber(ARGV[4])
local candidates
if ARGV[7] ~= '' then
  local score = redis.call('ZSCORE', KEYS[1], ARGV[7])
  if not score or tonumber(score) > now then return nil end
  candidates = { ARGV[7] }
else
  candidates = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[8]))
end
for _, lane in ipairs(candidates) do
  local id = redis.call('LINDEX', ARGV[1] .. lane, 0)
  if not id then
    redis.call('ZREM', KEYS[1], lane)
    redis.call('DEL', ARGV[3] .. lane)
  else
    redis.call('ZADD', KEYS[1], now + tonumber(ARGV[5]), lane)
    redis.call('SET', ARGV[3] .. lane, ARGV[6])
    return { redis.call('GET', ARGV[2] .. id), tostring(redis.call('HGET', KEYS[2], id) or '0') }
  end
end
return nil
`;

/**
 * KEYS: ready zset, attempts hash. ARGV: lane-key prefix, job-key prefix, lease-key prefix, lane,
 * id, token, readyAt, 'complete' or 'retry'. Returns 1 when the lease was still held. The job's
 * text is never decoded here (Lua's cjson would turn an empty array into an object).
 */
const FINISH = `
if redis.call('GET', ARGV[3] .. ARGV[4]) ~= ARGV[6] then return 0 end
if redis.call('LINDEX', ARGV[1] .. ARGV[4], 0) ~= ARGV[5] then return 0 end
if ARGV[8] == 'complete' then
  redis.call('LPOP', ARGV[1] .. ARGV[4])
  redis.call('DEL', ARGV[2] .. ARGV[5])
  redis.call('HDEL', KEYS[2], ARGV[5])
else
  redis.call('HINCRBY', KEYS[2], ARGV[5], 1)
end
redis.call('DEL', ARGV[3] .. ARGV[4])
redis.call('ZADD', KEYS[1], ARGV[7], ARGV[4])
return 1
`;

const linkFromText = (text: string | null): Link | undefined => {
  if (text === null) return undefined;
  const value = parseJsonOrUndefined(text) as Partial<Link> | undefined;
  return typeof value?.slackUserId === 'string' &&
    typeof value.zoomUser === 'string' &&
    typeof value.setBy === 'string' &&
    typeof value.setAt === 'string'
    ? {
        slackUserId: value.slackUserId,
        zoomUser: value.zoomUser,
        setBy: value.setBy,
        setAt: value.setAt,
      }
    : undefined;
};

/**
 * The inbox half of the Redis store. Claims are `SET NX PX` keys; the queue is a sorted set of
 * lanes scored by when each is next ready (a lease pushes the score to its expiry, so a dead
 * worker's lane comes back by itself), a list of job ids per lane and one key per job, changed
 * only by Lua scripts so every replica sees each step whole. Links are found by Zoom user through
 * a hash kept beside them (`links-by-zoom`), written by the store's `setLink`/`deleteLink`.
 */
export const createRedisInbox = (
  redis: Redis,
  prefix: string,
  clock: Clock,
  assertOpen: () => void,
): InboxQueueStore => {
  const readyKey = `${prefix}queue:ready`;
  const seqKey = `${prefix}queue:seq`;
  const attemptsKey = `${prefix}queue:attempts`;
  const lanePrefix = `${prefix}queue:lane:`;
  const jobPrefix = `${prefix}queue:job:`;
  const leasePrefix = `${prefix}queue:lease:`;
  const routesKey = `${prefix}inbox:routes`;
  const notifyKey = `${prefix}inbox:notify`;
  const threadKey = (sessionId: string, channelId: string) =>
    `${prefix}inbox:thread:${sessionId}:${channelId}`;
  const claimKey = (key: string) => `${prefix}claim:${key}`;

  const finish = async (job: LeasedJob, at: Date, mode: 'complete' | 'retry') => {
    assertOpen();
    const held = await redis.eval(
      FINISH,
      2,
      readyKey,
      attemptsKey,
      lanePrefix,
      jobPrefix,
      leasePrefix,
      job.lane,
      job.id,
      job.leaseToken,
      String(at.getTime()),
      mode,
    );
    return held === 1;
  };

  return {
    claimOnce: async (key, ttlMs, now) => {
      assertOpen();
      cacheExpiryMs(now, ttlMs);
      return (await redis.set(claimKey(key), '1', 'PX', Math.ceil(ttlMs), 'NX')) === 'OK';
    },
    releaseClaim: async (key) => {
      assertOpen();
      await redis.del(claimKey(key));
    },

    putRoute: async (route) => {
      assertOpen();
      await redis.hset(routesKey, route.lineId, encodeRoute(route));
    },
    getRoute: async (lineId) => {
      assertOpen();
      const text = await redis.hget(routesKey, lineId);
      return text === null ? undefined : decodeRoute(text);
    },
    deleteRoute: async (lineId) => {
      assertOpen();
      return (await redis.hdel(routesKey, lineId)) > 0;
    },
    listRoutes: async () => {
      assertOpen();
      const all = await redis.hvals(routesKey);
      return sortRoutes(all.flatMap((text) => decodeRoute(text) ?? []));
    },

    getThread: async (sessionId, channelId) => {
      assertOpen();
      const text = await redis.get(threadKey(sessionId, channelId));
      return text === null ? undefined : decodeThread(text);
    },
    putThread: async (thread) => {
      assertOpen();
      await redis.set(threadKey(thread.sessionId, thread.channelId), encodeThread(thread));
    },

    getNotify: async (slackUserId) => {
      assertOpen();
      const value = await redis.hget(notifyKey, slackUserId);
      return value === null ? undefined : value === '1';
    },
    setNotify: async (slackUserId, on) => {
      assertOpen();
      await redis.hset(notifyKey, slackUserId, on ? '1' : '0');
    },

    findLinkByZoomUser: async (zoomUser) => {
      assertOpen();
      const slackUserId = await redis.hget(`${prefix}links-by-zoom`, zoomUser.toLowerCase());
      if (slackUserId === null) return undefined;
      const link = linkFromText(await redis.get(`${prefix}link:${slackUserId}`));
      return link?.zoomUser.toLowerCase() === zoomUser.toLowerCase() ? link : undefined;
    },

    enqueueJob: async (lane, payload) => {
      assertOpen();
      const now = clock.now();
      const id = await redis.eval(
        ENQUEUE,
        2,
        readyKey,
        seqKey,
        lanePrefix,
        jobPrefix,
        lane,
        encodeJson(payload),
        String(now.getTime()),
        now.toISOString(),
      );
      return String(id);
    },
    leaseJob: async (leaseMs, lane) => {
      assertOpen();
      const leaseToken = randomUUID();
      const leased = await redis.eval(
        LEASE,
        2,
        readyKey,
        attemptsKey,
        lanePrefix,
        jobPrefix,
        leasePrefix,
        String(clock.now().getTime()),
        String(Math.ceil(leaseMs)),
        leaseToken,
        lane ?? '',
        String(LEASE_SCAN_LANES),
      );
      if (!Array.isArray(leased) || typeof leased[0] !== 'string') return undefined;
      const job = decodeJob(leased[0]);
      return job === undefined ? undefined : { ...job, attempts: Number(leased[1]), leaseToken };
    },
    completeJob: (job, laneReadyAt) => finish(job, laneReadyAt, 'complete'),
    retryJob: (job, retryAt) => finish(job, retryAt, 'retry'),
    countJobs: async () => {
      assertOpen();
      const lanes = await redis.zrange(readyKey, 0, -1);
      const lengths = await Promise.all(lanes.map((lane) => redis.llen(`${lanePrefix}${lane}`)));
      return lengths.reduce((sum, n) => sum + n, 0);
    },
  };
};
