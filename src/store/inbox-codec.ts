import { z } from 'zod';
import type { InboxRoute, InboxThread } from '../domain/inbox.js';
import { encodeJson, parseJsonOrUndefined } from './codec.js';
import type { QueuedJob } from './types.js';

const routeSchema = z.object({
  lineId: z.string(),
  lineKind: z.enum(['call_queue', 'auto_receptionist']),
  lineName: z.string(),
  channelId: z.string(),
  reply: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('nobody') }),
    z.object({ kind: z.literal('people'), slackUserIds: z.array(z.string()) }),
    z.object({ kind: z.literal('channel-members') }),
  ]),
  createdBy: z.string(),
  createdAt: z.string(),
  lastError: z.object({ code: z.string(), at: z.string() }).optional(),
});

const threadSchema = z.object({
  sessionId: z.string(),
  channelId: z.string(),
  threadTs: z.string(),
  ownerZoomUserId: z.string().optional(),
  lineId: z.string().optional(),
});

const jobSchema = z.object({
  id: z.string(),
  lane: z.string(),
  payload: z.unknown(),
  attempts: z.number().int().nonnegative(),
  enqueuedAt: z.string(),
});

const strip = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** A route as JSON text (only the fields the app defines, none `undefined`). */
export const encodeRoute = (route: InboxRoute): string =>
  encodeJson(strip(routeSchema.parse(route)));

/** A stored route, or `undefined` when the text is unreadable. */
export const decodeRoute = (text: string): InboxRoute | undefined => {
  const parsed = routeSchema.safeParse(parseJsonOrUndefined(text));
  return parsed.success ? (strip(parsed.data) as InboxRoute) : undefined;
};

/** A thread as JSON text. */
export const encodeThread = (thread: InboxThread): string =>
  encodeJson(strip(threadSchema.parse(thread)));

/** A stored thread, or `undefined` when the text is unreadable. */
export const decodeThread = (text: string): InboxThread | undefined => {
  const parsed = threadSchema.safeParse(parseJsonOrUndefined(text));
  return parsed.success ? (strip(parsed.data) as InboxThread) : undefined;
};

/** A queued job as JSON text (Redis keeps jobs whole). */
export const encodeJob = (job: QueuedJob): string => encodeJson(job);

/** A stored job, or `undefined` when the text is unreadable. */
export const decodeJob = (text: string): QueuedJob | undefined => {
  const parsed = jobSchema.safeParse(parseJsonOrUndefined(text));
  return parsed.success ? (parsed.data as QueuedJob) : undefined;
};

/** Routes in the order `listRoutes` promises: by line name, then id. */
export const sortRoutes = (routes: InboxRoute[]): InboxRoute[] =>
  routes.sort(
    (a, b) =>
      a.lineName.localeCompare(b.lineName, 'en') ||
      (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0),
  );
