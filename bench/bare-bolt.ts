import { createBaselineApp, startBaselineApp } from './bolt-baseline.js';

/**
 * The baseline: a Bolt app with the same Bolt version, receiver and receiver options as the app
 * (bench/bolt-baseline.ts) and a `/sms-sessions` listener that only acks. Whatever the app costs
 * beyond this is the app's own. Run by the bench as its own process:
 * `node --import tsx bench/bare-bolt.ts`, configured by SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN,
 * SLACK_API_URL and PORT; listens on 127.0.0.1 only.
 */
const app = createBaselineApp('bare-bolt');

app.command('/sms-sessions', async ({ ack }) => {
  await ack();
});

await startBaselineApp('bare-bolt', app);
