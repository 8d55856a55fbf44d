import {
  currentNoticeListener,
  type NoticeListener,
  type QueueNotice,
  runWithNoticeListener,
} from '../interim-notice.js';

/** Shares one run of identical work among everyone who asks for it while it runs. */
export interface Coalescer {
  /**
   * Runs `work` for `key`, or, when a run for `key` is already in flight, joins it: everyone
   * gets the same result or the same error. Queue notices of the run reach every caller, and a
   * caller joining late hears the latest one at once.
   */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Runs in flight now. */
  readonly inFlight: number;
}

interface Flight {
  promise: Promise<unknown>;
  readonly listeners: Set<NoticeListener>;
  last: QueueNotice | undefined;
}

/**
 * Builds a {@link Coalescer} for this process: twenty people opening the same page at the same
 * moment cost one Zoom call (the "single flight" of groupcache). Nothing is kept once a run
 * settles; repeated pages over time are the cache's job (src/zoom/cached-zoom.ts).
 */
export const createCoalescer = (): Coalescer => {
  const flights = new Map<string, Flight>();

  return {
    run: <T>(key: string, work: () => Promise<T>): Promise<T> => {
      const listener = currentNoticeListener();
      const joined = flights.get(key);
      if (joined !== undefined) {
        if (listener !== undefined) {
          joined.listeners.add(listener);
          if (joined.last !== undefined) listener(joined.last);
        }
        return joined.promise as Promise<T>;
      }
      const flight: Flight = {
        promise: Promise.resolve(),
        listeners: new Set(listener === undefined ? [] : [listener]),
        last: undefined,
      };
      const fanOut: NoticeListener = (notice) => {
        flight.last = notice;
        for (const each of flight.listeners) each(notice);
      };
      flight.promise = runWithNoticeListener(fanOut, async () => work()).finally(() => {
        if (flights.get(key) === flight) flights.delete(key);
      });
      flights.set(key, flight);
      return flight.promise as Promise<T>;
    },
    get inFlight() {
      return flights.size;
    },
  };
};
