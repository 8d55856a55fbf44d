import type { Clock } from '../clock.js';
import { defineSlot } from '../process/async-scope.js';

const slot = defineSlot<number>('Zoom call deadline');

/**
 * Runs one Zoom call with a deadline (epoch ms) that every attempt inside it reads: the rate
 * limiter does not queue past it, the client neither waits nor lets an attempt run past it. The
 * call's shape stays `ZoomApi`'s; the deadline travels beside it, in the app's one async scope
 * (src/process/async-scope.ts, Node's AsyncLocalStorage). https://nodejs.org/api/async_context.html
 */
export const runWithDeadline = <T>(deadlineMs: number, work: () => T): T =>
  slot.run(deadlineMs, work);

/** The deadline of the call running now; `Infinity` outside one. */
export const currentDeadlineMs = (): number => slot.get() ?? Number.POSITIVE_INFINITY;

/** Milliseconds the call running now may still take (never negative; `Infinity` outside one). */
export const remainingMs = (clock: Clock): number =>
  Math.max(0, currentDeadlineMs() - clock.now().getTime());
