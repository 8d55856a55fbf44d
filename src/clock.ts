/** The only way code reads the time, so tests can move it (see test/helpers/fake-clock.ts). */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };
