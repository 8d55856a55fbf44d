import type { ChainableCommander, Redis } from 'ioredis';
import {
  assertAuditCount,
  assertAuditLimit,
  logUnreadable,
  parseAuditRecord,
  toAuditEntryFields,
  toAuditRecord,
} from './codec.js';
import type { AuditEntry, AuditEntryInput, Store, StoreDeps } from './types.js';

const AUDIT_SCAN_BATCH = 200;
const AUDIT_PRUNE_BATCH = 500;
const AUDIT_ID_DIGITS = 20;

/** The audit methods of a {@link Store}. */
export type AuditMethods = Pick<
  Store,
  'appendAudit' | 'appendAuditBatch' | 'setAuditCount' | 'listAudit' | 'pruneAudit'
>;

/**
 * Runs a MULTI and throws the first command error: ioredis resolves `exec()` with per-command
 * errors instead of rejecting, so a failed write would otherwise pass silently.
 */
export const execOrThrow = async (transaction: ChainableCommander): Promise<unknown[]> => {
  const results = await transaction.exec();
  if (results === null) throw new Error('Redis transaction was aborted');
  return results.map(([error, value]) => {
    if (error !== null) throw error;
    return value;
  });
};

/**
 * The audit trail in Redis, under `prefix`: entries as JSON in one hash keyed by id (from an
 * `INCR` counter, so ids are never reused), indexed by sorted sets (all, by subject, by actor)
 * scored by time in ms. Members are ids zero-padded to one width, so entries of the same
 * millisecond sort by insertion (Redis orders equal scores by member bytes).
 * `pruneAudit` trims the indexes by score, so pruned entries leave no keys behind.
 */
export const createRedisAudit = (
  redis: Redis,
  prefix: string,
  { clock, logger }: StoreDeps,
): AuditMethods => {
  const seqKey = `${prefix}audit:seq`;
  const entriesKey = `${prefix}audit:entries`;
  const allKey = `${prefix}audit:all`;
  const subjectKey = (slackUserId: string): string => `${prefix}audit:subject:${slackUserId}`;
  const actorKey = (slackUserId: string): string => `${prefix}audit:actor:${slackUserId}`;
  const toMember = (id: string): string => id.padStart(AUDIT_ID_DIGITS, '0');
  const toId = (member: string): string => member.replace(/^0+(?=\d)/, '');

  const readEntries = async (members: readonly string[]): Promise<AuditEntry[]> => {
    if (members.length === 0) return [];
    const ids = members.map(toId);
    const texts = await redis.hmget(entriesKey, ...ids);
    return ids.flatMap((id, index) => {
      const text = texts[index];
      if (text === null || text === undefined) return [];
      const record = parseAuditRecord(text);
      if (record === undefined) {
        logUnreadable(logger, { store: 'redis', auditId: id });
        return [];
      }
      return [{ id, ...record }];
    });
  };

  const appendAuditBatch = async (inputs: readonly AuditEntryInput[]): Promise<string[]> => {
    if (inputs.length === 0) return [];
    const records = inputs.map((input) => toAuditRecord(input, clock.now()));
    const last = await redis.incrby(seqKey, records.length);
    const ids = records.map((_, index) => String(last - records.length + 1 + index));
    const transaction = redis.multi();
    records.forEach((record, index) => {
      const id = ids[index] ?? '';
      const member = toMember(id);
      const score = Date.parse(record.at);
      transaction
        .hset(entriesKey, id, JSON.stringify(record))
        .zadd(allKey, score, member)
        .zadd(actorKey(record.actorSlackUserId), score, member);
      if (record.subjectSlackUserId !== undefined) {
        transaction.zadd(subjectKey(record.subjectSlackUserId), score, member);
      }
    });
    await execOrThrow(transaction);
    return ids;
  };

  return {
    appendAudit: async (input) => (await appendAuditBatch([input]))[0] ?? '',
    appendAuditBatch,

    setAuditCount: async (id, count) => {
      assertAuditCount(count);
      const text = await redis.hget(entriesKey, id);
      const record = text === null ? undefined : parseAuditRecord(text);
      if (record === undefined) return;
      await redis.hset(entriesKey, id, JSON.stringify(toAuditEntryFields({ ...record, count })));
    },

    listAudit: async (query) => {
      assertAuditLimit(query);
      const { subjectSlackUserId: subject, actorSlackUserId: actor, limit } = query;
      const index =
        subject !== undefined
          ? subjectKey(subject)
          : actor !== undefined
            ? actorKey(actor)
            : allKey;
      const batch = Math.max(limit, AUDIT_SCAN_BATCH);
      const seen = new Set<string>();
      const found: AuditEntry[] = [];
      for (let start = 0; ; start += batch) {
        const members = await redis.zrevrange(index, start, start + batch - 1);
        for (const entry of await readEntries(members)) {
          if (seen.has(entry.id) || (actor !== undefined && entry.actorSlackUserId !== actor)) {
            continue;
          }
          seen.add(entry.id);
          found.push(entry);
          if (found.length === limit) return found;
        }
        if (members.length < batch) return found;
      }
    },

    pruneAudit: async (olderThan) => {
      const below = `(${olderThan.getTime()}`;
      let removed = 0;
      for (;;) {
        const members = await redis.zrangebyscore(
          allKey,
          '-inf',
          below,
          'LIMIT',
          0,
          AUDIT_PRUNE_BATCH,
        );
        if (members.length === 0) return removed;
        const indexes = new Set(
          (await readEntries(members)).flatMap((entry) => [
            actorKey(entry.actorSlackUserId),
            ...(entry.subjectSlackUserId === undefined
              ? []
              : [subjectKey(entry.subjectSlackUserId)]),
          ]),
        );
        const transaction = redis
          .multi()
          .zrem(allKey, ...members)
          .hdel(entriesKey, ...members.map(toId));
        for (const key of indexes) transaction.zremrangebyscore(key, '-inf', below);
        const [count] = await execOrThrow(transaction);
        removed += Number(count);
      }
    },
  };
};
