import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { noticeQueued } from '../interim-notice.js';
import type { PersonAllowance } from './person-allowance.js';
import { msUntilNextUtcDay, type RateBudget } from './rate-budget.js';
import { createTurnLine, type ReleaseTurn, releaseOnce } from './turn-line.js';
import type { WaitLine } from './wait-line.js';
import type { ZoomCaller } from './zoom-caller.js';

/** Waits estimated at least this long are told to the person ("queued behind N requests"). */
export const DEFAULT_QUEUE_NOTICE_AFTER_MS = 3_000;

/** How long every replica pauses after a per-second 429 that did not say (`Retry-After`). */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 1_000;

/** Which of Zoom's limits a 429 or a refusal is about. */
export type RateLimitKind = 'per-second' | 'daily';

/** Zoom's word that the account is over a limit, for the whole limiter to honour. */
export interface RateLimitSignal {
  readonly kind: RateLimitKind;
  /** From `Retry-After`, when Zoom sent one. */
  readonly retryAfterMs: number | undefined;
}

/** One request for a turn. */
export interface AcquireOptions {
  /** Epoch ms past which the request would rather be refused than keep waiting. */
  readonly deadlineMs: number;
  /** A retry of a request that already had a turn: it goes to the front of the line. */
  readonly retry: boolean;
  /**
   * The person the request is made for: it spends their allowance and waits in their lane.
   * Absent for the app's own requests, which share one lane.
   */
  readonly caller?: ZoomCaller | undefined;
}

/** The lane of requests made for nobody in particular (start-up checks, the app's own work). */
export const APP_LANE = '(app)';

/** Options for {@link createZoomRateLimiter}. */
export interface ZoomRateLimiterOptions {
  readonly budget: RateBudget;
  /** Each person's burst and daily share, checked before a request joins the line. */
  readonly allowance?: PersonAllowance;
  /** The line across replicas; without it, only this replica's waiters are counted. */
  readonly waitLine?: WaitLine;
  readonly clock: Clock;
  readonly noticeAfterMs?: number;
  /** Told how long a request waited for its turn, when it waited (`metrics.zoomRateLimitWait`). */
  readonly onWait?: (ms: number) => void;
}

/**
 * Every Zoom request of the process waits here for a slot of the shared {@link RateBudget}, in a
 * line that is fair across people (src/zoom/fair-queue.ts): each person's requests wait in their
 * own lane and the lanes take turns, so one person's backlog delays anyone else's next request
 * by at most one slot. A retry goes first: it already had its turn.
 */
export interface ZoomRateLimiter {
  /**
   * Resolves when the request may be sent, with the function to call once it has its answer (a
   * turn holds its slot until then). A wait estimated at `noticeAfterMs` or more is told through
   * `noticeQueued` (src/interim-notice.ts).
   * @throws AppError `SLOW_DOWN` when the caller's burst or daily share is spent
   * (src/zoom/person-allowance.ts); `ZOOM_RATE_LIMITED` when the day's budget is spent (`detail.rateLimit`
   * `daily`, `retryAfterMs` until it resets) or the turn would come after the deadline;
   * `APP_RESTARTING` once {@link ZoomRateLimiter.close} was called, unless a slot is free at
   * once (work already under way finishes; nobody queues any more).
   */
  acquire(options: AcquireOptions): Promise<ReleaseTurn>;
  /**
   * Stops every replica sending for as long as Zoom said: a second ({@link
   * DEFAULT_RATE_LIMIT_PAUSE_MS}) when it did not say, until 00:00 UTC for the daily limit.
   */
  backOff(signal: RateLimitSignal): Promise<void>;
  /**
   * The process is shutting down: refuses every waiting request, and every later one that
   * would have to wait.
   */
  close(): void;
  /** Requests waiting in this process. */
  readonly waiting: number;
}

/** About how long a request with `ahead` requests before it waits: whole windows of slots. */
export const estimateQueueWaitMs = (
  ahead: number,
  slotsPerWindow: number,
  windowMs: number,
): number => Math.floor(ahead / slotsPerWindow) * windowMs;

/** The refusal when the day's budget is spent; `retryAfterMs` runs to the reset. */
export const dailyBudgetSpent = (retryAfterMs: number): AppError =>
  new AppError('ZOOM_RATE_LIMITED', "The day's Zoom request budget is spent", {
    detail: { retryAfterMs, rateLimit: 'daily' },
  });

const turnTooLate = (estimateMs: number): AppError =>
  new AppError('ZOOM_RATE_LIMITED', 'The turn for Zoom would come after the time budget', {
    detail: { retryAfterMs: Math.max(1_000, estimateMs), rateLimit: 'per-second' },
  });

const restarting = (): AppError =>
  new AppError('APP_RESTARTING', 'The process is shutting down; no new Zoom requests');

/**
 * Builds the {@link ZoomRateLimiter} over one line of turns per process (src/zoom/turn-line.ts),
 * whose pump hands out the shared budget's slots; the budget is shared, so replicas take turns
 * without talking to each other. The limiter decides who may join the line: the caller's
 * allowance and the day's budget are checked first, and waiting is refused up front when the
 * estimated turn is past the deadline, so a person hears "busy, try again in N" at once rather
 * than after the whole budget.
 */
export const createZoomRateLimiter = (options: ZoomRateLimiterOptions): ZoomRateLimiter => {
  const { budget, clock, waitLine } = options;
  const noticeAfterMs = options.noticeAfterMs ?? DEFAULT_QUEUE_NOTICE_AFTER_MS;
  const line = createTurnLine({
    budget,
    clock,
    onWait: options.onWait,
    onLeave: (waiter) => void waitLine?.leave(waiter.id),
  });

  const nowMs = () => clock.now().getTime();
  const estimate = (ahead: number) =>
    estimateQueueWaitMs(ahead, budget.slotsPerWindow, budget.windowMs);

  const acquire = async ({ deadlineMs, retry, caller }: AcquireOptions): Promise<ReleaseTurn> => {
    if (caller !== undefined && options.allowance !== undefined) {
      await options.allowance.takeRequest(caller);
      await options.allowance.takeDaily(caller);
    }
    const daily = await budget.takeDaily();
    if (!daily.granted) throw dailyBudgetSpent(daily.retryInMs);
    if (line.closed) {
      const slot = await budget.takeSlot();
      if (slot.granted) return releaseOnce(slot.release);
      throw restarting();
    }
    const { waiter: self, turn } = retry ? line.joinFirst() : line.join(caller?.key ?? APP_LANE);
    if (retry) return turn;
    const sharedAhead = waitLine === undefined ? undefined : await waitLine.join(self.id);
    if (!line.has(self)) {
      if (sharedAhead !== undefined) void waitLine?.leave(self.id);
      return turn;
    }
    const localAhead = line.ahead(self);
    const ahead =
      sharedAhead === undefined
        ? localAhead
        : localAhead + Math.max(0, sharedAhead - line.joinedBefore(self));
    const estimatedWaitMs = estimate(ahead);
    const leftMs = deadlineMs - nowMs();
    const worstWaitMs = estimatedWaitMs + (ahead > 0 ? budget.windowMs : 0);
    if (worstWaitMs > leftMs) {
      line.refuse(self, turnTooLate(worstWaitMs));
    } else {
      if (estimatedWaitMs >= noticeAfterMs) noticeQueued({ ahead, estimatedWaitMs });
      if (Number.isFinite(leftMs)) {
        line.refuseAfter(self, leftMs, () => turnTooLate(estimate(Math.max(0, line.ahead(self)))));
      }
    }
    return turn;
  };

  return {
    acquire,
    backOff: async (signal) => {
      if (signal.kind === 'daily') {
        const resetInMs = signal.retryAfterMs ?? msUntilNextUtcDay(clock.now());
        await budget.exhaustDaily(resetInMs);
        line.refuseAll(() => dailyBudgetSpent(resetInMs));
        return;
      }
      await budget.pauseSlots(signal.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS);
    },
    close: () => line.close(restarting),
    get waiting() {
      return line.size;
    },
  };
};
