/** What {@link readyNow} answers for work that is still waiting on I/O or a timer. */
export const NOT_READY: unique symbol = Symbol('not ready');

/**
 * `work`'s value if it settles before the event loop's next turn, {@link NOT_READY} otherwise.
 * Work that needs nothing but memory and synchronous calls (a page in the cache, SQLite, a typo
 * in a command) settles through promise jobs alone, which all run before `setImmediate`'s check
 * phase; work that waits for a socket or a timer does not. A rejection is passed on.
 * https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick
 */
export const readyNow = <T>(work: Promise<T>): Promise<T | typeof NOT_READY> =>
  Promise.race([
    work,
    new Promise<typeof NOT_READY>((resolve) => setImmediate(resolve, NOT_READY)),
  ]);
