import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { SmsSessionsPage } from '../../src/domain/sms.js';
import type { SessionQuery } from '../../src/query/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/types.js';
import { createCachedZoom, zoomCacheKey } from '../../src/zoom/cached-zoom.js';
import type { SessionDetailsRequest } from '../../src/zoom/session-details.js';
import type { ZoomApi } from '../../src/zoom/types.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from '../store/redis-server.js';

const silent = pino({ level: 'silent' });
const TTL_MS = 30_000;
const EMAIL = 'alice@example.com';
const query: SessionQuery = {
  sessionType: 'user',
  filterType: 'last_message_time',
  from: '2026-11-01T00:00:00Z',
  to: '2026-11-26T12:00:00Z',
  pageSize: 10,
};
const detailsRequest: SessionDetailsRequest = {
  from: query.from,
  to: query.to,
  pageSize: 25,
  order: 'newest-first',
};
const page: SmsSessionsPage = {
  sessions: [{ id: 's1', kind: 'user', participants: [] }],
  nextPageToken: 'next-1',
};

/** A Zoom that counts its calls and answers `page` (or throws `failWith`). */
const countingZoom = (failWith?: Error) => {
  const calls: string[] = [];
  const zoom: ZoomApi = {
    listUserSmsSessions: async (user, _query, token) => {
      calls.push(`list ${user} ${token ?? ''}`);
      if (failWith !== undefined) throw failWith;
      return page;
    },
    getSmsSessionDetails: async (sessionId) => {
      calls.push(`details ${sessionId}`);
      return { messages: [], nextPageToken: '' } as unknown as Awaited<
        ReturnType<ZoomApi['getSmsSessionDetails']>
      >;
    },
    getUser: async (user) => {
      calls.push(`user ${user}`);
      return { id: 'zoom-id', email: user };
    },
    getPhoneUser: async (user) => {
      calls.push(`phone-user ${user}`);
      return { id: 'zoom-id', phoneNumbers: [] };
    },
    listSharedLines: async () => {
      throw new Error('not used');
    },
    sendSms: async (request) => {
      calls.push(`send ${request.sessionId ?? ''}`);
      return { messageId: `m${calls.length}` };
    },
  };
  return { zoom, calls };
};

describe('createCachedZoom', () => {
  const setup = (options: { ttlMs?: number; store?: Store; failWith?: Error } = {}) => {
    const clock = createFakeClock();
    const store = options.store ?? createMemoryStore({ clock });
    const hits: string[] = [];
    const misses: string[] = [];
    const { zoom, calls } = countingZoom(options.failWith);
    const cached = createCachedZoom({
      zoom,
      store,
      ttlMs: options.ttlMs ?? TTL_MS,
      logger: silent,
      metrics: {
        zoomCacheHit: (kind) => hits.push(kind),
        zoomCacheMiss: (kind) => misses.push(kind),
      },
    });
    return { cached, calls, clock, hits, misses };
  };

  it('serves a page fetched within the TTL without calling Zoom', async () => {
    const { cached, calls, clock, hits, misses } = setup();
    expect(await cached.listUserSmsSessions(EMAIL, query, '')).toEqual(page);
    clock.advance(TTL_MS - 1);
    expect(await cached.listUserSmsSessions(EMAIL, { ...query }, '')).toEqual(page);
    expect(calls).toHaveLength(1);
    expect({ hits, misses }).toEqual({ hits: ['sessions'], misses: ['sessions'] });
  });

  it('asks Zoom again once the TTL has passed', async () => {
    const { cached, calls, clock } = setup();
    await cached.listUserSmsSessions(EMAIL, query, '');
    clock.advance(TTL_MS);
    await cached.listUserSmsSessions(EMAIL, query, '');
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['another user', 'bob@example.com', query, ''],
    ['another page token', EMAIL, query, 'next-1'],
    ['another window', EMAIL, { ...query, from: '2026-11-02T00:00:00Z' }, ''],
    ['another page size', EMAIL, { ...query, pageSize: 25 }, ''],
    ['a phone number filter', EMAIL, { ...query, phoneNumber: '18108001001' }, ''],
  ])('asks Zoom for %s', async (_what, user, otherQuery, token) => {
    const { cached, calls } = setup();
    await cached.listUserSmsSessions(EMAIL, query, '');
    await cached.listUserSmsSessions(user, otherQuery, token);
    expect(calls).toHaveLength(2);
  });

  it('caches the user lookups too', async () => {
    const { cached, calls } = setup();
    await cached.getUser(EMAIL);
    await cached.getUser(EMAIL);
    await cached.getPhoneUser(EMAIL);
    await cached.getPhoneUser(EMAIL);
    expect(calls).toEqual([`user ${EMAIL}`, `phone-user ${EMAIL}`]);
  });

  it('never stores session details, which hold the text of messages', async () => {
    const clock = createFakeClock();
    const store = createMemoryStore({ clock });
    const { zoom, calls } = countingZoom();
    const cached = createCachedZoom({ zoom, store, ttlMs: TTL_MS, logger: silent });
    await cached.getSmsSessionDetails('s1', detailsRequest);
    await cached.getSmsSessionDetails('s1', detailsRequest);
    expect(calls).toEqual(['details s1', 'details s1']);
  });

  it('passes every send through: two identical texts are two sends', async () => {
    const { cached, calls } = setup();
    const text = { from: '+14155550100', to: ['+14155550101'], text: 'On my way', sessionId: 's1' };
    await cached.sendSms(text);
    await cached.sendSms(text);
    expect(calls).toEqual(['send s1', 'send s1']);
  });

  it('never caches an error', async () => {
    const { cached, calls } = setup({ failWith: new Error('Zoom down') });
    await expect(cached.listUserSmsSessions(EMAIL, query, '')).rejects.toThrow('Zoom down');
    await expect(cached.listUserSmsSessions(EMAIL, query, '')).rejects.toThrow('Zoom down');
    expect(calls).toHaveLength(2);
  });

  it('only coalesces when the TTL is 0', async () => {
    const { cached, calls } = setup({ ttlMs: 0 });
    await cached.listUserSmsSessions(EMAIL, query, '');
    await cached.listUserSmsSessions(EMAIL, query, '');
    expect(calls).toHaveLength(2);
    await Promise.all([
      cached.listUserSmsSessions(EMAIL, query, ''),
      cached.listUserSmsSessions(EMAIL, query, ''),
    ]);
    expect(calls).toHaveLength(3);
  });

  it('answers from Zoom when the store fails', async () => {
    const clock = createFakeClock();
    const broken = createMemoryStore({ clock });
    await broken.close();
    const { cached, calls } = setup({ store: broken });
    await expect(cached.listUserSmsSessions(EMAIL, query, '')).resolves.toEqual(page);
    expect(calls).toHaveLength(1);
  });
});

describe('zoomCacheKey', () => {
  it('does not depend on the order of the query fields', () => {
    const reordered = Object.fromEntries(Object.entries(query).reverse());
    expect(zoomCacheKey('sessions', [EMAIL, reordered, ''])).toBe(
      zoomCacheKey('sessions', [EMAIL, query, '']),
    );
  });

  it('keeps the email out of the key', () => {
    expect(zoomCacheKey('sessions', [EMAIL, query, ''])).toMatch(/^[0-9a-f]{64}$/);
  });
});

const redisUp = await checkRedis();

describe.skipIf(!redisUp)('createCachedZoom over Redis (several replicas)', () => {
  const stores: Store[] = [];
  const prefix = `${RUN_KEY_PREFIX}cache:`;

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    const redis = new Redis(REDIS_TEST_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('serves on one replica the page another fetched', async () => {
    const clock = createFakeClock();
    for (let i = 0; i < 2; i += 1) {
      stores.push(
        await createRedisStore(
          { url: REDIS_TEST_URL, keyPrefix: prefix },
          { clock, logger: silent },
        ),
      );
    }
    const [storeA, storeB] = stores;
    if (storeA === undefined || storeB === undefined) throw new Error('two stores expected');
    const a = countingZoom();
    const b = countingZoom();
    const replicaA = createCachedZoom({
      zoom: a.zoom,
      store: storeA,
      ttlMs: TTL_MS,
      logger: silent,
    });
    const replicaB = createCachedZoom({
      zoom: b.zoom,
      store: storeB,
      ttlMs: TTL_MS,
      logger: silent,
    });
    await replicaA.listUserSmsSessions(EMAIL, query, '');
    expect(await replicaB.listUserSmsSessions(EMAIL, query, '')).toEqual(page);
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(0);
  });
});
