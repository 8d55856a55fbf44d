import type { AppLogger } from '../logger.js';
import type { AuditEntryInput, Store } from '../store/types.js';

/** How audit rows reach the store: one by one, or in batches (`AuditWriterOptions.batch`). */
export interface AuditBatchPolicy {
  /** The longest a row waits for its batch. */
  readonly intervalMs: number;
  /** A batch this large is written at once. */
  readonly maxRows: number;
}

/** The app's batching: a tenth of a second or a hundred rows, whichever comes first. */
export const AUDIT_BATCH: AuditBatchPolicy = { intervalMs: 100, maxRows: 100 };

/** Writes audit rows to the store; see {@link createAuditWriter}. */
export interface AuditWriter {
  /**
   * Stores one row; resolves with its id once stored, or `undefined` when the store refused it
   * (logged as `audit entry could not be stored`, with `fields`). Never rejects.
   */
  write(entry: AuditEntryInput, fields: Record<string, unknown>): Promise<string | undefined>;
  /** Stores every row still waiting for its batch. */
  flush(): Promise<void>;
  /** Rows waiting for their batch. */
  readonly pending: number;
}

interface Pending {
  readonly entry: AuditEntryInput;
  readonly fields: Record<string, unknown>;
  readonly settle: (id: string | undefined) => void;
}

const message = (error: unknown) => ({
  message: error instanceof Error ? error.message : String(error),
});

/**
 * Builds the {@link AuditWriter}. Without `batch`, each row is its own write. With it, rows wait
 * up to `batch.intervalMs` (or until `batch.maxRows` wait) and go to the store in one transaction
 * (`Store.appendAuditBatch`), so one commit serves dozens of answers; the owner flushes on
 * shutdown, so a clean stop loses nothing, and a crash loses at most the last `intervalMs` of
 * rows (their log lines are already written).
 */
export const createAuditWriter = (options: {
  readonly store: Pick<Store, 'appendAudit' | 'appendAuditBatch'>;
  readonly logger: AppLogger;
  readonly batch?: AuditBatchPolicy;
}): AuditWriter => {
  const { store, logger, batch } = options;
  let waiting: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const refused = (rows: readonly Pending[], error: unknown) => {
    for (const row of rows) {
      logger.error({ audit: row.fields, err: message(error) }, 'audit entry could not be stored');
      row.settle(undefined);
    }
  };

  const writeBatch = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const rows = waiting;
    waiting = [];
    if (rows.length === 0) return writing;
    writing = writing.then(async () => {
      try {
        const ids = await store.appendAuditBatch(rows.map((row) => row.entry));
        rows.forEach((row, index) => {
          row.settle(ids[index]);
        });
      } catch (error) {
        refused(rows, error);
      }
    });
    return writing;
  };

  return {
    write: async (entry, fields) => {
      if (batch === undefined) {
        try {
          return await store.appendAudit(entry);
        } catch (error) {
          refused([{ entry, fields, settle: () => {} }], error);
          return undefined;
        }
      }
      const stored = new Promise<string | undefined>((settle) => {
        waiting.push({ entry, fields, settle });
      });
      if (waiting.length >= batch.maxRows) void writeBatch();
      else timer ??= setTimeout(writeBatch, batch.intervalMs).unref();
      return stored;
    },
    flush: writeBatch,
    get pending() {
      return waiting.length;
    },
  };
};
