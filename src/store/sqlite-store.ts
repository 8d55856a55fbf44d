import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  assertAuditCount,
  assertAuditLimit,
  logUnreadable,
  parseAuditFilters,
  toAuditEntryFields,
  toAuditRecord,
} from './codec.js';
import { createSqliteActivity } from './sqlite-activity.js';
import { createSqliteCache } from './sqlite-cache.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { createSqliteInbox } from './sqlite-inbox.js';
import { createSqliteLinks } from './sqlite-links.js';
import { applyMigrations } from './sqlite-migrations.js';
import { startSweeper } from './sqlite-sweeper.js';
import type { AuditEntry, AuditEntryInput, Store, StoreDeps } from './types.js';

/** Where the database lives when configuration does not say. */
export const DEFAULT_DATABASE_PATH = './data/sms-sessions.db';

/** How long a write waits for another process holding the file's write lock before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

interface AuditRow {
  id: number;
  at_ms: number;
  actor_slack_user_id: string;
  subject_slack_user_id: string | null;
  subject_zoom_user: string | null;
  action: string;
  filters: string;
  result_count: number | null;
  allowed: number;
  reason: string | null;
  count: number;
}

/**
 * Opens (creating the file and its folder when missing) and migrates a database.
 *
 * Journal in WAL mode, so readers never wait for the writer, with `synchronous = NORMAL`,
 * SQLite's recommended setting for WAL: a committed transaction survives a crash of the process
 * (`kill -9`) and only the last ones may be lost on power loss or an OS crash, and no commit
 * waits for an `fsync` on the event loop (the WAL is synced at checkpoints instead).
 * https://www.sqlite.org/pragma.html#pragma_synchronous, https://www.sqlite.org/wal.html
 */
export const openSqliteDatabase = (path: string): Database.Database => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    applyMigrations(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
};

/** Options for {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file; see {@link DEFAULT_DATABASE_PATH}. `:memory:` works for throwaway stores. */
  readonly path: string;
}

/**
 * The default {@link Store}: one SQLite file (better-sqlite3), for a single replica. Every
 * method resolves only after its transaction committed, so a link set is on disk once
 * `setLink` resolves. Its cache is {@link createSqliteCache} (short-lived entries in memory);
 * expired cache rows and claims are deleted on a timer ({@link startSweeper});
 * its checkpoints run in a worker thread ({@link startCheckpointer}).
 */
export const createSqliteStore = (options: SqliteStoreOptions, deps: StoreDeps): Store => {
  const { clock, logger } = deps;
  const db = openSqliteDatabase(options.path);
  const cache = createSqliteCache(db, deps);
  const inbox = createSqliteInbox(db, clock);
  const stopSweeper = startSweeper([cache.expiring, inbox.expiring], deps);
  const checkpointer =
    options.path === ':memory:'
      ? undefined
      : startCheckpointer(db, {
          path: options.path,
          busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
          logger,
        });

  const insertAudit = db.prepare<[Omit<AuditRow, 'id'>]>(
    `INSERT INTO audit (at_ms, actor_slack_user_id, subject_slack_user_id, subject_zoom_user,
       action, filters, result_count, allowed, reason, count)
     VALUES (@at_ms, @actor_slack_user_id, @subject_slack_user_id, @subject_zoom_user,
       @action, @filters, @result_count, @allowed, @reason, @count)`,
  );
  const updateAuditCount = db.prepare<[number, number]>('UPDATE audit SET count = ? WHERE id = ?');
  const insertAudits = db.transaction((rows: readonly Omit<AuditRow, 'id'>[]) =>
    rows.map((row) => String(insertAudit.run(row).lastInsertRowid)),
  );
  const deleteAuditBefore = db.prepare<[number]>('DELETE FROM audit WHERE at_ms < ?');

  const toEntry = (row: AuditRow): AuditEntry | undefined => {
    const filters = parseAuditFilters(row.filters);
    if (filters === undefined) {
      logUnreadable(logger, { store: 'sqlite', auditId: String(row.id) });
      return undefined;
    }
    return {
      id: String(row.id),
      ...toAuditEntryFields({
        at: new Date(row.at_ms).toISOString(),
        actorSlackUserId: row.actor_slack_user_id,
        subjectSlackUserId: row.subject_slack_user_id,
        subjectZoomUser: row.subject_zoom_user,
        action: row.action,
        filters,
        resultCount: row.result_count,
        allowed: row.allowed === 1,
        reason: row.reason,
        count: row.count,
      }),
    };
  };

  const appendAuditBatch = async (inputs: readonly AuditEntryInput[]): Promise<string[]> => {
    const rows = inputs.map((input) => {
      const record = toAuditRecord(input, clock.now());
      return {
        at_ms: Date.parse(record.at),
        actor_slack_user_id: record.actorSlackUserId,
        subject_slack_user_id: record.subjectSlackUserId ?? null,
        subject_zoom_user: record.subjectZoomUser ?? null,
        action: record.action,
        filters: JSON.stringify(record.filters),
        result_count: record.resultCount ?? null,
        allowed: record.allowed ? 1 : 0,
        reason: record.reason ?? null,
        count: record.count ?? 1,
      };
    });
    return rows.length === 0 ? [] : insertAudits(rows);
  };

  return {
    ...inbox.methods,
    ...cache.methods,
    ...createSqliteActivity(db),
    ...createSqliteLinks(db),

    appendAudit: async (input) => (await appendAuditBatch([input]))[0] ?? '',
    appendAuditBatch,
    setAuditCount: async (id, count) => {
      assertAuditCount(count);
      updateAuditCount.run(count, Number(id));
    },
    listAudit: async (query) => {
      assertAuditLimit(query);
      const conditions: string[] = [];
      const params: Record<string, string | number> = { limit: query.limit };
      if (query.subjectSlackUserId !== undefined) {
        conditions.push('subject_slack_user_id = @subject');
        params.subject = query.subjectSlackUserId;
      }
      if (query.actorSlackUserId !== undefined) {
        conditions.push('actor_slack_user_id = @actor');
        params.actor = query.actorSlackUserId;
      }
      const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
      return db
        .prepare<[Record<string, string | number>], AuditRow>(
          `SELECT * FROM audit ${where} ORDER BY at_ms DESC, id DESC LIMIT @limit`,
        )
        .all(params)
        .flatMap((row) => toEntry(row) ?? []);
    },
    pruneAudit: async (olderThan) => deleteAuditBefore.run(olderThan.getTime()).changes,

    ping: async () => {
      db.prepare('SELECT 1').get();
    },
    close: async () => {
      stopSweeper();
      await checkpointer?.stop();
      if (db.open) db.close();
    },
  };
};
