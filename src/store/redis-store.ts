import type { Redis } from 'ioredis';
import { z } from 'zod';
import { cacheExpiryMs, encodeJson, logUnreadable, parseJsonOrUndefined } from './codec.js';
import { createRedisActivity } from './redis-activity.js';
import { createRedisAudit } from './redis-audit.js';
import { createRedisInbox } from './redis-inbox.js';
import type { Store, StoreDeps } from './types.js';

/** Prefix of every key when none is configured. */
export const DEFAULT_REDIS_KEY_PREFIX = 'sms-sessions:';

/** How long `ping` waits: ioredis queues commands while reconnecting, so a PING could wait long. */
export const REDIS_PING_TIMEOUT_MS = 2_000;

/** Options for {@link createRedisStore}: a connection to borrow, or a URL to connect to. */
export type RedisStoreOptions = {
  /**
   * Prepended to every key (default {@link DEFAULT_REDIS_KEY_PREFIX}), so deployments and test
   * runs can share one server without seeing each other's data.
   */
  readonly keyPrefix?: string;
  readonly pingTimeoutMs?: number;
} & (
  | {
      /** Borrowed: `close()` leaves it open for its owner to close. */
      readonly redis: Redis;
    }
  | {
      /** `redis://` or `rediss://` URL; the store connects, and closes the connection on `close()`. */
      readonly url: string;
    }
);

const linkSchema = z.object({
  slackUserId: z.string(),
  zoomUser: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});

const cacheEnvelopeSchema = z.object({ expiresAtMs: z.number(), value: z.unknown() });

const connect = async (url: string, deps: StoreDeps): Promise<Redis> => {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true });
  redis.on('error', (error: Error) => {
    deps.logger.warn({ store: 'redis', err: error.message }, 'Redis connection error');
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error('Could not connect to Redis', { cause: error });
  }
  return redis;
};

/**
 * A {@link Store} in Redis (ioredis), for several replicas: whatever one replica writes, the
 * others read at once. ioredis is imported only when this store connects from a URL, so an
 * app on SQLite never loads it.
 *
 * Cache entries get a real `PX` expiry (Redis frees them) and also carry their expiry instant,
 * checked against the injected clock on read, so expiry follows the same clock as every other
 * adapter. The audit trail is laid out as {@link createRedisAudit} describes.
 */
export const createRedisStore = async (
  options: RedisStoreOptions,
  deps: StoreDeps,
): Promise<Store> => {
  const { clock, logger } = deps;
  const ownsConnection = 'url' in options;
  const redis = 'url' in options ? await connect(options.url, deps) : options.redis;
  const prefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  const pingTimeoutMs = options.pingTimeoutMs ?? REDIS_PING_TIMEOUT_MS;
  let closed = false;

  const linkKey = (slackUserId: string): string => `${prefix}link:${slackUserId}`;
  const cacheKey = (namespace: string, key: string): string =>
    `${prefix}cache:${encodeURIComponent(namespace)}:${key}`;

  const assertOpen = (): void => {
    if (closed) throw new Error('Store is closed');
  };
  const audit = createRedisAudit(redis, prefix, deps);
  const linksByZoomKey = `${prefix}links-by-zoom`;

  return {
    ...createRedisInbox(redis, prefix, clock, assertOpen),
    ...createRedisActivity(redis, prefix, assertOpen),
    getLink: async (slackUserId) => {
      assertOpen();
      const text = await redis.get(linkKey(slackUserId));
      if (text === null) return undefined;
      const parsed = linkSchema.safeParse(parseJsonOrUndefined(text));
      if (!parsed.success) throw new Error('Stored link is unreadable', { cause: parsed.error });
      return parsed.data;
    },
    setLink: async (link) => {
      assertOpen();
      const { slackUserId, zoomUser, setBy, setAt } = link;
      const previous = await redis.getset(
        linkKey(slackUserId),
        JSON.stringify({ slackUserId, zoomUser, setBy, setAt }),
      );
      const before = linkSchema.safeParse(parseJsonOrUndefined(previous ?? 'null'));
      const multi = redis.multi();
      if (before.success) {
        multi.hdel(linksByZoomKey, before.data.zoomUser.toLowerCase());
      }
      await multi.hset(linksByZoomKey, zoomUser.toLowerCase(), slackUserId).exec();
    },
    deleteLink: async (slackUserId) => {
      assertOpen();
      const previous = await redis.get(linkKey(slackUserId));
      const removed = (await redis.del(linkKey(slackUserId))) > 0;
      const before = linkSchema.safeParse(parseJsonOrUndefined(previous ?? 'null'));
      if (
        before.success &&
        (await redis.hget(linksByZoomKey, before.data.zoomUser.toLowerCase())) === slackUserId
      ) {
        await redis.hdel(linksByZoomKey, before.data.zoomUser.toLowerCase());
      }
      return removed;
    },

    appendAudit: async (entry) => {
      assertOpen();
      return audit.appendAudit(entry);
    },
    appendAuditBatch: async (entries) => {
      assertOpen();
      return audit.appendAuditBatch(entries);
    },
    setAuditCount: async (id, count) => {
      assertOpen();
      await audit.setAuditCount(id, count);
    },
    listAudit: async (query) => {
      assertOpen();
      return audit.listAudit(query);
    },
    pruneAudit: async (olderThan) => {
      assertOpen();
      return audit.pruneAudit(olderThan);
    },

    cacheGet: async <T>(namespace: string, key: string) => {
      assertOpen();
      const text = await redis.get(cacheKey(namespace, key));
      if (text === null) return undefined;
      const parsed = cacheEnvelopeSchema.safeParse(parseJsonOrUndefined(text));
      if (!parsed.success || !('value' in parsed.data)) {
        logUnreadable(logger, { store: 'redis', namespace });
        return undefined;
      }
      if (parsed.data.expiresAtMs <= clock.now().getTime()) return undefined;
      return parsed.data.value as T;
    },
    cacheSet: async (namespace, key, value, ttlMs) => {
      assertOpen();
      const expiresAtMs = cacheExpiryMs(clock.now(), ttlMs);
      const envelope = `{"expiresAtMs":${expiresAtMs},"value":${encodeJson(value)}}`;
      await redis.set(cacheKey(namespace, key), envelope, 'PX', Math.ceil(ttlMs));
    },
    cacheDelete: async (namespace, key) => {
      assertOpen();
      await redis.del(cacheKey(namespace, key));
    },

    ping: async () => {
      assertOpen();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not answer PING within ${pingTimeoutMs} ms`)),
          pingTimeoutMs,
        );
      });
      try {
        await Promise.race([redis.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (!ownsConnection) return;
      if (redis.status === 'ready') await redis.quit();
      else redis.disconnect();
    },
  };
};
