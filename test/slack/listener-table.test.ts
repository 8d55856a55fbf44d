import { App, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createListeners } from '../../src/slack/listener-table.js';

/** A Bolt app that never listens: events are handed to `processEvent` directly. */
const quietApp = () => {
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  return new App({
    token: 'xoxb-test',
    receiver,
    tokenVerificationEnabled: false,
    botId: 'B0TEST',
    botUserId: 'U0BOT',
  });
};

const click = (actionId: string) => ({
  type: 'block_actions',
  user: { id: 'U1' },
  team: { id: 'T1' },
  api_app_id: 'A1',
  trigger_id: 't',
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', action_ts: '1' }],
});

const submit = (callbackId: string) => ({
  type: 'view_submission',
  user: { id: 'U1' },
  team: { id: 'T1' },
  api_app_id: 'A1',
  view: { id: 'V1', callback_id: callbackId, state: { values: {} }, private_metadata: '' },
});

/** Hands `body` to Bolt as a receiver would; resolves with whether it was acknowledged. */
const deliver = async (app: App, body: object): Promise<boolean> => {
  let acked = false;
  await app.processEvent({
    body,
    ack: async () => {
      acked = true;
    },
  });
  return acked;
};

const boltListenerCount = (app: App): number =>
  (app as unknown as { listeners: unknown[] }).listeners.length;

describe('createListeners', () => {
  it('gives Bolt one listener for all block actions and one for all view submissions', () => {
    const app = quietApp();
    const listeners = createListeners(app);
    for (let i = 0; i < 30; i++) listeners.action(`a.${i}`, async ({ ack }) => ack());
    listeners.action(/^p\.\d+$/, async ({ ack }) => ack());
    listeners.view('v.1', async ({ ack }) => ack());
    listeners.view('v.2', async ({ ack }) => ack());
    expect(boltListenerCount(app)).toBe(2);
  });

  it('runs the listener of the exact action_id, else the first pattern that matches, with Bolt’s arguments', async () => {
    const app = quietApp();
    const listeners = createListeners(app);
    const ran: string[] = [];
    listeners.action('open.7', async ({ ack, action, body }) => {
      await ack();
      ran.push(`exact ${'action_id' in action ? action.action_id : ''} by ${body.user.id}`);
    });
    listeners.action(/^open\.\d+$/, async ({ ack }) => {
      await ack();
      ran.push('pattern');
    });
    listeners.action(/^open\./, async ({ ack }) => {
      await ack();
      ran.push('later pattern');
    });
    expect(await deliver(app, click('open.7'))).toBe(true);
    expect(await deliver(app, click('open.8'))).toBe(true);
    expect(ran).toEqual(['exact open.7 by U1', 'pattern']);
  });

  it('leaves an action or a view no listener wants unacknowledged, as Bolt does', async () => {
    const app = quietApp();
    const listeners = createListeners(app);
    listeners.action('known', async ({ ack }) => ack());
    listeners.view('known', async ({ ack }) => ack());
    expect(await deliver(app, click('unknown'))).toBe(false);
    expect(await deliver(app, submit('unknown'))).toBe(false);
    expect(await deliver(app, submit('known'))).toBe(true);
  });

  it('refuses a second listener for the same id at start-up', () => {
    const listeners = createListeners(quietApp());
    listeners.action('twice', async ({ ack }) => ack());
    expect(() => listeners.action('twice', async ({ ack }) => ack())).toThrow(
      'action_id twice has two listeners',
    );
    listeners.view('twice', async ({ ack }) => ack());
    expect(() => listeners.view('twice', async ({ ack }) => ack())).toThrow(
      'callback_id twice has two listeners',
    );
  });

  it("gives every listener the respond() it is told to, built from the request's response_url", async () => {
    const app = quietApp();
    const urls: string[] = [];
    const listeners = createListeners(app, {
      respond: (url) => async () => {
        urls.push(url);
        return new Response('ok');
      },
    });
    listeners.command('/sms-sessions', async ({ ack, respond }) => {
      await ack();
      await respond('from the command');
    });
    listeners.action('next', async ({ ack, respond }) => {
      await ack();
      await respond('from the click');
    });
    const command = {
      command: '/sms-sessions',
      text: '',
      user_id: 'U1',
      team_id: 'T1',
      channel_id: 'C1',
      api_app_id: 'A1',
      trigger_id: 't',
      response_url: 'https://hooks.slack.test/commands/1',
    };
    expect(await deliver(app, command)).toBe(true);
    expect(
      await deliver(app, { ...click('next'), response_url: 'https://hooks.slack.test/actions/2' }),
    ).toBe(true);
    expect(urls).toEqual([
      'https://hooks.slack.test/commands/1',
      'https://hooks.slack.test/actions/2',
    ]);
  });
});
