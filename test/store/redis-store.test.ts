import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { AuditEntryInput, Store, StoreDeps } from '../../src/store/types.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { describeStoreContract } from './contract.js';
import { createCapturingLogger, silentLogger } from './logger.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from './redis-server.js';

const reachable = await checkRedis();

let stores = 0;
const freshPrefix = (): string => {
  stores += 1;
  return `${RUN_KEY_PREFIX}${stores}:`;
};
const deps = (): StoreDeps => ({ clock: createFakeClock(), logger: silentLogger });

describe.skipIf(!reachable)('Redis store', () => {
  let admin: Redis;

  beforeAll(async () => {
    admin = new Redis(REDIS_TEST_URL);
    await admin.ping();
  });

  afterAll(async () => {
    const keys = await admin.keys(`${RUN_KEY_PREFIX}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  describeStoreContract('createRedisStore', (storeDeps) =>
    createRedisStore({ url: REDIS_TEST_URL, keyPrefix: freshPrefix() }, storeDeps),
  );

  describe('createRedisStore', () => {
    const withStores = async (
      count: number,
      run: (stores: Store[], prefix: string) => Promise<void>,
    ): Promise<void> => {
      const prefix = freshPrefix();
      const opened = await Promise.all(
        Array.from({ length: count }, () =>
          createRedisStore({ url: REDIS_TEST_URL, keyPrefix: prefix }, deps()),
        ),
      );
      try {
        await run(opened, prefix);
      } finally {
        await Promise.all(opened.map((store) => store.close()));
      }
    };

    it('shows one replica what another wrote at once when they share a server and prefix', async () => {
      await withStores(2, async ([a, b]) => {
        if (a === undefined || b === undefined) throw new Error('two stores expected');
        await a.setLink({
          slackUserId: 'U0ALICE',
          zoomUser: 'alice@example.com',
          setBy: 'U0ADMIN',
          setAt: '2026-11-26T12:00:00.000Z',
        });
        expect(await b.getLink('U0ALICE')).toMatchObject({ zoomUser: 'alice@example.com' });
        await b.cacheSet('page', 'token', { next: 'abc' }, 60_000);
        expect(await a.cacheGet('page', 'token')).toStrictEqual({ next: 'abc' });
        await a.appendAudit({
          actorSlackUserId: 'U0A',
          action: 'list',
          filters: {},
          allowed: true,
        });
        await b.appendAudit({
          actorSlackUserId: 'U0B',
          action: 'list',
          filters: {},
          allowed: true,
        });
        const ids = (await a.listAudit({ limit: 10 })).map((entry) => entry.id);
        expect(new Set(ids).size).toBe(2);
        expect(await b.deleteLink('U0ALICE')).toBe(true);
        expect(await a.getLink('U0ALICE')).toBeUndefined();
        await a.cacheDelete('page', 'token');
        expect(await b.cacheGet('page', 'token')).toBeUndefined();
      });
    });

    it('sees nothing of another prefix when two deployments share a server', async () => {
      await withStores(1, async ([a]) => {
        await withStores(1, async ([b]) => {
          await a?.cacheSet('page', 'k', 1, 60_000);
          await a?.appendAudit({
            actorSlackUserId: 'U0A',
            action: 'x',
            filters: {},
            allowed: true,
          });
          expect(await b?.cacheGet('page', 'k')).toBeUndefined();
          expect(await b?.listAudit({ limit: 10 })).toStrictEqual([]);
        });
      });
    });

    it('gives cached values a real Redis expiry so the server frees them', async () => {
      await withStores(1, async ([store], prefix) => {
        await store?.cacheSet('page', 'k', 1, 60_000);
        const ttl = await admin.pttl(`${prefix}cache:page:k`);
        expect(ttl).toBeGreaterThan(50_000);
        expect(ttl).toBeLessThanOrEqual(60_000);
      });
    });

    it('leaves no audit keys behind when every entry was pruned', async () => {
      await withStores(1, async ([store], prefix) => {
        for (const subject of ['U0A', 'U0B', 'U0C']) {
          await store?.appendAudit({
            actorSlackUserId: 'U0ADMIN',
            subjectSlackUserId: subject,
            action: 'list',
            filters: {},
            allowed: true,
          });
        }
        expect(await store?.pruneAudit(new Date('2030-01-01T00:00:00Z'))).toBe(3);
        expect(await admin.keys(`${prefix}audit:*`)).toStrictEqual([`${prefix}audit:seq`]);
      });
    });

    it('reads text activity written before failed texts were noted as none failed, and prunes every key', async () => {
      await withStores(1, async ([store], prefix) => {
        if (store === undefined) throw new Error('a store expected');
        const inMs = Date.parse('2026-11-26T10:00:00Z');
        await admin.zadd(`${prefix}inbox:activity:in:zoom-alice`, inMs, 's1');
        await admin.zadd(`${prefix}inbox:activity:out:zoom-alice`, inMs - 60_000, 's1');
        await admin.zadd(`${prefix}inbox:activity:owners`, inMs, 'zoom-alice');
        const expected = {
          ownerZoomUserId: 'zoom-alice',
          sessionId: 's1',
          lastInboundAt: '2026-11-26T10:00:00.000Z',
          lastOutboundAt: '2026-11-26T09:59:00.000Z',
        };
        expect(await store.getTextActivity('zoom-alice', 's1')).toStrictEqual(expected);
        expect(await store.listUnanswered('zoom-alice', new Date(0), 10)).toStrictEqual([expected]);
        await store.recordTextActivity({
          ownerZoomUserId: 'zoom-alice',
          sessionId: 's1',
          direction: 'failed-out',
          at: '2026-11-26T10:05:00Z',
        });
        expect(await admin.keys(`${prefix}inbox:activity:*`)).toHaveLength(4);
        await store.pruneTextActivity(new Date('2030-01-01T00:00:00Z'));
        expect(await admin.keys(`${prefix}inbox:activity:*`)).toStrictEqual([]);
      });
    });

    it('finds older matches when filtered by subject and actor past many newer entries', async () => {
      await withStores(1, async ([store]) => {
        const entry = (actorSlackUserId: string, action: string): AuditEntryInput => ({
          actorSlackUserId,
          subjectSlackUserId: 'U0BOB',
          action,
          filters: {},
          allowed: true,
        });
        await store?.appendAudit(entry('U0ADMIN', 'match'));
        for (let i = 0; i < 450; i += 1) await store?.appendAudit(entry('U0BOB', 'self'));
        const found = await store?.listAudit({
          subjectSlackUserId: 'U0BOB',
          actorSlackUserId: 'U0ADMIN',
          limit: 5,
        });
        expect(found?.map((e) => e.action)).toStrictEqual(['match']);
      });
    });

    it('logs and misses when a cached value is damaged, without logging the key', async () => {
      const prefix = freshPrefix();
      const { logger, lines } = createCapturingLogger();
      const store = await createRedisStore(
        { url: REDIS_TEST_URL, keyPrefix: prefix },
        { clock: createFakeClock(), logger },
      );
      await admin.set(`${prefix}cache:identity:alice@example.com`, '{not json');
      await admin.set(`${prefix}cache:identity:bob@example.com`, '{"value":1}');
      expect(await store.cacheGet('identity', 'alice@example.com')).toBeUndefined();
      expect(await store.cacheGet('identity', 'bob@example.com')).toBeUndefined();
      expect(lines).toMatchObject([
        { level: 40, store: 'redis', namespace: 'identity' },
        { level: 40, store: 'redis', namespace: 'identity' },
      ]);
      expect(JSON.stringify(lines)).not.toContain('@example.com');
      await store.close();
    });

    it('skips and logs an audit entry that is damaged', async () => {
      const prefix = freshPrefix();
      const { logger, lines } = createCapturingLogger();
      const store = await createRedisStore(
        { url: REDIS_TEST_URL, keyPrefix: prefix },
        { clock: createFakeClock(), logger },
      );
      await store.appendAudit({
        actorSlackUserId: 'U0A',
        action: 'damaged',
        filters: {},
        allowed: true,
      });
      await store.appendAudit({
        actorSlackUserId: 'U0A',
        action: 'fine',
        filters: {},
        allowed: true,
      });
      await admin.hset(`${prefix}audit:entries`, '1', '{"at":');
      expect(await store.listAudit({ limit: 10 })).toMatchObject([{ action: 'fine' }]);
      expect(lines).toMatchObject([{ level: 40, store: 'redis', auditId: '1' }]);
      await store.close();
    });

    it('rejects getLink when the stored link is damaged, rather than acting as if unlinked', async () => {
      await withStores(1, async ([store], prefix) => {
        await admin.set(`${prefix}link:U0ALICE`, '{"slackUserId":"U0ALICE"}');
        await expect(store?.getLink('U0ALICE')).rejects.toThrow('Stored link is unreadable');
      });
    });

    it('rejects when Redis cannot be reached at the URL', async () => {
      await expect(
        createRedisStore({ url: 'redis://127.0.0.1:1', keyPrefix: freshPrefix() }, deps()),
      ).rejects.toThrow('Could not connect to Redis');
    });

    it('leaves a borrowed connection open when the store is closed', async () => {
      const borrowed = new Redis(REDIS_TEST_URL);
      const store = await createRedisStore({ redis: borrowed, keyPrefix: freshPrefix() }, deps());
      await store.ping();
      await store.close();
      await expect(store.ping()).rejects.toThrow('Store is closed');
      expect(await borrowed.ping()).toBe('PONG');
      await borrowed.quit();
    });

    it('rejects ping after the timeout when Redis does not answer', async () => {
      const unreachable = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
      unreachable.on('error', () => undefined);
      const store = await createRedisStore(
        { redis: unreachable, keyPrefix: freshPrefix(), pingTimeoutMs: 50 },
        deps(),
      );
      await expect(store.ping()).rejects.toThrow('Redis did not answer PING within 50 ms');
      await store.close();
      unreachable.disconnect();
    });
  });
});
