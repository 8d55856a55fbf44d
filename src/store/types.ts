import type { Clock } from '../clock.js';
import type {
  ConversationActivity,
  InboxRoute,
  InboxThread,
  TextActivity,
} from '../domain/inbox.js';
import type { AppLogger } from '../logger.js';

/**
 * An admin's decision that a Slack person is a given Zoom user. It overrides matching by email,
 * for people whose Slack and Zoom emails differ (Zoom accepts an id or an email as `userId`:
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions).
 */
export interface Link {
  readonly slackUserId: string;
  /** Zoom user id or email, passed to Zoom as `userId` as is. */
  readonly zoomUser: string;
  /** Slack user id of the admin who set the link. */
  readonly setBy: string;
  /** ISO 8601 instant the link was set. */
  readonly setAt: string;
}

/**
 * One access decision for the audit trail: who asked to see whose SMS sessions, with which
 * filters, and whether it was allowed. Written for refusals too, so an admin can see attempts.
 */
export interface AuditEntryInput {
  /** ISO 8601 instant; defaults to the store's clock, so every replica stamps alike. */
  readonly at?: string;
  readonly actorSlackUserId: string;
  readonly subjectSlackUserId?: string;
  readonly subjectZoomUser?: string;
  /** What was done: `list`, `page`, `home`, `link`, `unlink`, … */
  readonly action: string;
  /** The query as asked (dates, type, phone number, page size). */
  readonly filters: Readonly<Record<string, string | number>>;
  /** How many sessions were shown, when the request reached Zoom. */
  readonly resultCount?: number;
  readonly allowed: boolean;
  /** Why it was refused or failed (an error code), for the admin reading the trail. */
  readonly reason?: string;
  /**
   * How many identical refusals this one entry stands for, from `at` on (within a minute: see
   * src/core/audit-trail.ts); absent means one.
   */
  readonly count?: number;
}

/** An audit entry as stored: `at` is always set (normalised to `toISOString()` form). */
export interface AuditEntry extends AuditEntryInput {
  /** Unique within a store, never reused, even after pruning. */
  readonly id: string;
  readonly at: string;
}

/** Which audit entries to list; both filters together must both match. */
export interface AuditQuery {
  readonly subjectSlackUserId?: string;
  readonly actorSlackUserId?: string;
  /** Positive integer: at most this many entries are returned. */
  readonly limit: number;
}

/** One unit of work in the store-backed queue, as stored: ids and facts, never message text. */
export interface QueuedJob {
  readonly id: string;
  /** Jobs of one lane run one at a time, oldest first; lanes run side by side. */
  readonly lane: string;
  /** A JSON value; `T` is the caller's claim, not a check. */
  readonly payload: unknown;
  /** Earlier attempts that ended in {@link InboxStore.retryJob}. */
  readonly attempts: number;
  /** ISO 8601 instant it was queued. */
  readonly enqueuedAt: string;
}

/** A job leased to one worker until its lease runs out; only that lease may finish it. */
export interface LeasedJob extends QueuedJob {
  readonly leaseToken: string;
}

/**
 * What the SMS inbox keeps: dedupe claims, routes, threads, notification choices, when each
 * conversation of a person's own number last had a text in and out, and a queue
 * of work with one lane per ordering key (a session's events, a Slack channel's posts). Shared by
 * every replica through Redis; all three adapters pass `test/store/inbox-contract.ts`.
 */
export interface InboxStore {
  /**
   * `true` for the first caller of `key` until `ttlMs` after `now`, `false` for every other
   * caller on every replica (Redis `SET NX PX`; SQLite `INSERT OR IGNORE` with an expiry).
   * Throws `RangeError` when `ttlMs` is not a positive finite number.
   */
  claimOnce(key: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Gives a claim back (work that could not be queued), so a redelivery is handled again. */
  releaseClaim(key: string): Promise<void>;

  putRoute(route: InboxRoute): Promise<void>;
  getRoute(lineId: string): Promise<InboxRoute | undefined>;
  /** `true` when there was one. */
  deleteRoute(lineId: string): Promise<boolean>;
  /** Every route, ordered by line name then id. */
  listRoutes(): Promise<InboxRoute[]>;

  getThread(sessionId: string, channelId: string): Promise<InboxThread | undefined>;
  /** Creates or replaces the thread of `thread.sessionId` in `thread.channelId`. */
  putThread(thread: InboxThread): Promise<void>;

  /** A person's own choice about text notifications; `undefined` when they never chose. */
  getNotify(slackUserId: string): Promise<boolean | undefined>;
  setNotify(slackUserId: string, on: boolean): Promise<void>;

  /**
   * The admin link naming this Zoom user (id or email, compared case-insensitively), the latest
   * set when several do: the reverse of {@link Store.getLink}, for texts arriving from Zoom.
   */
  findLinkByZoomUser(zoomUser: string): Promise<Link | undefined>;

  /**
   * Notes one text of a person's own number: the conversation's newest inbound or outbound time
   * becomes `activity.at` when that is later (an older or repeated text changes nothing, so a
   * redelivery or replica race is harmless); a `failed-out` text moves both its newest outbound
   * and its newest failed outbound time. Times only: never a text, a name or a number.
   * Throws `RangeError` when `at` is not an instant.
   */
  recordTextActivity(activity: TextActivity): Promise<void>;
  /** The times of one conversation of `ownerZoomUserId`, if a text of it was ever noted. */
  getTextActivity(
    ownerZoomUserId: string,
    sessionId: string,
  ): Promise<ConversationActivity | undefined>;
  /**
   * The conversations of `ownerZoomUserId` waiting for a reply: the newest text came in at or
   * after `since`, and nothing went out after it or the newest text out failed; newest inbound
   * first (then by session id), at most `limit`. Throws `RangeError` when `limit` is not a
   * positive integer.
   */
  listUnanswered(
    ownerZoomUserId: string,
    since: Date,
    limit: number,
  ): Promise<ConversationActivity[]>;
  /**
   * Forgets the times older than `olderThan` (every owner's): a conversation whose texts are all
   * older is gone, and one whose inbound text is older is no longer listed as waiting.
   */
  pruneTextActivity(olderThan: Date): Promise<void>;

  /** Queues `payload` at the end of `lane`; resolves to the job's id once it is durable. */
  enqueueJob(lane: string, payload: unknown): Promise<string>;
  /**
   * Leases the first job of a lane that is ready (its pause over, no live lease), the lane ready
   * longest first; only `lane` when given. The lane stays leased for `leaseMs`: a worker that dies
   * loses it then, and another takes the same job again. Resolves `undefined` when nothing is ready.
   */
  leaseJob(leaseMs: number, lane?: string): Promise<LeasedJob | undefined>;
  /**
   * Removes a leased job and frees its lane from `laneReadyAt` on (a pause between a lane's jobs:
   * Slack's pace per channel). `false` when the lease was lost (expired and taken by another).
   */
  completeJob(job: LeasedJob, laneReadyAt: Date): Promise<boolean>;
  /** Keeps a leased job first in its lane, counts the attempt, and frees the lane from `retryAt`. */
  retryJob(job: LeasedJob, retryAt: Date): Promise<boolean>;
  /** Jobs queued (leased or not), for metrics and tests. */
  countJobs(): Promise<number>;
}

/** The text-activity methods of {@link InboxStore}, each adapter's in a file of its own. */
export type TextActivityStore = Pick<
  InboxStore,
  'recordTextActivity' | 'getTextActivity' | 'listUnanswered' | 'pruneTextActivity'
>;

/** The rest of {@link InboxStore}: claims, routes, threads, notification choices, the queue. */
export type InboxQueueStore = Omit<InboxStore, keyof TextActivityStore>;

/**
 * Everything the app keeps between requests. Every replica of the app sees the same data through
 * it (Socket Mode hands each payload to one connection of many: nothing a second replica needs may
 * live in process memory only). Adapters: SQLite (default, one replica), Redis (several
 * replicas), memory (tests only); all pass `test/store/contract.ts`.
 *
 * Times come from the injected {@link Clock}, never from the system, so a fake clock drives
 * expiry and timestamps in tests for every adapter alike.
 */
export interface Store extends InboxStore {
  /** The admin-set link for a Slack person, if any. */
  getLink(slackUserId: string): Promise<Link | undefined>;
  /** Creates or replaces the link for `link.slackUserId`; durable once the promise resolves. */
  setLink(link: Link): Promise<void>;
  /** Removes a link; `true` when there was one. */
  deleteLink(slackUserId: string): Promise<boolean>;

  /**
   * Appends one entry to the audit trail and resolves with its id. Throws `RangeError` when `at`
   * is not a date or `count` is not a positive whole number.
   */
  appendAudit(entry: AuditEntryInput): Promise<string>;
  /**
   * Appends entries in one transaction (all or none), resolving with their ids in order; the
   * audit trail writes its batches so (src/core/audit-trail.ts). Throws as
   * {@link Store.appendAudit} does, before anything is written.
   */
  appendAuditBatch(entries: readonly AuditEntryInput[]): Promise<string[]>;
  /**
   * Sets how many refusals the entry `id` stands for (src/core/audit-trail.ts coalesces repeated
   * refusals into one entry); resolves without change when there is no such entry (pruned).
   * Throws `RangeError` when `count` is not a positive whole number.
   */
  setAuditCount(id: string, count: number): Promise<void>;
  /**
   * Newest first (by `at`, then by insertion for equal instants). Throws `RangeError` when
   * `limit` is not a positive integer.
   */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
  /** Deletes entries whose `at` is strictly before `olderThan`; resolves to how many went. */
  pruneAudit(olderThan: Date): Promise<number>;

  /**
   * A value from the short-lived shared cache, or `undefined` when absent, expired or unreadable
   * (an unreadable value is logged, never thrown: a cache must not break a request). The value is
   * what JSON gives back (dates come back as strings); `T` is the caller's claim, not a check.
   */
  cacheGet<T = unknown>(namespace: string, key: string): Promise<T | undefined>;
  /**
   * Stores a JSON value for `ttlMs` milliseconds from the clock's now, replacing any earlier one.
   * Throws `TypeError` when the value has no JSON form and `RangeError` when `ttlMs` is not a
   * positive finite number.
   */
  cacheSet(namespace: string, key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Forgets a cached value; resolves whether or not there was one. */
  cacheDelete(namespace: string, key: string): Promise<void>;

  /** Readiness: resolves when the backing database answers, rejects otherwise (and once closed). */
  ping(): Promise<void>;
  /** Releases connections and file handles; safe to call twice. Later calls reject. */
  close(): Promise<void>;
}

/** What every adapter needs from the composition root. */
export interface StoreDeps {
  readonly clock: Clock;
  readonly logger: AppLogger;
}
