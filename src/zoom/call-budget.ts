import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../clock.js';

const storage = new AsyncLocalStorage<number>();

/**
 * Runs one Zoom call with a deadline (epoch ms) that every attempt inside it reads: the rate
 * limiter does not queue past it, the client neither waits nor lets an attempt run past it. The
 * call's shape stays `ZoomApi`'s; the deadline travels beside it (AsyncLocalStorage).
 * https://nodejs.org/api/async_context.html
 */
export const runWithDeadline = <T>(deadlineMs: number, work: () => T): T =>
  storage.run(deadlineMs, work);

/** The deadline of the call running now; `Infinity` outside one. */
export const currentDeadlineMs = (): number => storage.getStore() ?? Number.POSITIVE_INFINITY;

/** Milliseconds the call running now may still take (never negative; `Infinity` outside one). */
export const remainingMs = (clock: Clock): number =>
  Math.max(0, currentDeadlineMs() - clock.now().getTime());
