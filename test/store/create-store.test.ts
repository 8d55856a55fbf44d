import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createCapturingLogger } from './logger.js';
import { checkRedis, REDIS_TEST_URL, RUN_KEY_PREFIX } from './redis-server.js';

const ioredis = vi.hoisted(() => ({ loads: 0 }));

vi.mock('ioredis', async (importOriginal) => {
  ioredis.loads += 1;
  return importOriginal();
});

const reachable = await checkRedis();
const root = mkdtempSync(join(tmpdir(), 'sms-sessions-create-'));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('createStore', () => {
  it.each([
    ['absent', {}],
    ['empty', { redisUrl: '' }],
  ])(
    'opens SQLite at databasePath without loading ioredis when redisUrl is %s',
    async (name, redis) => {
      const databasePath = join(root, name, 'store.db');
      const { logger, lines } = createCapturingLogger();
      const store = await createStore(
        { databasePath, ...redis },
        { clock: createFakeClock(), logger },
      );
      await store.ping();
      await store.close();
      expect(existsSync(databasePath)).toBe(true);
      expect(lines).toMatchObject([{ store: 'sqlite', msg: 'Store ready' }]);
      expect(ioredis.loads).toBe(0);
    },
  );

  it.skipIf(!reachable)('uses Redis under the key prefix when redisUrl is set', async () => {
    const databasePath = join(root, 'unused', 'store.db');
    const { logger, lines } = createCapturingLogger();
    const deps = { clock: createFakeClock(), logger };
    const config = {
      databasePath,
      redisUrl: REDIS_TEST_URL,
      redisKeyPrefix: `${RUN_KEY_PREFIX}create:`,
    };
    const store = await createStore(config, deps);
    try {
      await store.cacheSet('page', 'k', 'shared', 60_000);
      const other = await createStore(config, deps);
      expect(await other.cacheGet('page', 'k')).toBe('shared');
      await other.close();
      const { Redis } = await import('ioredis');
      const admin = new Redis(REDIS_TEST_URL);
      expect(await admin.exists(`${config.redisKeyPrefix}cache:page:k`)).toBe(1);
      await admin.quit();
      await store.cacheDelete('page', 'k');
    } finally {
      await store.close();
    }
    expect(existsSync(databasePath)).toBe(false);
    expect(lines).toMatchObject([
      { store: 'redis', msg: 'Store ready' },
      { store: 'redis', msg: 'Store ready' },
    ]);
    expect(ioredis.loads).toBe(1);
  });
});
