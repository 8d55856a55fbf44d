import type { Clock } from '../clock.js';
import type { DemoResponse } from './responses.js';
import { DAY_MS, toZoomTime } from './zoom-time.js';

/** Limits per account, like Zoom's: requests per second, and optionally per UTC day. */
export interface DemoRateLimit {
  readonly perSecond: number;
  readonly perDay?: number;
}

/** Counts API calls on the injected clock and answers Zoom's 429 when one is over the limit. */
export interface RateLimiter {
  /** `undefined` when the call may go ahead (and is counted), else the 429 to send. */
  take(): DemoResponse | undefined;
}

/**
 * Zoom's 429s: `Retry-After` in seconds with `X-RateLimit-Type: QPS` for the per-second limit;
 * an instant with `Daily-limit` once the day's budget is spent (it resets at 00:00 UTC).
 * Refused calls do not count. https://developers.zoom.us/docs/api/rest/rate-limits/
 */
export const createRateLimiter = (limit: DemoRateLimit, clock: Clock): RateLimiter => {
  let second = Number.NaN;
  let inSecond = 0;
  let day = Number.NaN;
  let inDay = 0;
  return {
    take: () => {
      const now = clock.now().getTime();
      const thisSecond = Math.floor(now / 1000);
      const today = Math.floor(now / DAY_MS);
      if (thisSecond !== second) [second, inSecond] = [thisSecond, 0];
      if (today !== day) [day, inDay] = [today, 0];
      if (limit.perDay !== undefined && inDay >= limit.perDay) {
        return {
          status: 429,
          headers: {
            'Retry-After': toZoomTime((today + 1) * DAY_MS),
            'X-RateLimit-Type': 'Daily-limit',
            'X-RateLimit-Limit': String(limit.perDay),
            'X-RateLimit-Remaining': '0',
          },
          body: {
            code: 429,
            message:
              'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make the next request.',
          },
        };
      }
      if (inSecond >= limit.perSecond) {
        return {
          status: 429,
          headers: { 'Retry-After': '1', 'X-RateLimit-Type': 'QPS' },
          body: {
            code: 429,
            message:
              'You have reached the maximum per-second rate limit for this API. Try again later.',
          },
        };
      }
      inSecond += 1;
      inDay += 1;
      return undefined;
    },
  };
};
