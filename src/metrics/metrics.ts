import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { ZoomAttempt } from '../zoom/observer.js';

/** Every series name starts with this, so the app's series are easy to find among others. */
export const METRICS_PREFIX = 'sms_sessions_';

/** Buckets for the time from Slack's request to the answer, in seconds (Slack's limit is 3 s). */
export const REQUEST_DURATION_BUCKETS_S = [0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30];

/** Buckets for the time to `ack()`, in seconds: anything past 3 s is an error for Slack. */
export const ACK_DURATION_BUCKETS_S = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 3];

/** Buckets for one Zoom API attempt, in seconds (the client gives up on one after 8 s). */
export const ZOOM_DURATION_BUCKETS_S = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8];

/** Buckets for a wait imposed by Zoom's rate limit, in seconds. */
export const RATE_LIMIT_WAIT_BUCKETS_S = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

/** What kind of Slack request a line or a series is about. */
export type SlackRequestKind = 'command' | 'action' | 'event' | 'view' | 'shortcut' | 'options';

/** One Slack request the app handled, as the request observer measured it. */
export interface HandledRequest {
  readonly kind: SlackRequestKind | 'other';
  /** The command, action id, event type or callback id. */
  readonly name: string;
  /** `OK`, an error code, or `NO_ACK` when nobody acknowledged the request. */
  readonly outcome: string;
  readonly totalMs: number;
  /** Undefined when the request was never acknowledged. */
  readonly ackMs: number | undefined;
}

/**
 * The app's Prometheus series and the functions that record them. Recording is always on and
 * cheap; `METRICS_ENABLED` only decides whether `/metrics` serves the registry. The recorder
 * names are a contract with the callers (the Zoom client's observer, the rate limiter, the cache).
 * https://prometheus.io/docs/practices/naming/
 */
export interface Metrics {
  /** A registry of this app's own (not prom-client's global one), so two apps never mix. */
  readonly registry: Registry;
  /** A command, action, event or view submission the app handled. */
  slackRequest(request: HandledRequest): void;
  /** One attempt at a Zoom API call. */
  zoomCall(attempt: ZoomAttempt): void;
  /** Time spent waiting before a Zoom call because of Zoom's rate limit (ours or Zoom's 429). */
  zoomRateLimitWait(ms: number): void;
  /** A Zoom answer served from the cache; `kind` names what was cached (`user`, `sessions`, …). */
  zoomCacheHit(kind: string): void;
  /** A cache lookup that had to ask Zoom. */
  zoomCacheMiss(kind: string): void;
  /**
   * A request to `POST /zoom/events`: `accepted` (queued), `duplicate` (dropped: seen before),
   * `validated`, `ignored` (an event the inbox does not use), `refused`, `invalid`, `too_large`
   * or `failed` (not queued; Zoom sends it again).
   */
  zoomEvent(outcome: string, event: string): void;
  /** A text posted to Slack (`delivered`), tried again (`retried`), given up (`failed`) or left out (`skipped`). */
  inboxDelivery(destination: 'dm' | 'channel', outcome: string): void;
  /** A text that goes nowhere, and why (`unmapped`, `notify-off`, `unrouted`, `other-line`). */
  inboxSkipped(reason: string): void;
  /** One reply submitted from Slack: `sent`, or the error code it ended with. */
  smsSend(outcome: string): void;
}

const seconds = (ms: number) => ms / 1000;

/**
 * Builds the series on a fresh registry, with Node's default process metrics (CPU, memory, event
 * loop lag, GC). https://github.com/siimon/prom-client#default-metrics
 */
export const createMetrics = (): Metrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const requests = new Counter({
    name: `${METRICS_PREFIX}slack_requests_total`,
    help: 'Slack commands, actions, events and view submissions handled, by outcome code',
    labelNames: ['kind', 'name', 'outcome'] as const,
    registers,
  });
  const requestDuration = new Histogram({
    name: `${METRICS_PREFIX}slack_request_duration_seconds`,
    help: 'Time from receiving a Slack request to having answered it (end to end)',
    labelNames: ['kind'] as const,
    buckets: REQUEST_DURATION_BUCKETS_S,
    registers,
  });
  const ackDuration = new Histogram({
    name: `${METRICS_PREFIX}slack_ack_duration_seconds`,
    help: 'Time from receiving a Slack request to acknowledging it (Slack allows 3 s)',
    labelNames: ['kind'] as const,
    buckets: ACK_DURATION_BUCKETS_S,
    registers,
  });
  const zoomRequests = new Counter({
    name: `${METRICS_PREFIX}zoom_requests_total`,
    help: 'Zoom API attempts, by operation, HTTP status (none: no answer) and Zoom error code',
    labelNames: ['operation', 'status', 'zoom_code'] as const,
    registers,
  });
  const zoomDuration = new Histogram({
    name: `${METRICS_PREFIX}zoom_request_duration_seconds`,
    help: 'Duration of one Zoom API attempt',
    labelNames: ['operation'] as const,
    buckets: ZOOM_DURATION_BUCKETS_S,
    registers,
  });
  const rateLimitWaits = new Histogram({
    name: `${METRICS_PREFIX}zoom_rate_limit_wait_seconds`,
    help: "Waits before a Zoom call imposed by Zoom's rate limit",
    buckets: RATE_LIMIT_WAIT_BUCKETS_S,
    registers,
  });
  const cacheLookups = new Counter({
    name: `${METRICS_PREFIX}zoom_cache_lookups_total`,
    help: 'Lookups in the cache of Zoom answers, by what was cached and hit or miss',
    labelNames: ['kind', 'result'] as const,
    registers,
  });
  const smsSends = new Counter({
    name: `${METRICS_PREFIX}sms_sends_total`,
    help: 'Replies sent from Slack through Zoom, by outcome (sent, or the error code of a failure)',
    labelNames: ['outcome'] as const,
    registers,
  });

  const zoomEvents = new Counter({
    name: `${METRICS_PREFIX}zoom_events_total`,
    help: 'Requests to POST /zoom/events, by outcome (accepted, duplicate, refused, …) and event type',
    labelNames: ['outcome', 'event'] as const,
    registers,
  });
  const inboxDeliveries = new Counter({
    name: `${METRICS_PREFIX}inbox_deliveries_total`,
    help: 'Texts posted to Slack, by destination (dm, channel) and outcome (delivered, retried, failed, skipped)',
    labelNames: ['destination', 'outcome'] as const,
    registers,
  });
  const inboxSkips = new Counter({
    name: `${METRICS_PREFIX}inbox_skipped_total`,
    help: 'Texts delivered nowhere, by reason (unmapped, notify-off, unrouted, other-line)',
    labelNames: ['reason'] as const,
    registers,
  });

  return {
    registry,
    zoomEvent: (outcome, event) => zoomEvents.inc({ outcome, event }),
    inboxDelivery: (destination, outcome) => inboxDeliveries.inc({ destination, outcome }),
    inboxSkipped: (reason) => inboxSkips.inc({ reason }),
    slackRequest: (request) => {
      requests.inc({ kind: request.kind, name: request.name, outcome: request.outcome });
      requestDuration.observe({ kind: request.kind }, seconds(request.totalMs));
      if (request.ackMs !== undefined) {
        ackDuration.observe({ kind: request.kind }, seconds(request.ackMs));
      }
    },
    zoomCall: (attempt) => {
      zoomRequests.inc({
        operation: attempt.operation,
        status: attempt.status === undefined ? 'none' : String(attempt.status),
        zoom_code: attempt.zoomCode === undefined ? 'none' : String(attempt.zoomCode),
      });
      zoomDuration.observe({ operation: attempt.operation }, seconds(attempt.durationMs));
    },
    zoomRateLimitWait: (ms) => rateLimitWaits.observe(seconds(ms)),
    zoomCacheHit: (kind) => cacheLookups.inc({ kind, result: 'hit' }),
    zoomCacheMiss: (kind) => cacheLookups.inc({ kind, result: 'miss' }),
    smsSend: (outcome) => smsSends.inc({ outcome }),
  };
};
