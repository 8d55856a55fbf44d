import type { AppLogger } from '../logger.js';

/** Beyond the drain bound, how long closing connections may take before the process exits 1. */
export const CLOSE_GRACE_MS = 5_000;

/** Options for {@link createShutdown}; `exit` is a seam for tests. */
export interface ShutdownOptions {
  /**
   * Stops the app: no new work, the work in flight finished (within `drainTimeoutMs`), the
   * store closed. `SmsSessionsApp.stop` (src/app.ts).
   */
  readonly stop: () => Promise<void>;
  /** The drain bound (`SHUTDOWN_TIMEOUT_SECONDS`); the hard bound adds {@link CLOSE_GRACE_MS}. */
  readonly drainTimeoutMs: number;
  readonly logger: AppLogger;
  readonly exit: (code: number) => void;
}

/**
 * The handler for `SIGTERM` and `SIGINT`: stops the app once (a second signal is logged and
 * ignored) and exits `0` when it stopped cleanly, `1` when stopping failed or hung past the
 * hard bound. Orchestrators send `SIGTERM`, wait a grace period (30 s in Kubernetes by
 * default), then kill; the bound keeps the exit inside it.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
export const createShutdown = (options: ShutdownOptions): ((signal: string) => void) => {
  let started = false;
  return (signal) => {
    if (started) {
      options.logger.info({ signal }, 'already shutting down');
      return;
    }
    started = true;
    options.logger.info({ signal }, 'shutting down');
    const hardTimer = setTimeout(() => {
      options.logger.error('shutdown took too long; exiting');
      options.exit(1);
    }, options.drainTimeoutMs + CLOSE_GRACE_MS);
    hardTimer.unref?.();
    options.stop().then(
      () => {
        clearTimeout(hardTimer);
        options.logger.info('shut down cleanly');
        options.exit(0);
      },
      (error: unknown) => {
        clearTimeout(hardTimer);
        options.logger.error({ err: error }, 'shutdown failed');
        options.exit(1);
      },
    );
  };
};
