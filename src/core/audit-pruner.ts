import type { Clock } from '../clock.js';
import type { AppLogger } from '../logger.js';
import type { Store } from '../store/types.js';

/** How often old audit entries are deleted while the app runs. */
export const AUDIT_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes audit entries older than the retention period, now and then every hour. */
export interface AuditPruner {
  /** Deletes entries older than the retention period; resolves to how many went. */
  pruneNow(): Promise<number>;
  /** Prunes once at once, then every {@link AUDIT_PRUNE_INTERVAL_MS}; failures are logged. */
  start(): void;
  /** Stops the timer and waits for a prune under way; safe to call twice or before `start`. */
  stop(): Promise<void>;
}

/**
 * Keeps the audit trail to `AUDIT_RETENTION_DAYS` (default 90). The timer is `unref`'d, so it
 * never holds the process open, and `stop()` (called from the app's `stop`) clears it. Several
 * replicas pruning the same store do no harm: an entry is deleted once.
 */
export const createAuditPruner = (deps: {
  store: Store;
  clock: Clock;
  logger: AppLogger;
  retentionDays: number;
  intervalMs?: number;
}): AuditPruner => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const pruneNow = async () => {
    const olderThan = new Date(deps.clock.now().getTime() - deps.retentionDays * DAY_MS);
    const pruned = await deps.store.pruneAudit(olderThan);
    if (pruned > 0) {
      deps.logger.info({ pruned, retentionDays: deps.retentionDays }, 'audit entries pruned');
    }
    return pruned;
  };
  const pruneLogged = () => {
    if (running !== undefined) return;
    running = pruneNow()
      .then(
        () => undefined,
        (error: unknown) => {
          deps.logger.warn(
            { err: { message: error instanceof Error ? error.message : String(error) } },
            'audit pruning failed',
          );
        },
      )
      .finally(() => {
        running = undefined;
      });
  };
  return {
    pruneNow,
    start: () => {
      if (timer !== undefined) return;
      pruneLogged();
      timer = setInterval(pruneLogged, deps.intervalMs ?? AUDIT_PRUNE_INTERVAL_MS);
      timer.unref();
    },
    stop: async () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
};
