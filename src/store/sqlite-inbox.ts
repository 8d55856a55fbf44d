import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import { cacheExpiryMs, encodeJson, parseJsonOrUndefined } from './codec.js';
import { decodeRoute, decodeThread, encodeRoute, encodeThread, sortRoutes } from './inbox-codec.js';
import type { ExpiringRows } from './sqlite-sweeper.js';
import type { InboxQueueStore, LeasedJob, QueuedJob } from './types.js';

interface JobRow {
  id: number;
  lane: string;
  payload: string;
  attempts: number;
  enqueued_at_ms: number;
}

interface LaneRow {
  lane: string;
  ready_at_ms: number;
  lease_token: string | null;
}

/** Lanes looked at per lease: empty lanes found on the way are dropped. */
const LEASE_SCAN_LANES = 16;

const toJob = (row: JobRow): QueuedJob => ({
  id: String(row.id),
  lane: row.lane,
  payload: parseJsonOrUndefined(row.payload) ?? null,
  attempts: row.attempts,
  enqueuedAt: new Date(row.enqueued_at_ms).toISOString(),
});

/**
 * The inbox half of the SQLite store: its methods (the reverse link lookup is with the other link
 * methods, in sqlite-links.ts), and its claims for the store's sweeper.
 */
export interface SqliteInbox {
  readonly methods: Omit<InboxQueueStore, 'findLinkByZoomUser'>;
  readonly expiring: ExpiringRows;
}

/**
 * The inbox half of the SQLite store, on the tables of migration 2. Every method is one statement
 * or one transaction, so two processes sharing the file (a restart overlapping the old process)
 * never lease the same lane or claim the same key twice.
 */
export const createSqliteInbox = (db: Database.Database, clock: Clock): SqliteInbox => {
  const nowMs = () => clock.now().getTime();
  /**
   * One statement, so one step of the B-tree and no transaction: a new key is inserted, an expired
   * one taken over, a held one left alone (`changes` 0). Expired claims are deleted by the store's
   * sweeper ({@link SqliteInbox.expiring}), not here.
   */
  const claimStatement = db.prepare<[string, number, number]>(
    `INSERT INTO claims (key, expires_at_ms) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET expires_at_ms = excluded.expires_at_ms
     WHERE claims.expires_at_ms <= ?`,
  );
  const deleteExpiredClaims = db.prepare<[number, number]>(
    `DELETE FROM claims WHERE key IN
       (SELECT key FROM claims WHERE expires_at_ms <= ? LIMIT ?)`,
  );
  const deleteClaim = db.prepare<[string]>('DELETE FROM claims WHERE key = ?');
  const claim = (key: string, expiresAtMs: number, atMs: number): boolean =>
    claimStatement.run(key, expiresAtMs, atMs).changes > 0;

  const upsertRoute = db.prepare<[string, string]>(
    `INSERT INTO inbox_routes (line_id, value) VALUES (?, ?)
     ON CONFLICT (line_id) DO UPDATE SET value = excluded.value`,
  );
  const selectRoute = db.prepare<[string], { value: string }>(
    'SELECT value FROM inbox_routes WHERE line_id = ?',
  );
  const selectRoutes = db.prepare<[], { value: string }>('SELECT value FROM inbox_routes');
  const deleteRouteRow = db.prepare<[string]>('DELETE FROM inbox_routes WHERE line_id = ?');

  const upsertThread = db.prepare<[string, string, string]>(
    `INSERT INTO inbox_threads (session_id, channel_id, value) VALUES (?, ?, ?)
     ON CONFLICT (session_id, channel_id) DO UPDATE SET value = excluded.value`,
  );
  const selectThread = db.prepare<[string, string], { value: string }>(
    'SELECT value FROM inbox_threads WHERE session_id = ? AND channel_id = ?',
  );

  const selectNotify = db.prepare<[string], { is_on: number }>(
    'SELECT is_on FROM notify_prefs WHERE slack_user_id = ?',
  );
  const upsertNotify = db.prepare<[string, number]>(
    `INSERT INTO notify_prefs (slack_user_id, is_on) VALUES (?, ?)
     ON CONFLICT (slack_user_id) DO UPDATE SET is_on = excluded.is_on`,
  );

  const insertJob = db.prepare<[string, string, number]>(
    'INSERT INTO queue_jobs (lane, payload, attempts, enqueued_at_ms) VALUES (?, ?, 0, ?)',
  );
  const insertLane = db.prepare<[string, number]>(
    'INSERT INTO queue_lanes (lane, ready_at_ms, lease_token) VALUES (?, ?, NULL) ON CONFLICT (lane) DO NOTHING',
  );
  const selectLane = db.prepare<[string], LaneRow>('SELECT * FROM queue_lanes WHERE lane = ?');
  const selectReadyLanes = db.prepare<[number, number], LaneRow>(
    'SELECT * FROM queue_lanes WHERE ready_at_ms <= ? ORDER BY ready_at_ms, lane LIMIT ?',
  );
  const selectHead = db.prepare<[string], JobRow>(
    'SELECT * FROM queue_jobs WHERE lane = ? ORDER BY id LIMIT 1',
  );
  const deleteLane = db.prepare<[string]>('DELETE FROM queue_lanes WHERE lane = ?');
  const setLane = db.prepare<[number, string | null, string]>(
    'UPDATE queue_lanes SET ready_at_ms = ?, lease_token = ? WHERE lane = ?',
  );
  const deleteJob = db.prepare<[number]>('DELETE FROM queue_jobs WHERE id = ?');
  const bumpAttempts = db.prepare<[number]>(
    'UPDATE queue_jobs SET attempts = attempts + 1 WHERE id = ?',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM queue_jobs');

  const enqueue = db.transaction((lane: string, payload: string, atMs: number): string => {
    const id = insertJob.run(lane, payload, atMs).lastInsertRowid;
    insertLane.run(lane, atMs);
    return String(id);
  });

  const leaseLane = (lane: LaneRow, leaseMs: number, atMs: number): LeasedJob | undefined => {
    const head = selectHead.get(lane.lane);
    if (head === undefined) {
      deleteLane.run(lane.lane);
      return undefined;
    }
    const leaseToken = randomUUID();
    setLane.run(atMs + leaseMs, leaseToken, lane.lane);
    return { ...toJob(head), leaseToken };
  };

  const lease = db.transaction(
    (leaseMs: number, atMs: number, laneName: string | undefined): LeasedJob | undefined => {
      if (laneName !== undefined) {
        const lane = selectLane.get(laneName);
        return lane !== undefined && lane.ready_at_ms <= atMs
          ? leaseLane(lane, leaseMs, atMs)
          : undefined;
      }
      for (const lane of selectReadyLanes.all(atMs, LEASE_SCAN_LANES)) {
        const leased = leaseLane(lane, leaseMs, atMs);
        if (leased !== undefined) return leased;
      }
      return undefined;
    },
  );

  const holds = (job: LeasedJob): boolean => {
    const lane = selectLane.get(job.lane);
    return lane?.lease_token === job.leaseToken && String(selectHead.get(job.lane)?.id) === job.id;
  };
  const complete = db.transaction((job: LeasedJob, readyAtMs: number): boolean => {
    if (!holds(job)) return false;
    deleteJob.run(Number(job.id));
    setLane.run(readyAtMs, null, job.lane);
    return true;
  });
  const retry = db.transaction((job: LeasedJob, readyAtMs: number): boolean => {
    if (!holds(job)) return false;
    bumpAttempts.run(Number(job.id));
    setLane.run(readyAtMs, null, job.lane);
    return true;
  });

  const methods: SqliteInbox['methods'] = {
    claimOnce: async (key, ttlMs, now) => claim(key, cacheExpiryMs(now, ttlMs), now.getTime()),
    releaseClaim: async (key) => {
      deleteClaim.run(key);
    },

    putRoute: async (route) => {
      upsertRoute.run(route.lineId, encodeRoute(route));
    },
    getRoute: async (lineId) => {
      const row = selectRoute.get(lineId);
      return row === undefined ? undefined : decodeRoute(row.value);
    },
    deleteRoute: async (lineId) => deleteRouteRow.run(lineId).changes > 0,
    listRoutes: async () =>
      sortRoutes(selectRoutes.all().flatMap((row) => decodeRoute(row.value) ?? [])),

    getThread: async (sessionId, channelId) => {
      const row = selectThread.get(sessionId, channelId);
      return row === undefined ? undefined : decodeThread(row.value);
    },
    putThread: async (thread) => {
      upsertThread.run(thread.sessionId, thread.channelId, encodeThread(thread));
    },

    getNotify: async (slackUserId) => {
      const row = selectNotify.get(slackUserId);
      return row === undefined ? undefined : row.is_on === 1;
    },
    setNotify: async (slackUserId, on) => {
      upsertNotify.run(slackUserId, on ? 1 : 0);
    },

    enqueueJob: async (lane, payload) => enqueue(lane, encodeJson(payload), nowMs()),
    leaseJob: async (leaseMs, lane) => lease(leaseMs, nowMs(), lane),
    completeJob: async (job, laneReadyAt) => complete(job, laneReadyAt.getTime()),
    retryJob: async (job, retryAt) => retry(job, retryAt.getTime()),
    countJobs: async () => countAll.get()?.n ?? 0,
  };
  return {
    methods,
    expiring: {
      what: 'claims',
      deleteExpired: (nowMs, limit) => {
        deleteExpiredClaims.run(nowMs, limit);
      },
    },
  };
};
