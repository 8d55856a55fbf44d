import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { AppError } from '../errors.js';
import { createFairQueue } from './fair-queue.js';
import type { RateBudget } from './rate-budget.js';

/** Ends a turn: called once the request has its answer (or failed), so the slot can cool down. */
export type ReleaseTurn = () => void;

/** One request of this process waiting in a {@link TurnLine} for a slot. */
export interface Waiter {
  /** Its entry in the line shared by every replica (src/zoom/wait-line.ts). */
  readonly id: string;
  /** Order of joining in this process, to tell which waiters counted by the wait line are ours. */
  readonly seq: number;
  readonly joinedAtMs: number;
  readonly resolve: (release: ReleaseTurn) => void;
  readonly reject: (error: AppError) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** A waiter just in line, and the turn it will be given (or refused). */
export interface Joined {
  readonly waiter: Waiter;
  readonly turn: Promise<ReleaseTurn>;
}

/** Options for {@link createTurnLine}. */
export interface TurnLineOptions {
  readonly budget: RateBudget;
  readonly clock: Clock;
  /** Told how long a request waited for its turn, when it waited. */
  readonly onWait?: ((ms: number) => void) | undefined;
  /** Told when a waiter leaves the line, granted or refused, so it can leave the shared one. */
  readonly onLeave?: ((waiter: Waiter) => void) | undefined;
}

/**
 * The requests of this process waiting for a slot of the shared {@link RateBudget}, and the one
 * pump that hands the slots out in the order of a fair queue (src/zoom/fair-queue.ts): each
 * person's lane first come first served, the lanes taking turns, a retry before every lane.
 * Whether a request may join at all, and how long it may wait, is the rate limiter's to decide
 * (src/zoom/rate-limiter.ts).
 */
export interface TurnLine {
  /** Puts a new waiter at the end of `lane` and starts handing out slots. */
  join(lane: string): Joined;
  /** Puts a new waiter before every lane (a retry: it already had its turn). */
  joinFirst(): Joined;
  /** Whether `waiter` still waits: it has had neither its turn nor a refusal. */
  has(waiter: Waiter): boolean;
  /** How many waiters of this process are served before `waiter`; -1 when it is not in line. */
  ahead(waiter: Waiter): number;
  /**
   * How many waiters of this process joined before `waiter` and still wait: the ones a count of
   * the line shared by every replica already holds.
   */
  joinedBefore(waiter: Waiter): number;
  /** Takes `waiter` out of line and rejects its turn with `error`, unless it left already. */
  refuse(waiter: Waiter, error: AppError): void;
  /** Refuses `waiter` with `reason()` once `ms` have passed, unless it had its turn before. */
  refuseAfter(waiter: Waiter, ms: number, reason: () => AppError): void;
  /** Refuses every waiter, each with an error of its own. */
  refuseAll(reason: () => AppError): void;
  /** Stops handing out slots and refuses every waiter; nobody may join after. */
  close(reason: () => AppError): void;
  readonly closed: boolean;
  /** Requests waiting in this process. */
  readonly size: number;
}

const createWaiter = (joinedAtMs: number, seq: number): Joined => {
  let settle: Pick<Waiter, 'resolve' | 'reject'> = { resolve: () => {}, reject: () => {} };
  const turn = new Promise<ReleaseTurn>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { turn, waiter: { id: randomUUID(), seq, joinedAtMs, ...settle, timer: undefined } };
};

/** `release` as a {@link ReleaseTurn}: the slot is given back once, however often it is called. */
export const releaseOnce = (release: () => Promise<void>): ReleaseTurn => {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    void release();
  };
};

/**
 * Builds a {@link TurnLine}. Its pump asks the budget for a slot whenever someone waits, and
 * sleeps until one may be free when there is none; the budget is shared, so replicas take turns
 * without talking to each other.
 */
export const createTurnLine = (options: TurnLineOptions): TurnLine => {
  const { budget, clock } = options;
  const queue = createFairQueue<Waiter>();
  let joined = 0;
  let pumping = false;
  let closed = false;
  let wake: (() => void) | undefined;

  const nowMs = () => clock.now().getTime();

  const remove = (waiter: Waiter): boolean => {
    if (!queue.remove(waiter)) return false;
    clearTimeout(waiter.timer);
    options.onLeave?.(waiter);
    return true;
  };

  const refuse = (waiter: Waiter, error: AppError) => {
    if (remove(waiter)) waiter.reject(error);
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.size > 0 && !closed) {
        const answer = await budget.takeSlot();
        if (!answer.granted) {
          await sleep(answer.retryInMs);
          continue;
        }
        const waiter = queue.shift();
        if (waiter === undefined) {
          await answer.release();
          break;
        }
        clearTimeout(waiter.timer);
        options.onLeave?.(waiter);
        const waitedMs = nowMs() - waiter.joinedAtMs;
        if (waitedMs > 0) options.onWait?.(waitedMs);
        waiter.resolve(releaseOnce(answer.release));
      }
    } finally {
      pumping = false;
      wake = undefined;
    }
  };

  const enter = (place: (waiter: Waiter) => void): Joined => {
    joined += 1;
    const entry = createWaiter(nowMs(), joined);
    place(entry.waiter);
    void pump();
    return entry;
  };

  return {
    join: (lane) => enter((waiter) => queue.push(lane, waiter)),
    joinFirst: () => enter((waiter) => queue.pushFirst(waiter)),
    has: (waiter) => queue.has(waiter),
    ahead: (waiter) => queue.ahead(waiter),
    joinedBefore: (self) => queue.items().filter((waiter) => waiter.seq < self.seq).length,
    refuse,
    refuseAfter: (waiter, ms, reason) => {
      waiter.timer = setTimeout(() => refuse(waiter, reason()), ms);
    },
    refuseAll: (reason) => {
      for (const waiter of queue.items()) refuse(waiter, reason());
    },
    close: (reason) => {
      closed = true;
      for (const waiter of queue.items()) refuse(waiter, reason());
      wake?.();
    },
    get closed() {
      return closed;
    },
    get size() {
      return queue.size;
    },
  };
};
