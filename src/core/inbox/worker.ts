import type { Clock } from '../../clock.js';
import type { AppLogger } from '../../logger.js';
import type { LeasedJob, Store } from '../../store/types.js';

/** What a handler decided about one job. */
export type JobOutcome =
  | { readonly kind: 'done'; readonly laneReadyAt?: Date }
  | { readonly kind: 'retry'; readonly retryAt: Date };

/** Works one leased job; a throw counts as a retry after the worker's backoff. */
export type JobHandler = (job: LeasedJob) => Promise<JobOutcome>;

/** Options for {@link createQueueWorker}. */
export interface QueueWorkerOptions {
  readonly store: Pick<Store, 'leaseJob' | 'completeJob' | 'retryJob'>;
  readonly clock: Clock;
  readonly logger: AppLogger;
  readonly handle: JobHandler;
  /** How long a lease lasts: longer than any one job can take. */
  readonly leaseMs?: number;
  /** How often the worker looks for work another replica queued or a pause ended. */
  readonly pollMs?: number;
  /** Jobs (of different lanes) worked at once. */
  readonly concurrency?: number;
}

/** A running worker over the store's queue. */
export interface QueueWorker {
  /** Starts polling. */
  start(): void;
  /** Looks for work now, `lane` first (this process just queued there). */
  wake(lane?: string): void;
  /** Leases and works jobs until none is ready; resolves when all it started are done. */
  drain(): Promise<void>;
  /** Stops polling and waits for the jobs in hand. */
  stop(): Promise<void>;
}

/** Default lease: a job calls Slack (10 s timeout) and may wait on Zoom's limiter. */
export const JOB_LEASE_MS = 60_000;
/** Default poll interval. */
export const QUEUE_POLL_MS = 250;
/** Default jobs at once. */
export const QUEUE_CONCURRENCY = 4;
/** Backoff after a handler throws: doubles per attempt from this, up to {@link RETRY_MAX_MS}. */
export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 5 * 60 * 1000;

/** Added to a timed wake, so a timer firing on the dot never finds the lane a moment early. */
const WAKE_MARGIN_MS = 5;

/** When to try a job again after `attempts` failures. */
export const backoffMs = (attempts: number): number =>
  Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(attempts, 20));

/**
 * Runs the store-backed queue in this process: leases ready jobs (one per lane at a time, so a
 * lane's order holds across replicas), hands each to `handle`, then completes it (with the lane's
 * pause) or gives it back for later. A replica that dies mid-job loses its lease, and another
 * replica works the job again: handlers must be safe to repeat.
 */
export const createQueueWorker = (options: QueueWorkerOptions): QueueWorker => {
  const { store, clock, logger, handle } = options;
  const leaseMs = options.leaseMs ?? JOB_LEASE_MS;
  const pollMs = options.pollMs ?? QUEUE_POLL_MS;
  const concurrency = options.concurrency ?? QUEUE_CONCURRENCY;
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let draining: Promise<void> | undefined;
  const preferred: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  /** Wakes for a lane when its pause ends, sooner than the next poll would. */
  const wakeLater = (lane: string, ms: number): void => {
    if (stopped) return;
    const wake = setTimeout(() => {
      timers.delete(wake);
      if (!preferred.includes(lane)) preferred.push(lane);
      void drain();
    }, ms);
    wake.unref();
    timers.add(wake);
  };

  const work = async (job: LeasedJob): Promise<void> => {
    let outcome: JobOutcome;
    try {
      outcome = await handle(job);
    } catch (error) {
      logger.warn(
        {
          lane: job.lane.split(':')[0],
          attempts: job.attempts,
          err: { message: error instanceof Error ? error.message : String(error) },
        },
        'queued job failed; it will be retried',
      );
      outcome = {
        kind: 'retry',
        retryAt: new Date(clock.now().getTime() + backoffMs(job.attempts)),
      };
    }
    const kept =
      outcome.kind === 'done'
        ? await store.completeJob(job, outcome.laneReadyAt ?? clock.now())
        : await store.retryJob(job, outcome.retryAt);
    if (!kept) {
      logger.warn({ lane: job.lane.split(':')[0] }, 'queued job lease was lost');
      return;
    }
    const readyAt = outcome.kind === 'done' ? outcome.laneReadyAt : outcome.retryAt;
    const waitMs = readyAt === undefined ? 0 : readyAt.getTime() - clock.now().getTime();
    if (waitMs > 0 && waitMs < pollMs * 40) wakeLater(job.lane, waitMs + WAKE_MARGIN_MS);
  };

  const leaseNext = async (): Promise<LeasedJob | undefined> => {
    while (preferred.length > 0) {
      const lane = preferred.shift();
      const job = await store.leaseJob(leaseMs, lane);
      if (job !== undefined) return job;
    }
    return store.leaseJob(leaseMs);
  };

  const fill = async (): Promise<void> => {
    while (!stopped && running.size < concurrency) {
      let job: LeasedJob | undefined;
      try {
        job = await leaseNext();
      } catch (error) {
        logger.error(
          { err: { message: error instanceof Error ? error.message : String(error) } },
          'the queue could not be read',
        );
        return;
      }
      if (job === undefined) return;
      const task: Promise<void> = work(job)
        .catch((error: unknown) => {
          logger.error(
            { err: { message: error instanceof Error ? error.message : String(error) } },
            'a queued job could not be finished',
          );
        })
        .finally(() => {
          running.delete(task);
          if (!stopped) void drain();
        });
      running.add(task);
    }
  };

  /** A wake that came while a fill was under way: that fill may have looked too early. */
  let again = false;

  const drain = (): Promise<void> => {
    if (draining !== undefined) {
      again = true;
      return draining;
    }
    const run = async (): Promise<void> => {
      do {
        again = false;
        await fill();
      } while (again && !stopped);
    };
    draining = run().finally(() => {
      draining = undefined;
    });
    return draining;
  };

  const drainAll = async (): Promise<void> => {
    await drain();
    while (running.size > 0) {
      await Promise.race(running);
      await drain();
    }
  };

  return {
    start: () => {
      if (timer !== undefined) return;
      stopped = false;
      timer = setInterval(() => void drain(), pollMs);
      timer.unref();
      void drain();
    },
    wake: (lane) => {
      if (lane !== undefined && !preferred.includes(lane)) preferred.push(lane);
      setImmediate(() => void drain());
    },
    drain: drainAll,
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      for (const wake of timers) clearTimeout(wake);
      timers.clear();
      await Promise.all([...running]);
    },
  };
};
