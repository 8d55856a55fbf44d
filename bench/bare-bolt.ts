import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';

/**
 * The baseline: a Bolt app with the same Bolt version, receiver and receiver options as the app
 * (HTTPReceiver, `processBeforeResponse: false`, a `/healthz` custom route) and a
 * `/sms-sessions` listener that only acks. Whatever the app costs beyond this is the app's own.
 * Run by the bench as its own process: `node --import tsx bench/bare-bolt.ts`, configured by
 * SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL and PORT; listens on 127.0.0.1 only.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`bare-bolt needs ${name}`);
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

const app = new App({
  token: env('SLACK_BOT_TOKEN'),
  receiver: new HTTPReceiver({
    signingSecret: env('SLACK_SIGNING_SECRET'),
    customRoutes: [healthz],
    processBeforeResponse: false,
  }),
  clientOptions: { slackApiUrl: env('SLACK_API_URL') },
});

app.command('/sms-sessions', async ({ ack }) => {
  await ack();
});

await app.start({ port: Number(env('PORT')), host: '127.0.0.1' });

process.once('SIGTERM', () => {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
