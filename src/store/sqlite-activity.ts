import type Database from 'better-sqlite3';
import {
  type ActivityTimes,
  assertActivityLimit,
  NO_ACTIVITY,
  toConversationActivity,
  withActivity,
} from './activity-codec.js';
import type { TextActivityStore } from './types.js';

interface ActivityRow {
  session_id: string;
  last_in_ms: number;
  last_out_ms: number;
  last_failed_out_ms: number;
}

const timesOf = (row: ActivityRow): ActivityTimes => ({
  inMs: row.last_in_ms,
  outMs: row.last_out_ms,
  failedOutMs: row.last_failed_out_ms,
});

const COLUMNS = 'session_id, last_in_ms, last_out_ms, last_failed_out_ms';

/**
 * The text-activity part of the SQLite store, on the table of migrations 4 and 5: one row per
 * (owner, session) with its newest inbound, outbound and failed outbound times (`0`: none),
 * kept by `max()` so a late or repeated text never moves a time back. The waiting rule is
 * `isUnanswered` of the codec, said in SQL.
 */
export const createSqliteActivity = (db: Database.Database): TextActivityStore => {
  const upsert = db.prepare<[string, string, number, number, number]>(
    `INSERT INTO text_activity
       (owner_zoom_user_id, session_id, last_in_ms, last_out_ms, last_failed_out_ms)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner_zoom_user_id, session_id) DO UPDATE SET
       last_in_ms = max(last_in_ms, excluded.last_in_ms),
       last_out_ms = max(last_out_ms, excluded.last_out_ms),
       last_failed_out_ms = max(last_failed_out_ms, excluded.last_failed_out_ms)`,
  );
  const selectOne = db.prepare<[string, string], ActivityRow>(
    `SELECT ${COLUMNS} FROM text_activity WHERE owner_zoom_user_id = ? AND session_id = ?`,
  );
  const selectUnanswered = db.prepare<[string, number, number], ActivityRow>(
    `SELECT ${COLUMNS} FROM text_activity
     WHERE owner_zoom_user_id = ? AND last_in_ms >= ? AND last_in_ms > 0
       AND (last_in_ms > last_out_ms
         OR (last_failed_out_ms > 0 AND last_failed_out_ms >= last_out_ms))
     ORDER BY last_in_ms DESC, session_id LIMIT ?`,
  );
  const clear = (column: string) =>
    db.prepare<[number]>(
      `UPDATE text_activity SET ${column} = 0 WHERE ${column} > 0 AND ${column} < ?`,
    );
  const clearIn = clear('last_in_ms');
  const clearOut = clear('last_out_ms');
  const clearFailedOut = clear('last_failed_out_ms');
  const deleteEmpty = db.prepare(
    `DELETE FROM text_activity
     WHERE last_in_ms = 0 AND last_out_ms = 0 AND last_failed_out_ms = 0`,
  );
  const prune = db.transaction((cutoff: number) => {
    clearIn.run(cutoff);
    clearOut.run(cutoff);
    clearFailedOut.run(cutoff);
    deleteEmpty.run();
  });
  return {
    recordTextActivity: async (activity) => {
      const times = withActivity(NO_ACTIVITY, activity);
      upsert.run(
        activity.ownerZoomUserId,
        activity.sessionId,
        times.inMs,
        times.outMs,
        times.failedOutMs,
      );
    },
    getTextActivity: async (owner, session) => {
      const row = selectOne.get(owner, session);
      return row === undefined ? undefined : toConversationActivity(owner, session, timesOf(row));
    },
    listUnanswered: async (owner, since, limit) => {
      assertActivityLimit(limit);
      return selectUnanswered
        .all(owner, since.getTime(), limit)
        .map((row) => toConversationActivity(owner, row.session_id, timesOf(row)));
    },
    pruneTextActivity: async (olderThan) => {
      prune(olderThan.getTime());
    },
  };
};
