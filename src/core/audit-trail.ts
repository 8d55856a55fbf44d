import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { AppLogger } from '../logger.js';
import type { AuditEntryInput, Store } from '../store/types.js';
import { zoomUserDomain } from '../users/zoom-user-ref.js';

/** Hex characters of the SHA-256 of a Zoom user kept in log lines: enough to correlate lines. */
export const ZOOM_USER_HASH_CHARS = 16;

/** Filter keys whose values are personal data: the store keeps them, the log only says "set". */
const PERSONAL_FILTERS: ReadonlySet<string> = new Set(['phone', 'zoomUser']);

/** Records who asked to see whose SMS sessions, or to change who is whom. */
export interface AuditTrail {
  /**
   * Writes one entry to the store and one structured log line (`msg: 'audit'`). Never throws: a
   * store that cannot take the entry is logged as an error with the same fields, and the log
   * line already written remains the record.
   */
  record(entry: Omit<AuditEntryInput, 'at'>): Promise<void>;
}

/** A short, stable fingerprint of a Zoom user for the logs, which must not carry emails. */
export const hashZoomUser = (zoomUser: string): string =>
  createHash('sha256').update(zoomUser.toLowerCase()).digest('hex').slice(0, ZOOM_USER_HASH_CHARS);

const logFields = (entry: AuditEntryInput) => ({
  at: entry.at,
  action: entry.action,
  actor: entry.actorSlackUserId,
  subject: entry.subjectSlackUserId,
  ...(entry.subjectZoomUser === undefined
    ? {}
    : {
        zoomUserHash: hashZoomUser(entry.subjectZoomUser),
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

/**
 * The audit trail: every listing that reaches Zoom, every refusal and every link change, to the
 * store (kept `AUDIT_RETENTION_DAYS`, read back with `/sms-sessions audit`) and to the log.
 * The log line names Slack ids and, for the Zoom user, only a hash and the email's domain; a
 * phone number filter shows as `[set]`. Stamped from the injected clock.
 */
export const createAuditTrail = (deps: {
  store: Store;
  logger: AppLogger;
  clock: Clock;
}): AuditTrail => ({
  record: async (input) => {
    const entry: AuditEntryInput = { ...input, at: deps.clock.now().toISOString() };
    const audit = logFields(entry);
    deps.logger.info({ audit }, 'audit');
    try {
      await deps.store.appendAudit(entry);
    } catch (error) {
      deps.logger.error(
        { audit, err: { message: error instanceof Error ? error.message : String(error) } },
        'audit entry could not be stored',
      );
    }
  },
});
