import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';

/**
 * What the bench's own Bolt processes (bench/bare-bolt.ts, bench/floor-bolt.ts) share with each
 * other and with the app: the same Bolt version, receiver and receiver options (HTTPReceiver,
 * `processBeforeResponse: false`, a `/healthz` custom route), configured from the environment the
 * bench gives them, listening on 127.0.0.1 only and stopping on SIGTERM.
 */

/** A variable the bench must set; `who` names the process in the error. */
export const requiredEnv = (who: string, name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${who} needs ${name}`);
  return value;
};

const healthz = {
  path: '/healthz',
  method: ['GET'],
  handler: (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
  },
};

/** A Bolt app configured by SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN and SLACK_API_URL. */
export const createBaselineApp = (
  who: string,
  clientOptions: { readonly fetch?: typeof fetch } = {},
): App =>
  new App({
    token: requiredEnv(who, 'SLACK_BOT_TOKEN'),
    receiver: new HTTPReceiver({
      signingSecret: requiredEnv(who, 'SLACK_SIGNING_SECRET'),
      customRoutes: [healthz],
      processBeforeResponse: false,
    }),
    clientOptions: { slackApiUrl: requiredEnv(who, 'SLACK_API_URL'), ...clientOptions },
  });

/** Listens on 127.0.0.1 at PORT, and stops cleanly on SIGTERM. */
export const startBaselineApp = async (who: string, app: App): Promise<void> => {
  await app.start({ port: Number(requiredEnv(who, 'PORT')), host: '127.0.0.1' });
  process.once('SIGTERM', () => {
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
};
