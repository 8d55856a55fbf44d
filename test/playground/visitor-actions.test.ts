import { describe, expect, it } from 'vitest';
import type { AppAck, AppLink } from '../../src/playground/app-link.js';
import { createHomeViews } from '../../src/playground/home-views.js';
import { createModals } from '../../src/playground/modals.js';
import { createPlaygroundPeople } from '../../src/playground/people.js';
import { createResponseUrls } from '../../src/playground/response-urls.js';
import { createTimeline } from '../../src/playground/timeline.js';
import { createTriggers } from '../../src/playground/triggers.js';
import { createVisitorActions } from '../../src/playground/visitor-actions.js';
import { createVisitors } from '../../src/playground/visitors.js';
import { createFakeClock } from '../helpers/fake-clock.js';

interface Delivered {
  readonly contentType: string;
  readonly body: string;
}

const setup = (ack: AppAck = { ok: true, status: 200, body: '' }) => {
  const clock = createFakeClock();
  const timeline = createTimeline({ clock, onChange: () => {} });
  const homes = createHomeViews({ onChange: () => {} });
  const modals = createModals({ onChange: () => {} });
  const triggers = createTriggers(clock);
  const responseUrls = createResponseUrls({ clock, timeline, origin: () => 'http://127.0.0.1:1' });
  const delivered: Delivered[] = [];
  const link: AppLink = {
    deliver: async (body, contentType) => {
      delivered.push({ body, contentType });
      return ack;
    },
  };
  const visitor = createVisitorActions({
    people: createPlaygroundPeople(),
    timeline,
    homes,
    modals,
    responseUrls,
    triggers,
    clock,
    appLink: () => link,
  });
  const payloadOf = (index: number) =>
    JSON.parse(new URLSearchParams(delivered[index]?.body).get('payload') ?? '{}');
  return { visitor, timeline, homes, modals, triggers, delivered, payloadOf };
};

describe('createVisitorActions', () => {
  it('runs /sms-sessions as Slack does: escaped text, mentions, a response_url, no echo', async () => {
    const { visitor, delivered, timeline } = setup();
    expect(await visitor.runCommand('U0ALICE', '/sms-sessions @bob phone:"<1>"')).toEqual({
      ok: true,
    });
    const form = new URLSearchParams(delivered[0]?.body);
    expect(delivered[0]?.contentType).toBe('application/x-www-form-urlencoded');
    expect(form.get('text')).toBe('<@U0BOB|bob> phone:"&lt;1&gt;"');
    expect(form.get('response_url')).toMatch(/^http:\/\/127\.0\.0\.1:1\/response\//);
    expect(timeline.list()).toEqual([]);
  });

  it('refuses another command without bothering the app', async () => {
    const { visitor, delivered } = setup();
    const result = await visitor.runCommand('U0ALICE', '/giphy cats');
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('/giphy') });
    expect(delivered).toEqual([]);
  });

  it('says what Slack says when the app does not acknowledge', async () => {
    const { visitor, timeline } = setup({ ok: false, error: 'operation_timeout' });
    await visitor.runCommand('U0BOB', '/sms-sessions');
    expect(timeline.list().at(-1)).toMatchObject({
      author: { kind: 'slackbot' },
      visibleTo: 'U0BOB',
      text: '/sms-sessions failed with the error "operation_timeout"',
    });
  });

  it('shows an acknowledgement that carries a message as an immediate answer', async () => {
    const { visitor, timeline } = setup({
      ok: true,
      status: 200,
      body: '{"text":"Working on it"}',
    });
    await visitor.runCommand('U0BOB', '/sms-sessions');
    expect(timeline.list().at(-1)).toMatchObject({
      author: { kind: 'app' },
      text: 'Working on it',
    });
  });

  it('refuses to send a click behind a confirmation dialog until the visitor confirms it', async () => {
    const { visitor, timeline, delivered, payloadOf } = setup();
    const message = timeline.post({
      text: 'page',
      blocks: [
        {
          type: 'actions',
          block_id: 'list_actions',
          elements: [
            {
              type: 'button',
              action_id: 'sms_sessions.share',
              value: 'cursor',
              confirm: {
                title: { type: 'plain_text', text: 'Share this page?' },
                text: { type: 'plain_text', text: 'Everyone in the channel will see it.' },
                confirm: { type: 'plain_text', text: 'Share' },
                deny: { type: 'plain_text', text: 'Cancel' },
              },
            },
          ],
        },
      ],
      author: { kind: 'app' },
      visibleTo: 'U0ALICE',
    });
    const surface = { kind: 'message', ts: message.ts } as const;
    const click = { blockId: 'list_actions', actionId: 'sms_sessions.share' };
    expect(await visitor.interact('U0ALICE', surface, click)).toEqual({
      ok: false,
      error: 'confirmation_required',
    });
    expect(await visitor.interact('U0ALICE', surface, { ...click, confirmed: false })).toEqual({
      ok: false,
      error: 'confirmation_required',
    });
    expect(delivered).toEqual([]);
    expect(await visitor.interact('U0ALICE', surface, { ...click, confirmed: true })).toEqual({
      ok: true,
    });
    expect(payloadOf(0).actions[0]).toMatchObject({
      action_id: 'sms_sessions.share',
      value: 'cursor',
    });
  });

  it('lets nobody click on someone else’s ephemeral message', async () => {
    const { visitor, timeline, delivered } = setup();
    const message = timeline.post({
      text: 'x',
      blocks: [{ type: 'actions', block_id: 'a', elements: [{ type: 'button', action_id: 'b' }] }],
      author: { kind: 'app' },
      visibleTo: 'U0ALICE',
    });
    const surface = { kind: 'message', ts: message.ts } as const;
    expect(await visitor.interact('U0BOB', surface, { blockId: 'a', actionId: 'b' })).toEqual({
      ok: false,
      error: 'message_not_found',
    });
    expect(await visitor.interact('U0ALICE', surface, { blockId: 'a', actionId: 'b' })).toEqual({
      ok: true,
    });
    expect(delivered).toHaveLength(1);
  });

  it('sends clicks in a modal with the modal as the container, and view_closed when asked', async () => {
    const { visitor, modals, triggers, payloadOf, delivered } = setup();
    const opened = modals.open('U0ZOE', {
      type: 'modal',
      title: { type: 'plain_text', text: 'Chat' },
      notify_on_close: true,
      blocks: [
        { type: 'actions', block_id: 'a', elements: [{ type: 'button', action_id: 'next' }] },
      ],
    });
    if (!opened.ok) throw new Error(opened.error);
    const surface = { kind: 'modal', viewId: opened.view.id } as const;
    await visitor.interact('U0ZOE', surface, { blockId: 'a', actionId: 'next' });
    const click = payloadOf(0);
    expect(click).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: opened.view.id },
      view: { type: 'modal', id: opened.view.id },
    });
    expect(triggers.redeem(click.trigger_id)).toEqual({ ok: true, userId: 'U0ZOE' });
    expect(await visitor.closeModal('U0ZOE', opened.view.id)).toEqual({ ok: true });
    expect(payloadOf(1)).toMatchObject({ type: 'view_closed', view: { id: opened.view.id } });
    expect(modals.stack('U0ZOE')).toEqual([]);
    expect(delivered).toHaveLength(2);
  });

  it('opens the Home tab with a JSON app_home_opened event carrying the current view', async () => {
    const { visitor, homes, delivered } = setup();
    homes.publish('U0KAI', { type: 'home', blocks: [] });
    await visitor.openHome('U0KAI');
    expect(delivered[0]?.contentType).toBe('application/json');
    expect(JSON.parse(delivered[0]?.body ?? '{}')).toMatchObject({
      type: 'event_callback',
      event: { type: 'app_home_opened', user: 'U0KAI', tab: 'home', view: { type: 'home' } },
    });
  });
});

describe('createVisitorActions with several browser tabs', () => {
  it('shows a private answer only in the tab that asked, and a channel message in every tab', async () => {
    const clock = createFakeClock();
    const timeline = createTimeline({ clock, onChange: () => {} });
    const visitors = createVisitors();
    const responseUrls = createResponseUrls({
      clock,
      timeline,
      origin: () => 'http://127.0.0.1:1',
    });
    const urls: string[] = [];
    const visitor = createVisitorActions({
      people: createPlaygroundPeople(),
      timeline,
      homes: createHomeViews({ onChange: () => {} }),
      modals: createModals({ onChange: () => {} }),
      responseUrls,
      triggers: createTriggers(clock),
      visitors,
      clock,
      appLink: () => ({
        deliver: async (body) => {
          urls.push(new URLSearchParams(body).get('response_url') ?? '');
          return { ok: true, status: 200, body: '' };
        },
      }),
    });
    const tabA = 'aaaaaaaa-0000-4000-8000-000000000001';
    const tabB = 'bbbbbbbb-0000-4000-8000-000000000002';
    await visitor.runCommand('U0ALICE', '/sms-sessions', tabA);
    await visitor.runCommand('U0ALICE', '/sms-sessions help', tabB);
    const idOf = (url: string | undefined) => url?.split('/').at(-1) ?? '';
    responseUrls.accept(idOf(urls[0]), JSON.stringify({ text: 'page 1' }));
    responseUrls.accept(idOf(urls[1]), JSON.stringify({ text: 'help' }));
    responseUrls.accept(
      idOf(urls[1]),
      JSON.stringify({ text: 'shared', response_type: 'in_channel' }),
    );
    expect(timeline.list().map((m) => [m.text, m.visitor])).toEqual([
      ['page 1', tabA],
      ['help', tabB],
      ['shared', undefined],
    ]);
    expect(visitors.of('U0ALICE')).toBe(tabB);
  });
});
