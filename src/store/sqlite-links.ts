import type Database from 'better-sqlite3';
import type { Link, Store } from './types.js';

interface LinkRow {
  slack_user_id: string;
  zoom_user: string;
  set_by: string;
  set_at: string;
}

const COLUMNS = 'slack_user_id, zoom_user, set_by, set_at';

const linkOf = (row: LinkRow | undefined): Link | undefined =>
  row === undefined
    ? undefined
    : {
        slackUserId: row.slack_user_id,
        zoomUser: row.zoom_user,
        setBy: row.set_by,
        setAt: row.set_at,
      };

/**
 * The admin links of the SQLite store, on the `links` table of migration 1: one row per Slack
 * person, read by Slack id (listing, replying) and by Zoom user (texts arriving from Zoom).
 */
export const createSqliteLinks = (
  db: Database.Database,
): Pick<Store, 'getLink' | 'setLink' | 'deleteLink' | 'findLinkByZoomUser'> => {
  const selectLink = db.prepare<[string], LinkRow>(
    `SELECT ${COLUMNS} FROM links WHERE slack_user_id = ?`,
  );
  const selectLinkByZoom = db.prepare<[string], LinkRow>(
    `SELECT ${COLUMNS} FROM links
     WHERE zoom_user = ? COLLATE NOCASE ORDER BY set_at DESC LIMIT 1`,
  );
  const upsertLink = db.prepare<[LinkRow]>(
    `INSERT INTO links (${COLUMNS})
     VALUES (@slack_user_id, @zoom_user, @set_by, @set_at)
     ON CONFLICT (slack_user_id) DO UPDATE SET
       zoom_user = excluded.zoom_user, set_by = excluded.set_by, set_at = excluded.set_at`,
  );
  const deleteLinkRow = db.prepare<[string]>('DELETE FROM links WHERE slack_user_id = ?');

  return {
    getLink: async (slackUserId) => linkOf(selectLink.get(slackUserId)),
    findLinkByZoomUser: async (zoomUser) => linkOf(selectLinkByZoom.get(zoomUser)),
    setLink: async (link) => {
      upsertLink.run({
        slack_user_id: link.slackUserId,
        zoom_user: link.zoomUser,
        set_by: link.setBy,
        set_at: link.setAt,
      });
    },
    deleteLink: async (slackUserId) => deleteLinkRow.run(slackUserId).changes > 0,
  };
};
