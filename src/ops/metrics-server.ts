import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { serveMetrics } from './routes.js';

/** A `/metrics`-only HTTP server, for when the metrics port is kept apart from Slack's. */
export interface MetricsServer {
  /** Listens on every interface at `port`; resolves once listening. */
  start(): Promise<Server>;
  /** Stops listening and closes open connections; safe before start. */
  stop(): Promise<void>;
}

/**
 * Serves `GET /metrics` alone on its own port (`METRICS_PORT`), so a scraper inside the network
 * reaches it while the port Slack posts to stays free of it. Any other path is 404.
 * https://prometheus.io/docs/instrumenting/exposition_formats/
 */
export const createMetricsServer = (registry: Registry, port: number): MetricsServer => {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    serveMetrics(registry, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return {
    start: async () => {
      server.listen(port);
      await once(server, 'listening');
      return server;
    },
    stop: async () => {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
};
