import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Registry } from 'prom-client';
import type { Readiness } from './readiness.js';

/** What {@link opsRoutes} serves. */
export interface OpsRoutesOptions {
  readonly readiness: Readiness;
  /** Served as `GET /metrics` when given (metrics enabled, on the app's own port). */
  readonly metrics?: Registry;
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

type Handler = (res: ServerResponse) => Promise<void> | void;

/** Bolt does not await route handlers: a failure answers 500 here instead of going unhandled. */
const route = (path: string, handler: Handler): CustomRoute => ({
  path,
  method: ['GET'],
  handler: (_req, res) => {
    Promise.resolve()
      .then(() => handler(res))
      .catch(() => {
        if (!res.headersSent) sendJson(res, 500, { status: 'error' });
        else res.end();
      });
  },
});

/**
 * Serves the Prometheus text format of `registry`, for the app's own port and the separate
 * metrics port alike. https://prometheus.io/docs/instrumenting/exposition_formats/
 */
export const serveMetrics = async (registry: Registry, res: ServerResponse): Promise<void> => {
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  res.end(body);
};

/**
 * The operator's endpoints, as receiver `customRoutes` (Bolt serves them in HTTP and in Socket
 * Mode, on `PORT`):
 * - `GET /healthz`: 200 while the process serves requests (liveness; never calls anything);
 * - `GET /readyz`: 200 when a Zoom token can be had and the store answers, otherwise 503 with
 *   the JSON report naming each failed check and its code;
 * - `GET /metrics`: Prometheus series, only when a registry is given.
 * https://docs.slack.dev/tools/bolt-js/concepts/custom-routes
 */
export const opsRoutes = (options: OpsRoutesOptions): CustomRoute[] => {
  const routes = [
    route('/healthz', (res) => sendJson(res, 200, { status: 'ok' })),
    route('/readyz', async (res) => {
      const report = await options.readiness.report();
      sendJson(res, report.ready ? 200 : 503, {
        status: report.ready ? 'ready' : 'not ready',
        checks: report.checks,
      });
    }),
  ];
  const { metrics } = options;
  if (metrics !== undefined) routes.push(route('/metrics', (res) => serveMetrics(metrics, res)));
  return routes;
};
