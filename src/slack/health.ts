import type { CustomRoute } from '@slack/bolt';

/**
 * `GET /healthz`: 200 while the process serves requests. Served by the receiver's `customRoutes`,
 * which Bolt supports in both HTTP and Socket Mode.
 */
export const healthRoutes = (): CustomRoute[] => [
  {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok' }));
    },
  },
];
