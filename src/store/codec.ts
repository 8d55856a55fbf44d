import { z } from 'zod';
import type { AppLogger } from '../logger.js';
import type { AuditEntry, AuditEntryInput, AuditQuery } from './types.js';

/** An audit entry before the adapter gives it an id. */
export type AuditRecord = Omit<AuditEntry, 'id'>;

/**
 * The one JSON form of a cache value, shared by every adapter so they agree on what survives a
 * round trip. Throws `TypeError` for values JSON cannot hold (`undefined`, functions, symbols);
 * `JSON.stringify` itself throws for `bigint` and cycles.
 */
export const encodeJson = (value: unknown): string => {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('Store values must be JSON-serialisable');
  return text;
};

/**
 * Parses stored JSON; `undefined` when the text is not JSON (JSON itself never yields
 * `undefined`, so the miss is unambiguous). Stored data can be damaged by hand or by another
 * version of the app, and a damaged cache entry must read as a miss, not an error.
 */
export const parseJsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Logs a stored value that could not be read and is skipped. Only where it was is logged, never
 * the cache key or the value: keys can be emails and values hold people's data, neither of which
 * may reach the logs.
 */
export const logUnreadable = (
  logger: AppLogger,
  where: { readonly store: string; readonly namespace?: string; readonly auditId?: string },
): void => {
  logger.warn(where, 'Unreadable stored value skipped');
};

/** When a value set now for `ttlMs` stops being visible (epoch ms). Throws `RangeError` early. */
export const cacheExpiryMs = (now: Date, ttlMs: number): number => {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive finite number, got ${ttlMs}`);
  }
  return now.getTime() + ttlMs;
};

/** Rejects limits that would make an adapter scan without bound or return nothing by mistake. */
export const assertAuditLimit = (query: AuditQuery): void => {
  if (!Number.isInteger(query.limit) || query.limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${query.limit}`);
  }
};

/** Rejects a count that is not a positive whole number. */
export const assertAuditCount = (count: number): void => {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`count must be a positive integer, got ${count}`);
  }
};

/**
 * Stamps and normalises an entry the same way in every adapter: `at` from the clock when absent,
 * always in `toISOString()` form so entries sort and compare as instants. Copies `filters`, so a
 * caller changing its object later cannot change the trail.
 */
export const toAuditRecord = (input: AuditEntryInput, now: Date): AuditRecord => {
  if (input.count !== undefined) assertAuditCount(input.count);
  return toAuditEntryFields({
    ...input,
    at: new Date(input.at ?? now).toISOString(),
    filters: { ...input.filters },
  });
};

/** Optional audit fields as a storage row or parsed JSON may hold them. */
interface LooseAuditFields {
  readonly at: string;
  readonly actorSlackUserId: string;
  readonly subjectSlackUserId?: string | null | undefined;
  readonly subjectZoomUser?: string | null | undefined;
  readonly action: string;
  readonly filters: Readonly<Record<string, string | number>>;
  readonly resultCount?: number | null | undefined;
  readonly allowed: boolean;
  readonly reason?: string | null | undefined;
  readonly count?: number | null | undefined;
}

/**
 * Builds an entry with absent optional fields left out rather than set to `undefined` or `null`,
 * so entries from every adapter compare equal (`exactOptionalPropertyTypes` depends on it).
 */
export const toAuditEntryFields = (fields: LooseAuditFields): AuditRecord => ({
  at: fields.at,
  actorSlackUserId: fields.actorSlackUserId,
  ...(fields.subjectSlackUserId == null ? {} : { subjectSlackUserId: fields.subjectSlackUserId }),
  ...(fields.subjectZoomUser == null ? {} : { subjectZoomUser: fields.subjectZoomUser }),
  action: fields.action,
  filters: fields.filters,
  ...(fields.resultCount == null ? {} : { resultCount: fields.resultCount }),
  allowed: fields.allowed,
  ...(fields.reason == null ? {} : { reason: fields.reason }),
  ...(fields.count == null || fields.count === 1 ? {} : { count: fields.count }),
});

const filtersSchema = z.record(z.string(), z.union([z.string(), z.number()]));

const auditRecordSchema = z.object({
  at: z.iso.datetime(),
  actorSlackUserId: z.string(),
  subjectSlackUserId: z.string().optional(),
  subjectZoomUser: z.string().optional(),
  action: z.string(),
  filters: filtersSchema,
  resultCount: z.number().optional(),
  allowed: z.boolean(),
  reason: z.string().optional(),
  count: z.number().int().min(1).optional(),
});

/** Reads an entry's filters stored as JSON; `undefined` when damaged. */
export const parseAuditFilters = (text: string): AuditRecord['filters'] | undefined => {
  const parsed = filtersSchema.safeParse(parseJsonOrUndefined(text));
  return parsed.success ? parsed.data : undefined;
};

/** Reads a whole entry stored as JSON (written by {@link toAuditRecord}); `undefined` when damaged. */
export const parseAuditRecord = (text: string): AuditRecord | undefined => {
  const parsed = auditRecordSchema.safeParse(parseJsonOrUndefined(text));
  return parsed.success ? toAuditEntryFields(parsed.data) : undefined;
};
