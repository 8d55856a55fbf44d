import type { AppLogger } from '../logger.js';
import type { InFlightTracker } from './in-flight.js';

/** What stopping the app takes, in the order {@link drainAndClose} runs it. */
export interface DrainSteps {
  /** Stops taking new work (Bolt's receiver: the HTTP server or the Socket Mode connection). */
  readonly stopIntake: () => Promise<unknown>;
  /** Answers every request still waiting for its turn at once ("restarting, try again"). */
  readonly refuseWaiting: () => void;
  readonly inFlight: InFlightTracker;
  /** How long the work in flight may take to finish (`SHUTDOWN_TIMEOUT_SECONDS`). */
  readonly drainTimeoutMs: number;
  /** Closed last, in order: connections the work in flight still needed (the store last). */
  readonly close: ReadonlyArray<() => Promise<unknown>>;
  readonly logger: AppLogger;
}

/**
 * A graceful stop: no new work, every waiting request answered, the work in flight finished
 * (or given up on after `drainTimeoutMs`, with a warning naming how much), then every connection
 * closed. Each step runs even when an earlier one failed, so the store is always closed; the
 * first failure is rethrown at the end.
 */
export const drainAndClose = async (steps: DrainSteps): Promise<void> => {
  const failures: unknown[] = [];
  const attempt = async (step: () => unknown) => {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  };
  await attempt(steps.stopIntake);
  await attempt(steps.refuseWaiting);
  const drained = await steps.inFlight.drain(steps.drainTimeoutMs);
  if (!drained) {
    steps.logger.warn(
      { inFlight: steps.inFlight.size, drainTimeoutMs: steps.drainTimeoutMs },
      'shutdown: gave up waiting for work in flight',
    );
  }
  for (const close of steps.close) await attempt(close);
  if (failures.length > 0) throw failures[0];
};
