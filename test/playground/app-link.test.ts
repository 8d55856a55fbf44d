import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { createAppLink } from '../../src/playground/app-link.js';
import { createHomeViews } from '../../src/playground/home-views.js';
import { createPlaygroundPeople } from '../../src/playground/people.js';
import {
  appHomeOpenedBody,
  blockActionsBody,
  slashCommandBody,
} from '../../src/playground/slack-payloads.js';

const SIGNING_SECRET = 'playground-test-signing-secret';
const [alice] = createPlaygroundPeople();
if (alice === undefined) throw new Error('no demo people');

describe('createAppLink', () => {
  let bolt: App;
  let eventsUrl: string;
  const seen: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR });
    bolt = new App({
      receiver,
      token: 'xoxb-playground-demo-token',
      botId: 'B0SMSBOT',
      botUserId: 'U0SMSBOT',
      logLevel: LogLevel.ERROR,
    });
    bolt.command('/sms-sessions', async ({ ack, command }) => {
      await ack();
      seen.push({ kind: 'command', user: command.user_id, text: command.text });
    });
    bolt.action('pick', async ({ ack, body }) => {
      await ack();
      seen.push({ kind: 'action', body });
    });
    bolt.event('app_home_opened', async ({ event }) => {
      seen.push({ kind: 'event', user: event.user, tab: event.tab });
    });
    const server = await bolt.start({ port: 0, host: '127.0.0.1' });
    eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await bolt?.stop();
  });

  const link = (secret = SIGNING_SECRET) =>
    createAppLink({ eventsUrl, signingSecret: secret, clock: systemClock });

  it('signs a slash command so that Bolt verifies it and runs the listener', async () => {
    const ack = await link().deliver(
      slashCommandBody({
        person: alice,
        text: 'type:all <@U0BOB|bob>',
        responseUrl: 'http://127.0.0.1:9/response/x',
        triggerId: '1.2',
      }),
      'application/x-www-form-urlencoded',
    );
    expect(ack).toEqual({ ok: true, status: 200, body: '' });
    expect(seen).toContainEqual({
      kind: 'command',
      user: 'U0ALICE',
      text: 'type:all <@U0BOB|bob>',
    });
  });

  it('signs a Home tab block_actions payload with its view and state', async () => {
    const homes = createHomeViews({ onChange: () => {} });
    const published = homes.publish('U0ALICE', { type: 'home', blocks: [] });
    if (!published.ok) throw new Error(published.error);
    const ack = await link().deliver(
      blockActionsBody({
        person: alice,
        container: { type: 'view', view: published.view },
        action: { type: 'static_select', action_id: 'pick', block_id: 'b', action_ts: '1.0' },
        state: { b: { pick: { type: 'static_select', selected_option: null } } },
        triggerId: '1.2',
      }),
      'application/x-www-form-urlencoded',
    );
    expect(ack.ok).toBe(true);
    const action = seen.find((entry) => entry.kind === 'action')?.body as Record<string, unknown>;
    expect(action).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: published.view.id },
      view: {
        id: published.view.id,
        state: { values: { b: { pick: { type: 'static_select' } } } },
      },
    });
    expect(action.response_url).toBeUndefined();
  });

  it('signs a JSON app_home_opened event', async () => {
    const ack = await link().deliver(
      appHomeOpenedBody({ person: alice, view: undefined, eventId: 'Ev1', eventTime: 1 }),
      'application/json',
    );
    expect(ack.ok).toBe(true);
    await expect.poll(() => seen.some((entry) => entry.kind === 'event')).toBe(true);
    expect(seen).toContainEqual({ kind: 'event', user: 'U0ALICE', tab: 'home' });
  });

  it('is refused by Bolt when signed with another secret, as Slack reports it', async () => {
    const before = seen.length;
    const ack = await link('some-other-secret').deliver(
      slashCommandBody({ person: alice, text: '', responseUrl: 'http://x/y', triggerId: '1.2' }),
      'application/x-www-form-urlencoded',
    );
    expect(ack).toEqual({ ok: false, error: 'dispatch_failed', status: 401 });
    expect(seen).toHaveLength(before);
  });

  it('reports operation_timeout when the app does not answer in time', async () => {
    const hung = createAppLink({
      eventsUrl,
      signingSecret: SIGNING_SECRET,
      clock: systemClock,
      ackTimeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    });
    const ack = await hung.deliver('x=1', 'application/x-www-form-urlencoded');
    expect(ack).toEqual({ ok: false, error: 'operation_timeout' });
  });
});
