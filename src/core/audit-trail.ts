import type { Clock } from '../clock.js';
import { pseudonymOf } from '../keys/app-keys.js';
import type { AppLogger } from '../logger.js';
import type { AuditEntryInput, Store } from '../store/types.js';
import { zoomUserDomain } from '../users/zoom-user-ref.js';
import { type AuditBatchPolicy, createAuditWriter } from './audit-writer.js';

/** Filter keys whose values are personal data: the store keeps them, the log only says "set". */
const PERSONAL_FILTERS: ReadonlySet<string> = new Set(['phone', 'zoomUser']);

/** Repeated identical refusals of one person within this long become one entry with a count. */
export const REFUSAL_COALESCE_MS = 60_000;

/** How often groups of refusals whose minute is over get their final count written. */
export const REFUSAL_SWEEP_MS = 5_000;

/**
 * Groups of refusals held open at once; past it, the oldest is closed early (its count written),
 * so a flood of distinct refusals costs bounded memory.
 */
export const MAX_OPEN_REFUSAL_GROUPS = 10_000;

/** Records who asked to see whose SMS sessions, or to change who is whom. */
export interface AuditTrail {
  /**
   * Writes one entry to the store and one structured log line (`msg: 'audit'`). Never throws: a
   * store that cannot take the entry is logged as an error with the same fields, and the log
   * line already written remains the record. With batching, resolves once the row is queued
   * (stored within `batch.intervalMs`, or by {@link AuditTrail.flush}).
   *
   * A refusal (not allowed, or a `reason`) that repeats one of the same person's within
   * {@link REFUSAL_COALESCE_MS} (same action, subject, outcome and reason) is not written again:
   * the first one's entry counts it (`count`), set when its minute is over, on
   * {@link AuditTrail.flush} and on {@link AuditTrail.close}.
   */
  record(entry: Omit<AuditEntryInput, 'at'>): Promise<void>;
  /** Writes every row and count still held; the trail reads complete afterwards. */
  flush(): Promise<void>;
  /** Flushes and stops the timer; later refusals are written one by one. Safe to call twice. */
  close(): Promise<void>;
}

const logFields = (entry: AuditEntryInput, pseudonymKey: Buffer) => ({
  at: entry.at,
  action: entry.action,
  actor: entry.actorSlackUserId,
  subject: entry.subjectSlackUserId,
  ...(entry.subjectZoomUser === undefined
    ? {}
    : {
        zoomUserHash: pseudonymOf(pseudonymKey, entry.subjectZoomUser),
        zoomUserDomain: zoomUserDomain(entry.subjectZoomUser),
      }),
  filters: Object.fromEntries(
    Object.entries(entry.filters).map(([key, value]) => [
      key,
      PERSONAL_FILTERS.has(key) ? '[set]' : value,
    ]),
  ),
  resultCount: entry.resultCount,
  allowed: entry.allowed,
  reason: entry.reason,
});

interface RefusalGroup {
  readonly firstAtMs: number;
  /** The first refusal's entry, once written (`undefined` when the store refused it). */
  readonly id: Promise<string | undefined>;
  readonly entry: AuditEntryInput;
  count: number;
}

const isRefusal = (entry: Omit<AuditEntryInput, 'at'>): boolean =>
  !entry.allowed || entry.reason !== undefined;

const groupKey = (entry: Omit<AuditEntryInput, 'at'>): string =>
  JSON.stringify([
    entry.actorSlackUserId,
    entry.action,
    entry.allowed,
    entry.reason ?? null,
    entry.subjectSlackUserId ?? null,
    entry.subjectZoomUser ?? null,
  ]);

/**
 * The audit trail: every listing that reaches Zoom, every refusal and every link change, to the
 * store (kept `AUDIT_RETENTION_DAYS`, read back with `/sms-sessions audit`) and to the log.
 * The log line names Slack ids and, for the Zoom user, only a pseudonym (an HMAC under
 * `pseudonymKey`, a key derived from the deployment secret, so nobody can reverse it by hashing a
 * staff list) and the email's domain; a phone number filter shows as `[set]`. Stamped from the
 * injected clock.
 *
 * A person repeating a refused request (400 refusals in 5 s) writes one entry and one log line
 * a minute, with a count, not one each: the entry keeps the first refusal's time and filters.
 * Groups live in this process: each replica counts its own.
 */
export const createAuditTrail = (deps: {
  store: Store;
  logger: AppLogger;
  clock: Clock;
  /** Rows go to the store in batches (src/core/audit-writer.ts); one by one when absent. */
  batch?: AuditBatchPolicy;
  /** `AppKeys.pseudonym` (src/keys/app-keys.ts). */
  pseudonymKey: Buffer;
}): AuditTrail => {
  const groups = new Map<string, RefusalGroup>();
  const writer = createAuditWriter({
    store: deps.store,
    logger: deps.logger,
    ...(deps.batch === undefined ? {} : { batch: deps.batch }),
  });
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const write = (entry: AuditEntryInput): Promise<string | undefined> => {
    const audit = logFields(entry, deps.pseudonymKey);
    deps.logger.info({ audit }, 'audit');
    return writer.write(entry, audit);
  };

  /** Batched rows are not waited for: the answer must not wait for a commit. */
  const settled = async (stored: Promise<unknown>) => {
    if (deps.batch === undefined) await stored;
  };

  const finish = async (group: RefusalGroup): Promise<void> => {
    if (group.count === 1) return;
    const id = await group.id;
    const audit = { ...logFields(group.entry, deps.pseudonymKey), count: group.count };
    deps.logger.info({ audit }, 'audit refusals counted');
    if (id === undefined) return;
    try {
      await deps.store.setAuditCount(id, group.count);
    } catch (error) {
      deps.logger.error(
        { audit, err: { message: error instanceof Error ? error.message : String(error) } },
        'audit count could not be stored',
      );
    }
  };

  const close = (key: string, group: RefusalGroup): Promise<void> => {
    groups.delete(key);
    if (groups.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
    return finish(group);
  };

  const sweep = () => {
    const nowMs = deps.clock.now().getTime();
    for (const [key, group] of groups) {
      if (nowMs - group.firstAtMs >= REFUSAL_COALESCE_MS) void close(key, group);
    }
  };

  const flush = async () => {
    const counted = [...groups].map(([key, group]) => close(key, group));
    await writer.flush();
    await Promise.all(counted);
  };

  return {
    record: async (input) => {
      const now = deps.clock.now();
      const entry: AuditEntryInput = { ...input, at: now.toISOString() };
      if (closed || !isRefusal(input)) {
        await settled(write(entry));
        return;
      }
      const key = groupKey(input);
      const open = groups.get(key);
      if (open !== undefined && now.getTime() - open.firstAtMs < REFUSAL_COALESCE_MS) {
        open.count += 1;
        return;
      }
      if (open !== undefined) void close(key, open);
      const oldest = groups.entries().next().value;
      if (groups.size >= MAX_OPEN_REFUSAL_GROUPS && oldest !== undefined) {
        void close(...oldest);
      }
      const id = write(entry);
      groups.set(key, { firstAtMs: now.getTime(), id, entry, count: 1 });
      timer ??= setInterval(sweep, REFUSAL_SWEEP_MS).unref();
      await settled(id);
    },
    flush,
    close: async () => {
      closed = true;
      await flush();
    },
  };
};
