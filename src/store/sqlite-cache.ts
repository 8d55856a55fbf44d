import type Database from 'better-sqlite3';
import { cacheExpiryMs, encodeJson, logUnreadable, parseJsonOrUndefined } from './codec.js';
import { createShortLivedCache, SHORT_LIVED_MAX_TTL_MS } from './short-lived-cache.js';
import type { ExpiringRows } from './sqlite-sweeper.js';
import type { Store, StoreDeps } from './types.js';

interface CacheRow {
  value: string;
  expires_at_ms: number;
}

/** The SQLite store's cache: its three methods, and its rows for the store's sweeper. */
export interface SqliteCache {
  readonly methods: Pick<Store, 'cacheGet' | 'cacheSet' | 'cacheDelete'>;
  readonly expiring: ExpiringRows;
}

/**
 * The cache of the SQLite store. Entries that live at most {@link SHORT_LIVED_MAX_TTL_MS} stay in
 * memory ({@link createShortLivedCache}): one process owns the file, so nothing else could read
 * them there, and a page cached for 30 seconds is not worth a commit. Longer-lived ones are rows
 * of the `cache` table; expired rows are swept by the store's sweeper (src/store/sqlite-sweeper.ts),
 * never on the request path.
 */
export const createSqliteCache = (db: Database.Database, deps: StoreDeps): SqliteCache => {
  const { clock, logger } = deps;
  const selectCache = db.prepare<[string, string], CacheRow>(
    'SELECT value, expires_at_ms FROM cache WHERE namespace = ? AND key = ?',
  );
  const deleteExpiredCache = db.prepare<[number, number]>(
    `DELETE FROM cache WHERE (namespace, key) IN
       (SELECT namespace, key FROM cache WHERE expires_at_ms <= ? LIMIT ?)`,
  );
  const upsertCache = db.prepare<[string, string, string, number]>(
    `INSERT INTO cache (namespace, key, value, expires_at_ms) VALUES (?, ?, ?, ?)
     ON CONFLICT (namespace, key) DO UPDATE SET
       value = excluded.value, expires_at_ms = excluded.expires_at_ms`,
  );
  const deleteCacheRow = db.prepare<[string, string]>(
    'DELETE FROM cache WHERE namespace = ? AND key = ?',
  );
  const shortLived = createShortLivedCache();
  const memoryKey = (namespace: string, key: string): string => `${namespace}\u0000${key}`;
  const readCache = (namespace: string, key: string): string | undefined => {
    const nowMs = clock.now().getTime();
    const inMemory = shortLived.get(memoryKey(namespace, key), nowMs);
    if (inMemory !== undefined) return inMemory;
    const row = selectCache.get(namespace, key);
    return row === undefined || row.expires_at_ms <= nowMs ? undefined : row.value;
  };

  return {
    methods: {
      cacheGet: async <T>(namespace: string, key: string) => {
        const json = readCache(namespace, key);
        if (json === undefined) return undefined;
        const value = parseJsonOrUndefined(json);
        if (value === undefined) logUnreadable(logger, { store: 'sqlite', namespace });
        return value as T | undefined;
      },
      cacheSet: async (namespace, key, value, ttlMs) => {
        const now = clock.now();
        const expiresAtMs = cacheExpiryMs(now, ttlMs);
        const json = encodeJson(value);
        if (ttlMs <= SHORT_LIVED_MAX_TTL_MS) {
          shortLived.set(memoryKey(namespace, key), json, expiresAtMs);
          return;
        }
        shortLived.delete(memoryKey(namespace, key));
        upsertCache.run(namespace, key, json, expiresAtMs);
      },
      cacheDelete: async (namespace, key) => {
        shortLived.delete(memoryKey(namespace, key));
        deleteCacheRow.run(namespace, key);
      },
    },
    expiring: {
      what: 'cache rows',
      deleteExpired: (nowMs, limit) => {
        deleteExpiredCache.run(nowMs, limit);
      },
    },
  };
};
