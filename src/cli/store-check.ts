import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import { createStore } from '../store/create-store.js';
import type { CheckResult } from './report.js';

/** Where the store is, without the password a Redis URL may carry. */
const describeStore = (store: Config['store']) =>
  store.redisUrl === undefined
    ? `SQLite at ${store.databasePath}`
    : `Redis at ${new URL(store.redisUrl).host}`;

/**
 * Opens the store the app would use (creating the SQLite file if missing, as the app does) and
 * pings it, so a wrong `REDIS_URL` or an unwritable `DATABASE_PATH` shows before start-up.
 */
export const checkStore = async (store: Config['store'], clock: Clock): Promise<CheckResult> => {
  const where = describeStore(store);
  try {
    const opened = await createStore(store, { clock, logger: createLogger('silent') });
    try {
      await opened.ping();
    } finally {
      await opened.close();
    }
    return { name: 'store', status: 'pass', summary: `${where} answers` };
  } catch (error) {
    return {
      name: 'store',
      status: 'fail',
      summary: `${where} does not answer: ${error instanceof Error ? error.message : String(error)}`,
      fix:
        store.redisUrl === undefined
          ? "DATABASE_PATH's folder must exist (or be creatable) and be writable by the app's user"
          : 'check REDIS_URL (host, port, password; rediss:// for TLS) and that Redis is reachable from here',
    };
  }
};
