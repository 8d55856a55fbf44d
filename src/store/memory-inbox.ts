import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { InboxRoute, InboxThread } from '../domain/inbox.js';
import { cacheExpiryMs, encodeJson } from './codec.js';
import { decodeRoute, decodeThread, encodeRoute, encodeThread, sortRoutes } from './inbox-codec.js';
import type { InboxQueueStore, LeasedJob, Link, QueuedJob } from './types.js';

interface Lane {
  readyAtMs: number;
  leaseToken: string | undefined;
  readonly jobs: QueuedJob[];
}

/**
 * The inbox half of the memory store (tests only): the same semantics as SQLite and Redis, held
 * in maps, values kept as JSON text so they come back as the other adapters return them.
 */
export const createMemoryInbox = (deps: {
  readonly clock: Clock;
  readonly links: () => Iterable<Link>;
  readonly assertOpen: () => void;
}): InboxQueueStore => {
  const { clock, assertOpen } = deps;
  const claims = new Map<string, number>();
  const routes = new Map<string, string>();
  const threads = new Map<string, string>();
  const notify = new Map<string, boolean>();
  const lanes = new Map<string, Lane>();
  let nextJobId = 1;
  const nowMs = () => clock.now().getTime();
  const threadKey = (sessionId: string, channelId: string) =>
    JSON.stringify([sessionId, channelId]);

  const holds = (job: LeasedJob): Lane | undefined => {
    const lane = lanes.get(job.lane);
    return lane?.leaseToken === job.leaseToken && lane.jobs[0]?.id === job.id ? lane : undefined;
  };

  const leaseFrom = (name: string, lane: Lane, leaseMs: number): LeasedJob | undefined => {
    const head = lane.jobs[0];
    if (head === undefined) {
      lanes.delete(name);
      return undefined;
    }
    const leaseToken = randomUUID();
    lane.leaseToken = leaseToken;
    lane.readyAtMs = nowMs() + leaseMs;
    return { ...head, leaseToken };
  };

  return {
    claimOnce: async (key, ttlMs, now) => {
      assertOpen();
      const expiresAtMs = cacheExpiryMs(now, ttlMs);
      const held = claims.get(key);
      if (held !== undefined && held > now.getTime()) return false;
      claims.set(key, expiresAtMs);
      return true;
    },
    releaseClaim: async (key) => {
      assertOpen();
      claims.delete(key);
    },

    putRoute: async (route: InboxRoute) => {
      assertOpen();
      routes.set(route.lineId, encodeRoute(route));
    },
    getRoute: async (lineId) => {
      assertOpen();
      const text = routes.get(lineId);
      return text === undefined ? undefined : decodeRoute(text);
    },
    deleteRoute: async (lineId) => {
      assertOpen();
      return routes.delete(lineId);
    },
    listRoutes: async () => {
      assertOpen();
      return sortRoutes([...routes.values()].flatMap((text) => decodeRoute(text) ?? []));
    },

    getThread: async (sessionId, channelId) => {
      assertOpen();
      const text = threads.get(threadKey(sessionId, channelId));
      return text === undefined ? undefined : decodeThread(text);
    },
    putThread: async (thread: InboxThread) => {
      assertOpen();
      threads.set(threadKey(thread.sessionId, thread.channelId), encodeThread(thread));
    },

    getNotify: async (slackUserId) => {
      assertOpen();
      return notify.get(slackUserId);
    },
    setNotify: async (slackUserId, on) => {
      assertOpen();
      notify.set(slackUserId, on);
    },

    findLinkByZoomUser: async (zoomUser) => {
      assertOpen();
      const wanted = zoomUser.toLowerCase();
      return [...deps.links()]
        .filter((link) => link.zoomUser.toLowerCase() === wanted)
        .sort((a, b) => (a.setAt < b.setAt ? 1 : a.setAt > b.setAt ? -1 : 0))
        .map((link) => ({ ...link }))[0];
    },

    enqueueJob: async (laneName, payload) => {
      assertOpen();
      const job: QueuedJob = {
        id: String(nextJobId),
        lane: laneName,
        payload: JSON.parse(encodeJson(payload)),
        attempts: 0,
        enqueuedAt: clock.now().toISOString(),
      };
      nextJobId += 1;
      const lane = lanes.get(laneName);
      if (lane === undefined) {
        lanes.set(laneName, { readyAtMs: nowMs(), leaseToken: undefined, jobs: [job] });
      } else {
        lane.jobs.push(job);
      }
      return job.id;
    },
    leaseJob: async (leaseMs, laneName) => {
      assertOpen();
      const now = nowMs();
      if (laneName !== undefined) {
        const lane = lanes.get(laneName);
        return lane !== undefined && lane.readyAtMs <= now
          ? leaseFrom(laneName, lane, leaseMs)
          : undefined;
      }
      const ready = [...lanes.entries()]
        .filter(([, lane]) => lane.readyAtMs <= now)
        .sort(([, a], [, b]) => a.readyAtMs - b.readyAtMs);
      for (const [name, lane] of ready) {
        const leased = leaseFrom(name, lane, leaseMs);
        if (leased !== undefined) return leased;
      }
      return undefined;
    },
    completeJob: async (job, laneReadyAt) => {
      assertOpen();
      const lane = holds(job);
      if (lane === undefined) return false;
      lane.jobs.shift();
      lane.leaseToken = undefined;
      lane.readyAtMs = laneReadyAt.getTime();
      return true;
    },
    retryJob: async (job, retryAt) => {
      assertOpen();
      const lane = holds(job);
      const head = lane?.jobs[0];
      if (lane === undefined || head === undefined) return false;
      lane.jobs[0] = { ...head, attempts: head.attempts + 1 };
      lane.leaseToken = undefined;
      lane.readyAtMs = retryAt.getTime();
      return true;
    },
    countJobs: async () => {
      assertOpen();
      return [...lanes.values()].reduce((sum, lane) => sum + lane.jobs.length, 0);
    },
  };
};
