import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';

/**
 * How long one readiness answer is reused. Orchestrators, load balancers and Compose may each
 * probe every few seconds; without a cache every probe could ask Zoom's token endpoint.
 */
export const READINESS_CACHE_MS = 5_000;

/** A check that takes longer counts as failed (`TIMEOUT`): probes give up after a few seconds. */
export const READINESS_CHECK_TIMEOUT_MS = 2_500;

/** One dependency to check: resolves when it is usable, rejects (ideally with an AppError) if not. */
export type ReadinessCheck = () => Promise<unknown>;

/** The outcome of one check; `code` names why it failed (`ZOOM_AUTH`, `TIMEOUT`, …). */
export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly code: string };

/** Every check's outcome; ready when all passed. */
export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/** Answers "can this replica serve requests now?". */
export interface Readiness {
  /** The cached report while it is fresh, else a new one (concurrent callers share it). */
  report(): Promise<ReadinessReport>;
}

/** What {@link createReadiness} needs. */
export interface ReadinessOptions {
  /** By name, as they appear in the report (`zoom`, `store`). */
  readonly checks: Readonly<Record<string, ReadinessCheck>>;
  readonly clock: Clock;
  readonly logger: AppLogger;
  readonly cacheMs?: number;
  readonly timeoutMs?: number;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Runs the checks concurrently, each within `timeoutMs`, and caches the report for `cacheMs` on
 * the injected clock. A check that starts failing is logged once (with the cause), and again when
 * it recovers, so a flapping dependency is visible without a line per probe.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
export const createReadiness = (options: ReadinessOptions): Readiness => {
  const cacheMs = options.cacheMs ?? READINESS_CACHE_MS;
  const timeoutMs = options.timeoutMs ?? READINESS_CHECK_TIMEOUT_MS;
  const failing = new Set<string>();
  let cached: { readonly at: number; readonly report: ReadinessReport } | undefined;
  let inFlight: Promise<ReadinessReport> | undefined;

  const attempt = async (check: ReadinessCheck): Promise<CheckResult & { error?: unknown }> => {
    const timer = new AbortController();
    try {
      const outcome = await Promise.race([
        check(),
        delay(timeoutMs, TIMED_OUT, { signal: timer.signal, ref: false }),
      ]);
      return outcome === TIMED_OUT ? { ok: false, code: 'TIMEOUT' } : { ok: true };
    } catch (error) {
      return { ok: false, code: error instanceof AppError ? error.code : 'UNAVAILABLE', error };
    } finally {
      timer.abort();
    }
  };

  const run = async (name: string, check: ReadinessCheck): Promise<CheckResult> => {
    const { error, ...result } = await attempt(check);
    if (result.ok) {
      if (failing.delete(name)) options.logger.info({ check: name }, 'readiness check recovered');
    } else if (!failing.has(name)) {
      failing.add(name);
      options.logger.warn({ check: name, code: result.code, err: error }, 'readiness check failed');
    }
    return result;
  };

  const evaluate = async (): Promise<ReadinessReport> => {
    const entries = await Promise.all(
      Object.entries(options.checks).map(async ([name, check]) => [name, await run(name, check)]),
    );
    const checks: Record<string, CheckResult> = Object.fromEntries(entries);
    return { ready: Object.values(checks).every((result) => result.ok), checks };
  };

  return {
    report: async () => {
      const now = options.clock.now().getTime();
      if (cached !== undefined && now - cached.at < cacheMs) return cached.report;
      inFlight ??= evaluate()
        .then((report) => {
          cached = { at: options.clock.now().getTime(), report };
          return report;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
  };
};
