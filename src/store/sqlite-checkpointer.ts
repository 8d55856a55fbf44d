import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AppLogger } from '../logger.js';

/** How often the worker copies the write-ahead log back into the database file. */
export const CHECKPOINT_INTERVAL_MS = 1_000;

/** SQLite's own threshold (pages in the log), restored whenever the worker is not running. */
export const AUTOCHECKPOINT_PAGES = 1_000;

/** What {@link startCheckpointer} needs. */
export interface CheckpointerOptions {
  /** The database file the app's connection has open. */
  readonly path: string;
  readonly busyTimeoutMs: number;
  readonly logger: AppLogger;
  /** Defaults to {@link CHECKPOINT_INTERVAL_MS}; also how long after opening the worker starts. */
  readonly intervalMs?: number;
  /** The better-sqlite3 module the worker loads; a seam for the test of a worker that fails. */
  readonly driver?: string;
}

/**
 * The worker's whole program, plain CommonJS run with `eval` so it loads the same way from
 * `src/` under tsx, from `dist/` and under vitest. A PASSIVE checkpoint never blocks the app's
 * connection: it copies what no reader still needs and leaves the rest for the next turn. Each
 * result (`[busy, frames in the log, frames checkpointed]`) is reported back.
 * https://www.sqlite.org/pragma.html#pragma_wal_checkpoint
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs });
const checkpoint = () => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ checkpointed: [row.busy, row.log, row.checkpointed] });
  } catch (error) {
    parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
parentPort.postMessage('ready');
`;

/** A running {@link startCheckpointer}. */
export interface Checkpointer {
  /** Checkpoints the worker reported, newest last (at most the last 10). */
  readonly reports: readonly (readonly [busy: number, log: number, checkpointed: number])[];
  /** Whether the worker is checkpointing now (and the connection is not). */
  readonly running: boolean;
  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void>;
}

type Report = readonly [number, number, number];
const REPORTS_KEPT = 10;

/**
 * Takes SQLite's checkpoints off the event loop. With `synchronous = NORMAL` a commit does not
 * wait for the disk, but the commit that crosses the log's size threshold runs the checkpoint
 * itself, `fsync` included: the one slow write in a thousand (the bench's worst synchronous
 * step). One interval after the store opens (so a store open for less never starts one), a
 * worker thread with its own connection to the same file takes over: once it is ready, the
 * app's connection turns automatic checkpoints off (`wal_autocheckpoint = 0`) and the worker
 * checkpoints every interval. Should the worker fail to start or die, the connection goes back
 * to checkpointing itself, so the log never grows without bound.
 */
export const startCheckpointer = (
  db: { pragma(source: string): unknown },
  options: CheckpointerOptions,
): Checkpointer => {
  const { logger } = options;
  const intervalMs = options.intervalMs ?? CHECKPOINT_INTERVAL_MS;
  const reports: Report[] = [];
  let worker: Worker | undefined;
  let running = false;
  let stopping = false;

  const selfCheckpoint = (reason: string) => {
    const wasRunning = running;
    running = false;
    if (stopping) return;
    stopping = true;
    if (wasRunning) logger.warn({ reason }, 'SQLite checkpoints run on the main thread again');
    else logger.warn({ reason }, 'SQLite checkpoints stay on the main thread');
    try {
      db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    } catch {
      // The database is already closed: nothing left to checkpoint.
    }
  };

  const onMessage = (message: unknown) => {
    if (message === 'ready' && !stopping) {
      db.pragma('wal_autocheckpoint = 0');
      running = true;
    } else if (typeof message === 'object' && message !== null) {
      if ('checkpointed' in message) {
        reports.push(message.checkpointed as Report);
        if (reports.length > REPORTS_KEPT) reports.shift();
      } else if ('failed' in message) {
        logger.warn({ reason: String(message.failed) }, 'A SQLite checkpoint failed');
      }
    }
  };

  const spawn = () => {
    const spawned = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3'),
        path: options.path,
        intervalMs,
        busyTimeoutMs: options.busyTimeoutMs,
      },
    });
    spawned.unref();
    spawned.on('message', onMessage);
    spawned.on('error', (error) => selfCheckpoint(error.message));
    spawned.on('exit', (code) => selfCheckpoint(`the checkpoint worker exited (${code})`));
    worker = spawned;
  };
  const starting = setTimeout(spawn, intervalMs);
  starting.unref();

  return {
    reports,
    get running() {
      return running;
    },
    stop: async () => {
      clearTimeout(starting);
      const current = worker;
      if (stopping || current === undefined) {
        stopping = true;
        return;
      }
      stopping = true;
      running = false;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.on('message', (message) => {
        if (message === 'stopped') void current.terminate();
      });
      current.postMessage('stop');
      await exited;
    },
  };
};
