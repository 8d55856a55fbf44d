import type { StoreDeps } from './types.js';

/** How often expired rows are deleted. */
export const SWEEP_INTERVAL_MS = 1_000;

/**
 * The most expired rows of one table a sweep deletes, so a sweep never holds the event loop for
 * long (about 0.2 ms a table); at this rate it keeps up with 250 new rows a second in each, more
 * than the app writes (a claim per Slack request, a cached page per Zoom answer).
 */
export const SWEEP_BATCH = 250;

/** Rows of one table that expire: what they are (for the log), and how to delete some. */
export interface ExpiringRows {
  readonly what: string;
  /** Deletes at most `limit` rows expired at `nowMs`, by the table's expiry index. */
  deleteExpired(nowMs: number, limit: number): void;
}

/**
 * Deletes expired rows on a timer ({@link SWEEP_INTERVAL_MS}, at most {@link SWEEP_BATCH} per
 * table a time), never on the request path: a request pays for its own row only. A sweep that
 * fails is logged and tried again at the next tick. Returns what stops it.
 */
export const startSweeper = (tables: readonly ExpiringRows[], deps: StoreDeps): (() => void) => {
  const sweep = () => {
    const nowMs = deps.clock.now().getTime();
    for (const table of tables) {
      try {
        table.deleteExpired(nowMs, SWEEP_BATCH);
      } catch (error) {
        deps.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          `Expired ${table.what} could not be deleted`,
        );
      }
    }
  };
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS).unref();
  return () => clearInterval(timer);
};
