import type { Clock } from '../clock.js';
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

/**
 * Everything the app keeps between requests. Every replica of the app sees the same data through
 * it (Socket Mode hands each payload to one connection of many: nothing a second replica needs may
 * live in process memory only). Adapters: SQLite (default, one replica), Redis (several
 * replicas), memory (tests only); all pass `test/store/contract.ts`.
 *
 * Times come from the injected {@link Clock}, never from the system, so a fake clock drives
 * expiry and timestamps in tests for every adapter alike.
 */
export interface Store {
  /** The admin-set link for a Slack person, if any. */
  getLink(slackUserId: string): Promise<Link | undefined>;
  /** Creates or replaces the link for `link.slackUserId`; durable once the promise resolves. */
  setLink(link: Link): Promise<void>;
  /** Removes a link; `true` when there was one. */
  deleteLink(slackUserId: string): Promise<boolean>;

  /** Appends one entry to the audit trail. Throws `RangeError` when `at` is not a date. */
  appendAudit(entry: AuditEntryInput): Promise<void>;
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
