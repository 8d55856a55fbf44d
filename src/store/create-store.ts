import { createSqliteStore } from './sqlite-store.js';
import type { Store, StoreDeps } from './types.js';

/** The part of the app's configuration that chooses and locates the store. */
export interface StoreConfig {
  /** SQLite file, used when `redisUrl` is not set. */
  readonly databasePath: string;
  /** Set (non-empty) to keep state in Redis, as several replicas must. */
  readonly redisUrl?: string | undefined;
  /** Defaults to `DEFAULT_REDIS_KEY_PREFIX` (`sms-sessions:`). */
  readonly redisKeyPrefix?: string | undefined;
}

/**
 * Builds the app's one {@link Store}: Redis when `redisUrl` is set, else SQLite at
 * `databasePath`. The Redis adapter and ioredis are imported only on that branch (as probot
 * loads Redis only when `REDIS_URL` is set), so a single-replica install never loads them.
 * Rejects when Redis cannot be reached or the database cannot be opened, so start-up fails fast.
 */
export const createStore = async (config: StoreConfig, deps: StoreDeps): Promise<Store> => {
  if (config.redisUrl) {
    const { createRedisStore } = await import('./redis-store.js');
    const store = await createRedisStore(
      {
        url: config.redisUrl,
        ...(config.redisKeyPrefix === undefined ? {} : { keyPrefix: config.redisKeyPrefix }),
      },
      deps,
    );
    deps.logger.info({ store: 'redis' }, 'Store ready');
    return store;
  }
  const store = createSqliteStore({ path: config.databasePath }, deps);
  deps.logger.info({ store: 'sqlite' }, 'Store ready');
  return store;
};
