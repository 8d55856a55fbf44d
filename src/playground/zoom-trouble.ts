import type { DemoFault, DemoZoom } from '../demo-zoom/index.js';
import type { ZoomTrouble } from './page-protocol.js';

/** How late every answer of a `slow` demo Zoom comes: long enough to watch an export count. */
export const SLOW_ZOOM_MS = 1_500;

/**
 * Zoom's 429 for its per-second limit, asking to wait `seconds`.
 * https://developers.zoom.us/docs/api/rest/rate-limits/
 */
const rateLimited = (seconds: number): DemoFault => ({
  status: 429,
  body: { code: 429, message: 'You have reached the maximum per-second rate limit for this API.' },
  headers: { 'Retry-After': String(seconds), 'X-RateLimit-Type': 'QPS' },
});

/**
 * The playground's "Zoom trouble" control: makes the embedded demo Zoom misbehave as the real one
 * can, so a visitor sees how the app answers (a Next that fails keeps the page under a warning;
 * a short `Retry-After` is waited out unseen; a slow export counts in its listing).
 */
export const createZoomTrouble =
  (zoom: Pick<DemoZoom, 'failNext' | 'setLatency'>) =>
  (trouble: ZoomTrouble): void => {
    switch (trouble) {
      case 'busy-briefly':
        zoom.failNext(rateLimited(1), { kind: 'list' });
        return;
      case 'busy':
        zoom.failNext(rateLimited(30), { kind: 'list' });
        return;
      case 'slow':
        zoom.setLatency(SLOW_ZOOM_MS);
        return;
      case 'normal':
        zoom.setLatency(0);
        return;
    }
  };
