import type { Clock } from '../../src/clock.js';

/** A clock that only moves when told to. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(iso: string): void;
}

/** Starts at `iso` (UTC). */
export const createFakeClock = (iso = '2026-11-26T12:00:00Z'): FakeClock => {
  let current = new Date(iso).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (next) => {
      current = new Date(next).getTime();
    },
  };
};
