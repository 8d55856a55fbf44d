import type { CustomRoute, Receiver } from '@slack/bolt';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { AppLogger } from '../logger.js';
import { createMetrics, type Metrics } from '../metrics/metrics.js';
import type { ZoomCallObserver } from '../zoom/observer.js';
import { createMetricsServer } from './metrics-server.js';
import { observeReceiver } from './observe-receiver.js';
import { createReadiness, type ReadinessCheck } from './readiness.js';
import { opsRoutes } from './routes.js';
import { createZoomObserver } from './zoom-observer.js';

/** What {@link createOps} needs from the composition root. */
export interface OpsDeps {
  readonly config: Pick<Config, 'port' | 'metrics'>;
  readonly logger: AppLogger;
  readonly clock: Clock;
  /** What `/readyz` checks, by the name it reports (`zoom`, `store`). */
  readonly readinessChecks: Readonly<Record<string, ReadinessCheck>>;
}

/** Everything an operator watches the app through, built once. */
export interface Ops {
  /** The recorders; always recording, served only when `METRICS_ENABLED=true`. */
  readonly metrics: Metrics;
  /** For the Zoom client's `observer` option. */
  readonly zoomObserver: ZoomCallObserver;
  /** `/healthz`, `/readyz` and (metrics on the app's port) `/metrics`, for the receiver. */
  readonly routes: CustomRoute[];
  /** Wraps the receiver so every request gets an id, a `request handled` line and metrics. */
  observe(receiver: Receiver): Receiver;
  /** Starts the separate metrics server when `METRICS_PORT` asks for one. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds health, readiness, metrics and the request observer from the configuration: `/metrics`
 * is served only when enabled, on `METRICS_PORT` when that is set to a port other than `PORT`
 * (keep it off the port Slack reaches), else beside the Slack endpoint.
 */
export const createOps = (deps: OpsDeps): Ops => {
  const { config, logger, clock } = deps;
  const metrics = createMetrics();
  const readiness = createReadiness({
    checks: deps.readinessChecks,
    clock,
    logger: logger.child({ component: 'readiness' }),
  });
  const separatePort =
    config.metrics.enabled &&
    config.metrics.port !== undefined &&
    config.metrics.port !== config.port
      ? config.metrics.port
      : undefined;
  const metricsServer =
    separatePort === undefined ? undefined : createMetricsServer(metrics.registry, separatePort);
  const routes = opsRoutes({
    readiness,
    ...(config.metrics.enabled && metricsServer === undefined ? { metrics: metrics.registry } : {}),
  });

  return {
    metrics,
    zoomObserver: createZoomObserver(metrics),
    routes,
    observe: (receiver) => observeReceiver(receiver, { logger, metrics, clock }),
    start: async () => {
      if (metricsServer === undefined) return;
      await metricsServer.start();
      logger.info({ port: separatePort }, 'metrics served on their own port');
    },
    stop: async () => {
      await metricsServer?.stop();
    },
  };
};
