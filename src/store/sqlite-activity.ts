import type Database from 'better-sqlite3';
import { activityMs, assertActivityLimit, toConversationActivity } from './activity-codec.js';
import type { TextActivityStore } from './types.js';

interface ActivityRow {
  session_id: string;
  last_in_ms: number;
  last_out_ms: number;
}

/**
 * The text-activity part of the SQLite store, on the table of migration 4: one row per
 * (owner, session) with its newest inbound and outbound times (`0`: none), kept by
 * `max()` so a late or repeated text never moves a time back.
 */
export const createSqliteActivity = (db: Database.Database): TextActivityStore => {
  const upsert = db.prepare<[string, string, number, number]>(
    `INSERT INTO text_activity (owner_zoom_user_id, session_id, last_in_ms, last_out_ms)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (owner_zoom_user_id, session_id) DO UPDATE SET
       last_in_ms = max(last_in_ms, excluded.last_in_ms),
       last_out_ms = max(last_out_ms, excluded.last_out_ms)`,
  );
  const selectOne = db.prepare<[string, string], ActivityRow>(
    `SELECT session_id, last_in_ms, last_out_ms FROM text_activity
     WHERE owner_zoom_user_id = ? AND session_id = ?`,
  );
  const selectUnanswered = db.prepare<[string, number, number], ActivityRow>(
    `SELECT session_id, last_in_ms, last_out_ms FROM text_activity
     WHERE owner_zoom_user_id = ? AND last_in_ms >= ? AND last_in_ms > last_out_ms AND last_in_ms > 0
     ORDER BY last_in_ms DESC, session_id LIMIT ?`,
  );
  const clearIn = db.prepare<[number]>(
    'UPDATE text_activity SET last_in_ms = 0 WHERE last_in_ms > 0 AND last_in_ms < ?',
  );
  const clearOut = db.prepare<[number]>(
    'UPDATE text_activity SET last_out_ms = 0 WHERE last_out_ms > 0 AND last_out_ms < ?',
  );
  const deleteEmpty = db.prepare(
    'DELETE FROM text_activity WHERE last_in_ms = 0 AND last_out_ms = 0',
  );
  const prune = db.transaction((cutoff: number) => {
    clearIn.run(cutoff);
    clearOut.run(cutoff);
    deleteEmpty.run();
  });
  return {
    recordTextActivity: async (activity) => {
      const ms = activityMs(activity);
      upsert.run(
        activity.ownerZoomUserId,
        activity.sessionId,
        activity.direction === 'in' ? ms : 0,
        activity.direction === 'out' ? ms : 0,
      );
    },
    getTextActivity: async (owner, session) => {
      const row = selectOne.get(owner, session);
      return row === undefined
        ? undefined
        : toConversationActivity(owner, session, row.last_in_ms, row.last_out_ms);
    },
    listUnanswered: async (owner, since, limit) => {
      assertActivityLimit(limit);
      return selectUnanswered
        .all(owner, since.getTime(), limit)
        .map((row) =>
          toConversationActivity(owner, row.session_id, row.last_in_ms, row.last_out_ms),
        );
    },
    pruneTextActivity: async (olderThan) => {
      prune(olderThan.getTime());
    },
  };
};
