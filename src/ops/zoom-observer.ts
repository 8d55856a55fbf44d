import type { Metrics } from '../metrics/metrics.js';
import type { ZoomCallObserver } from '../zoom/observer.js';
import { reportZoomTime } from './request-context.js';

/**
 * The Zoom client's observer: each attempt goes to the metrics and to the Zoom time of the
 * Slack request being handled (its `request handled` line), each rate-limit wait to the metrics.
 */
export const createZoomObserver = (metrics: Metrics): ZoomCallObserver => ({
  attempt: (attempt) => {
    metrics.zoomCall(attempt);
    reportZoomTime(attempt.durationMs);
  },
  rateLimitWait: (ms) => metrics.zoomRateLimitWait(ms),
});
