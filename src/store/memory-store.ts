import {
  assertAuditCount,
  assertAuditLimit,
  cacheExpiryMs,
  encodeJson,
  toAuditEntryFields,
  toAuditRecord,
} from './codec.js';
import { createMemoryActivity } from './memory-activity.js';
import { createMemoryInbox } from './memory-inbox.js';
import type { AuditEntry, AuditEntryInput, Link, Store, StoreDeps } from './types.js';

interface CachedValue {
  readonly json: string;
  readonly expiresAtMs: number;
}

const copyEntry = (entry: AuditEntry): AuditEntry => ({ ...entry, filters: { ...entry.filters } });

/**
 * A {@link Store} in process memory, for tests only: it is lost on restart and invisible to other
 * replicas. Values are kept as JSON text so it returns exactly what SQLite and Redis return.
 */
export const createMemoryStore = ({ clock }: Pick<StoreDeps, 'clock'>): Store => {
  const links = new Map<string, Link>();
  const audit: AuditEntry[] = [];
  const cache = new Map<string, CachedValue>();
  let nextAuditId = 1;
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new Error('Store is closed');
  };
  const cacheKey = (namespace: string, key: string): string => JSON.stringify([namespace, key]);
  const inbox = createMemoryInbox({ clock, links: () => links.values(), assertOpen });

  const appendAuditBatch = async (inputs: readonly AuditEntryInput[]): Promise<string[]> => {
    assertOpen();
    const records = inputs.map((input) => toAuditRecord(input, clock.now()));
    return records.map((record) => {
      const id = String(nextAuditId);
      nextAuditId += 1;
      audit.push({ id, ...record });
      return id;
    });
  };

  return {
    ...inbox,
    ...createMemoryActivity(assertOpen),
    getLink: async (slackUserId) => {
      assertOpen();
      const link = links.get(slackUserId);
      return link === undefined ? undefined : { ...link };
    },
    setLink: async (link) => {
      assertOpen();
      links.set(link.slackUserId, { ...link });
    },
    deleteLink: async (slackUserId) => {
      assertOpen();
      return links.delete(slackUserId);
    },

    appendAudit: async (input) => (await appendAuditBatch([input]))[0] ?? '',
    appendAuditBatch,
    setAuditCount: async (id, count) => {
      assertOpen();
      assertAuditCount(count);
      const index = audit.findIndex((entry) => entry.id === id);
      const entry = audit[index];
      if (entry !== undefined) audit[index] = { id, ...toAuditEntryFields({ ...entry, count }) };
    },
    listAudit: async (query) => {
      assertOpen();
      assertAuditLimit(query);
      return audit
        .map((entry, index) => ({ entry, index, atMs: Date.parse(entry.at) }))
        .filter(
          ({ entry }) =>
            (query.subjectSlackUserId === undefined ||
              entry.subjectSlackUserId === query.subjectSlackUserId) &&
            (query.actorSlackUserId === undefined ||
              entry.actorSlackUserId === query.actorSlackUserId),
        )
        .sort((a, b) => b.atMs - a.atMs || b.index - a.index)
        .slice(0, query.limit)
        .map(({ entry }) => copyEntry(entry));
    },
    pruneAudit: async (olderThan) => {
      assertOpen();
      const cutoffMs = olderThan.getTime();
      const kept = audit.filter((entry) => Date.parse(entry.at) >= cutoffMs);
      const removed = audit.length - kept.length;
      audit.splice(0, audit.length, ...kept);
      return removed;
    },

    cacheGet: async <T>(namespace: string, key: string) => {
      assertOpen();
      const cached = cache.get(cacheKey(namespace, key));
      if (cached === undefined || cached.expiresAtMs <= clock.now().getTime()) return undefined;
      return JSON.parse(cached.json) as T;
    },
    cacheSet: async (namespace, key, value, ttlMs) => {
      assertOpen();
      const now = clock.now();
      const expiresAtMs = cacheExpiryMs(now, ttlMs);
      const json = encodeJson(value);
      for (const [k, cached] of cache) {
        if (cached.expiresAtMs <= now.getTime()) cache.delete(k);
      }
      cache.set(cacheKey(namespace, key), { json, expiresAtMs });
    },
    cacheDelete: async (namespace, key) => {
      assertOpen();
      cache.delete(cacheKey(namespace, key));
    },

    ping: async () => {
      assertOpen();
    },
    close: async () => {
      closed = true;
    },
  };
};
