import type { ConversationActivity } from '../domain/inbox.js';
import {
  activityMs,
  assertActivityLimit,
  isUnanswered,
  toConversationActivity,
} from './activity-codec.js';
import type { TextActivityStore } from './types.js';

interface Times {
  inMs: number;
  outMs: number;
}

/** The text-activity part of the memory store (tests only): the semantics of SQLite and Redis. */
export const createMemoryActivity = (assertOpen: () => void): TextActivityStore => {
  const owners = new Map<string, Map<string, Times>>();
  const toActivity = (owner: string, session: string, times: Times): ConversationActivity =>
    toConversationActivity(owner, session, times.inMs, times.outMs);
  return {
    recordTextActivity: async (activity) => {
      assertOpen();
      const ms = activityMs(activity);
      const sessions = owners.get(activity.ownerZoomUserId) ?? new Map<string, Times>();
      owners.set(activity.ownerZoomUserId, sessions);
      const times = sessions.get(activity.sessionId) ?? { inMs: 0, outMs: 0 };
      if (activity.direction === 'in') times.inMs = Math.max(times.inMs, ms);
      else times.outMs = Math.max(times.outMs, ms);
      sessions.set(activity.sessionId, times);
    },
    getTextActivity: async (owner, session) => {
      assertOpen();
      const times = owners.get(owner)?.get(session);
      return times === undefined ? undefined : toActivity(owner, session, times);
    },
    listUnanswered: async (owner, since, limit) => {
      assertOpen();
      assertActivityLimit(limit);
      const sinceMs = since.getTime();
      return [...(owners.get(owner) ?? new Map<string, Times>())]
        .filter(([, times]) => isUnanswered(times.inMs, times.outMs, sinceMs))
        .sort(([a, x], [b, y]) => y.inMs - x.inMs || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit)
        .map(([session, times]) => toActivity(owner, session, times));
    },
    pruneTextActivity: async (olderThan) => {
      assertOpen();
      const cutoff = olderThan.getTime();
      for (const [owner, sessions] of owners) {
        for (const [session, times] of sessions) {
          if (times.inMs < cutoff) times.inMs = 0;
          if (times.outMs < cutoff) times.outMs = 0;
          if (times.inMs === 0 && times.outMs === 0) sessions.delete(session);
        }
        if (sessions.size === 0) owners.delete(owner);
      }
    },
  };
};
