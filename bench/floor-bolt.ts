import { createPooledDispatcher, createPooledFetch } from '../src/http/pooled-fetch.js';
import { createBaselineApp, requiredEnv, startBaselineApp } from './bolt-baseline.js';
import { typicalPageMessage } from './render.js';

/**
 * The floor: what any app answering `/sms-sessions` with Bolt must spend, and nothing of this
 * app's own. Bare Bolt (bench/bare-bolt.ts) with the HTTP a page needs and no other work:
 * - a command with arguments (the bench's cached workload) is answered in its ack with a fixed
 *   page (the app's typical page of 10 sessions, rendered once at start);
 * - a command without (pages from Zoom) is acked empty, then asks the fake Zoom for the person's
 *   page (one OAuth token, fetched once), reads its JSON and posts the fixed page to the
 *   command's `response_url` with Bolt's `respond()`.
 * Both requests go through the app's pooled fetch (src/http/pooled-fetch.ts), as the app's do.
 * With FLOOR_ZOOM_PAGE_IN_ACK=1, a command without arguments waits for Zoom before its ack and
 * answers in it: no `response_url` post, but the ack waits on Zoom's latency, which the app never
 * does (Slack gives an ack 3 seconds, and Zoom or the rate limiter can take longer). It measures
 * what that design would save.
 * No identity, authorisation, audit, cache, rendering, sealing, logging or metrics: the app's
 * CPU per answer minus the floor's is what those cost. Run by the bench as its own process with
 * the app's Node flags, configured like bare Bolt plus the fake Zoom's ZOOM_* variables;
 * listens on 127.0.0.1 only.
 */
const env = (name: string): string => requiredEnv('floor-bolt', name);

const fetch = createPooledFetch(createPooledDispatcher());
const page = { response_type: 'ephemeral' as const, ...typicalPageMessage() };

let token: Promise<string> | undefined;
const zoomToken = (): Promise<string> => {
  token ??= (async () => {
    const url = new URL(env('ZOOM_OAUTH_TOKEN_URL'));
    url.searchParams.set('grant_type', 'account_credentials');
    url.searchParams.set('account_id', env('ZOOM_ACCOUNT_ID'));
    const basic = Buffer.from(`${env('ZOOM_CLIENT_ID')}:${env('ZOOM_CLIENT_SECRET')}`);
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Basic ${basic.toString('base64')}` },
    });
    const body = (await response.json()) as { access_token?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('the fake Zoom gave no token');
    return body.access_token;
  })();
  return token;
};

/** The bench's people are `UB000042` in Slack and `bench-42@example.com` in Zoom (bench/workload.ts). */
const zoomUserOf = (slackUserId: string) => `bench-${Number(slackUserId.slice(2))}@example.com`;

const app = createBaselineApp('floor-bolt', { fetch });

/** Whether a page from Zoom is awaited and put in the ack (see the file's comment). */
const zoomPageInAck = process.env.FLOOR_ZOOM_PAGE_IN_ACK === '1';

const askZoom = async (slackUserId: string): Promise<void> => {
  const sessions = new URL(
    `phone/users/${encodeURIComponent(zoomUserOf(slackUserId))}/sms/sessions`,
    `${env('ZOOM_API_BASE_URL').replace(/\/?$/, '/')}`,
  );
  sessions.searchParams.set('page_size', '10');
  const response = await fetch(sessions, {
    headers: { authorization: `Bearer ${await zoomToken()}` },
  });
  const body = (await response.json()) as { sms_sessions?: unknown[] };
  if (!response.ok || !Array.isArray(body.sms_sessions)) {
    throw new Error(`the fake Zoom answered ${response.status} without sessions`);
  }
};

app.command('/sms-sessions', async ({ ack, command, respond }) => {
  if (command.text !== '') {
    await ack(page);
    return;
  }
  if (zoomPageInAck) {
    await askZoom(command.user_id);
    await ack(page);
    return;
  }
  await ack();
  await askZoom(command.user_id);
  await respond(page);
});

await startBaselineApp('floor-bolt', app);
