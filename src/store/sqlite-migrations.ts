import type { Database } from 'better-sqlite3';

/** One schema step. Its version is its position in {@link migrations} plus one. */
export interface Migration {
  readonly name: string;
  readonly sql: string;
}

/**
 * The SQLite schema, oldest step first. Append only: a released step is never edited or
 * reordered, because databases in the field already carry its version in `user_version`.
 */
export const migrations: readonly Migration[] = [
  {
    name: 'links, audit trail and cache',
    sql: `
      CREATE TABLE links (
        slack_user_id TEXT PRIMARY KEY,
        zoom_user TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms INTEGER NOT NULL,
        actor_slack_user_id TEXT NOT NULL,
        subject_slack_user_id TEXT,
        subject_zoom_user TEXT,
        action TEXT NOT NULL,
        filters TEXT NOT NULL,
        result_count INTEGER,
        allowed INTEGER NOT NULL,
        reason TEXT
      ) STRICT;
      CREATE INDEX audit_by_time ON audit (at_ms, id);
      CREATE INDEX audit_by_subject ON audit (subject_slack_user_id, at_ms, id);
      CREATE INDEX audit_by_actor ON audit (actor_slack_user_id, at_ms, id);

      CREATE TABLE cache (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        expires_at_ms INTEGER NOT NULL,
        PRIMARY KEY (namespace, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX cache_by_expiry ON cache (expires_at_ms);
    `,
  },
  {
    name: 'SMS inbox: dedupe claims, routes, threads, notification choices, work queue',
    sql: `
      CREATE TABLE claims (
        key TEXT PRIMARY KEY,
        expires_at_ms INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX claims_by_expiry ON claims (expires_at_ms);

      CREATE TABLE inbox_routes (
        line_id TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE inbox_threads (
        session_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (session_id, channel_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE notify_prefs (
        slack_user_id TEXT PRIMARY KEY,
        is_on INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX links_by_zoom_user ON links (zoom_user COLLATE NOCASE);

      CREATE TABLE queue_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lane TEXT NOT NULL,
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        enqueued_at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX queue_jobs_by_lane ON queue_jobs (lane, id);

      CREATE TABLE queue_lanes (
        lane TEXT PRIMARY KEY,
        ready_at_ms INTEGER NOT NULL,
        lease_token TEXT
      ) STRICT;
      CREATE INDEX queue_lanes_by_ready ON queue_lanes (ready_at_ms);
    `,
  },
  {
    name: 'audit entries that stand for several identical refusals',
    sql: 'ALTER TABLE audit ADD COLUMN count INTEGER NOT NULL DEFAULT 1;',
  },
  {
    name: 'when each conversation of a person’s own number last had a text in and out',
    sql: `
      CREATE TABLE text_activity (
        owner_zoom_user_id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        last_in_ms INTEGER NOT NULL DEFAULT 0,
        last_out_ms INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (owner_zoom_user_id, session_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX text_activity_by_inbound ON text_activity (owner_zoom_user_id, last_in_ms);
    `,
  },
  {
    name: 'when each conversation of a person’s own number last had a text out that failed',
    sql: 'ALTER TABLE text_activity ADD COLUMN last_failed_out_ms INTEGER NOT NULL DEFAULT 0;',
  },
];

/**
 * Brings `db` up to the last of `steps` in one `BEGIN IMMEDIATE` transaction, so a failing step
 * leaves the schema and `user_version` as they were, and two processes opening the same file
 * migrate one after the other. Safe to run again: applied steps are skipped. Throws when the file
 * was written by a newer version of the app (downgrades would silently misread it).
 * Returns the schema version now in place.
 */
export const applyMigrations = (db: Database, steps: readonly Migration[] = migrations): number =>
  db
    .transaction(() => {
      const current = Number(db.pragma('user_version', { simple: true }));
      if (current > steps.length) {
        throw new Error(
          `Database schema version ${current} is newer than this app supports (${steps.length})`,
        );
      }
      for (const step of steps.slice(current)) db.exec(step.sql);
      if (current < steps.length) db.pragma(`user_version = ${steps.length}`);
      return steps.length;
    })
    .immediate();
