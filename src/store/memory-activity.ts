import {
  type ActivityTimes,
  assertActivityLimit,
  isUnanswered,
  NO_ACTIVITY,
  toConversationActivity,
  withActivity,
} from './activity-codec.js';
import type { TextActivityStore } from './types.js';

const forget = (ms: number, cutoff: number): number => (ms < cutoff ? 0 : ms);

/** The text-activity part of the memory store (tests only): the semantics of SQLite and Redis. */
export const createMemoryActivity = (assertOpen: () => void): TextActivityStore => {
  const owners = new Map<string, Map<string, ActivityTimes>>();
  return {
    recordTextActivity: async (activity) => {
      assertOpen();
      const sessions = owners.get(activity.ownerZoomUserId) ?? new Map<string, ActivityTimes>();
      const times = withActivity(sessions.get(activity.sessionId) ?? NO_ACTIVITY, activity);
      owners.set(activity.ownerZoomUserId, sessions);
      sessions.set(activity.sessionId, times);
    },
    getTextActivity: async (owner, session) => {
      assertOpen();
      const times = owners.get(owner)?.get(session);
      return times === undefined ? undefined : toConversationActivity(owner, session, times);
    },
    listUnanswered: async (owner, since, limit) => {
      assertOpen();
      assertActivityLimit(limit);
      const sinceMs = since.getTime();
      return [...(owners.get(owner) ?? new Map<string, ActivityTimes>())]
        .filter(([, times]) => isUnanswered(times, sinceMs))
        .sort(([a, x], [b, y]) => y.inMs - x.inMs || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit)
        .map(([session, times]) => toConversationActivity(owner, session, times));
    },
    pruneTextActivity: async (olderThan) => {
      assertOpen();
      const cutoff = olderThan.getTime();
      for (const [owner, sessions] of owners) {
        for (const [session, times] of sessions) {
          const kept = {
            inMs: forget(times.inMs, cutoff),
            outMs: forget(times.outMs, cutoff),
            failedOutMs: forget(times.failedOutMs, cutoff),
          };
          if (kept.inMs === 0 && kept.outMs === 0 && kept.failedOutMs === 0) {
            sessions.delete(session);
          } else sessions.set(session, kept);
        }
        if (sessions.size === 0) owners.delete(owner);
      }
    },
  };
};
