import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createFiles } from '../../src/playground/files.js';
import { createHomeViews, HOME_VIEW_MAX_BLOCKS } from '../../src/playground/home-views.js';
import { createModals } from '../../src/playground/modals.js';
import { createPlaygroundPeople } from '../../src/playground/people.js';
import { createTimeline } from '../../src/playground/timeline.js';
import { createTriggers, TRIGGER_TTL_MS } from '../../src/playground/triggers.js';
import { createWebApi } from '../../src/playground/web-api.js';
import { newPlaygroundBotToken, PLAYGROUND_WORKSPACE } from '../../src/playground/workspace.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const setup = () => {
  const clock = createFakeClock();
  const timeline = createTimeline({ clock, onChange: () => {} });
  const homes = createHomeViews({ onChange: () => {} });
  const modals = createModals({ onChange: () => {} });
  const files = createFiles({ origin: () => 'http://127.0.0.1:3000' });
  const triggers = createTriggers(clock);
  const api = createWebApi({
    people: createPlaygroundPeople(),
    timeline,
    homes,
    modals,
    files,
    triggers,
    clock,
    logger: pino({ level: 'silent' }),
    origin: () => 'http://127.0.0.1:3000',
    botToken: BOT_TOKEN,
  });
  const call = (method: string, args: Record<string, string>, token: string = BOT_TOKEN) =>
    api.call({
      method,
      authorization: `Bearer ${token}`,
      contentType: 'application/x-www-form-urlencoded',
      rawBody: new URLSearchParams(args).toString(),
    });
  return { call, timeline, homes, modals, files, triggers, clock, api };
};

const view = (blocks: unknown[]) => JSON.stringify({ type: 'home', blocks });

const BOT_TOKEN = newPlaygroundBotToken();

describe('createWebApi', () => {
  it('checks the bot token as Slack does', () => {
    const { call, api } = setup();
    expect(call('auth.test', {}, 'xoxb-wrong')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(
      api.call({
        method: 'auth.test',
        authorization: undefined,
        contentType: undefined,
        rawBody: '',
      }),
    ).toEqual({ ok: false, error: 'not_authed' });
    expect(call('auth.test', {})).toMatchObject({
      ok: true,
      user_id: PLAYGROUND_WORKSPACE.botUserId,
    });
  });

  it('describes a demo person with the email and time zone the app maps to Zoom', () => {
    const { call } = setup();
    expect(call('users.info', { user: 'U0RENEE' })).toMatchObject({
      ok: true,
      user: {
        id: 'U0RENEE',
        tz: 'Europe/Dublin',
        tz_offset: 0,
        is_admin: false,
        profile: { email: 'renee@example.com', display_name: "Renée <R&D> O'Brien" },
      },
    });
    expect(call('users.info', { user: 'U0ALICE' })).toMatchObject({
      user: { is_admin: true, tz_offset: -18_000 },
    });
    expect(call('users.info', { user: 'U0NOBODY' })).toEqual({
      ok: false,
      error: 'user_not_found',
    });
  });

  it('publishes Home tabs, refusing a stale hash and a view over 100 blocks', () => {
    const { call, homes } = setup();
    const first = call('views.publish', { user_id: 'U0BOB', view: view([{ type: 'divider' }]) });
    expect(first).toMatchObject({
      ok: true,
      view: { type: 'home', root_view_id: expect.any(String) },
    });
    const hash = (first.view as { hash: string }).hash;
    expect(call('views.publish', { user_id: 'U0BOB', view: view([]), hash }).ok).toBe(true);
    expect(call('views.publish', { user_id: 'U0BOB', view: view([]), hash })).toEqual({
      ok: false,
      error: 'hash_conflict',
    });
    const tooMany = Array.from({ length: HOME_VIEW_MAX_BLOCKS + 1 }, () => ({ type: 'divider' }));
    expect(call('views.publish', { user_id: 'U0BOB', view: view(tooMany) })).toEqual({
      ok: false,
      error: 'invalid_arguments',
    });
    expect(homes.get('U0BOB')?.revision).toBe(2);
  });

  it('posts messages in the channel and to one person', () => {
    const { call, timeline } = setup();
    expect(
      call('chat.postMessage', { channel: PLAYGROUND_WORKSPACE.channel.id, text: 'all' }).ok,
    ).toBe(true);
    expect(call('chat.postMessage', { channel: 'U0BOB', text: 'dm' }).ok).toBe(true);
    expect(call('chat.postMessage', { channel: 'C0NOWHERE', text: 'x' })).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
    expect(timeline.list().map((m) => [m.text, m.visibleTo])).toEqual([
      ['all', undefined],
      ['dm', 'U0BOB'],
    ]);
  });

  it('opens a modal for the person whose live trigger_id it is, once, and updates it by id', () => {
    const { call, triggers, modals, clock } = setup();
    const modal = JSON.stringify({
      type: 'modal',
      title: { type: 'plain_text', text: 'Chat' },
      blocks: [],
    });
    const trigger = triggers.issue('U0ZOE');
    const opened = call('views.open', { trigger_id: trigger, view: modal });
    expect(opened).toMatchObject({ ok: true, view: { type: 'modal', title: { text: 'Chat' } } });
    expect(call('views.open', { trigger_id: trigger, view: modal })).toEqual({
      ok: false,
      error: 'invalid_trigger_id',
    });
    const late = triggers.issue('U0ZOE');
    clock.advance(TRIGGER_TTL_MS + 1);
    expect(call('views.open', { trigger_id: late, view: modal })).toEqual({
      ok: false,
      error: 'expired_trigger_id',
    });
    const id = (opened.view as { id: string }).id;
    const updated = JSON.stringify({
      type: 'modal',
      title: { type: 'plain_text', text: 'Chat 2' },
      blocks: [],
    });
    expect(call('views.update', { view_id: id, view: updated }).ok).toBe(true);
    expect(modals.stack('U0ZOE').map((view) => view.title.text)).toEqual(['Chat 2']);
    expect(call('views.update', { view_id: 'V0NONE', view: updated })).toEqual({
      ok: false,
      error: 'not_found',
    });
  });

  it('takes a file in three steps and shares it in the person’s direct messages', async () => {
    const { call, files, timeline } = setup();
    const reserved = call('files.getUploadURLExternal', { filename: 'sessions.csv', length: '3' });
    expect(reserved).toMatchObject({ ok: true, upload_url: expect.stringMatching(/\/upload\/F0/) });
    const fileId = String(reserved.file_id);
    expect(files.receive(fileId, Buffer.from('a,b'))).toBe(true);
    const done = call('files.completeUploadExternal', {
      files: JSON.stringify([{ id: fileId, title: 'SMS sessions' }]),
      channel_id: 'D0BOB',
      initial_comment: 'Your export',
    });
    expect(done).toEqual({ ok: true, files: [{ id: fileId, title: 'SMS sessions' }] });
    expect(timeline.list()).toMatchObject([
      {
        text: 'Your export',
        visibleTo: 'U0BOB',
        files: [{ id: fileId, name: 'sessions.csv', size: 3 }],
      },
    ]);
    expect(files.get(fileId)?.bytes.toString()).toBe('a,b');
  });

  it.each(['admin.users.list', 'constructor', 'toString'])(
    'answers unknown_method for %s',
    (method) => {
      const { call } = setup();
      expect(call(method, {})).toEqual({ ok: false, error: 'unknown_method' });
    },
  );
});
