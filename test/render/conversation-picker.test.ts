import type { ActionsBlock, StaticSelect } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { SmsSession } from '../../src/domain/sms.js';
import {
  decodeConversationCursor,
  OPTION_VALUE_MAX_CHARS,
  openingCursor,
} from '../../src/query/conversation-cursor.js';
import type { PageCursor } from '../../src/query/cursor.js';
import {
  OPTION_TEXT_MAX_CHARS,
  renderConversationPicker,
} from '../../src/render/conversation-picker.js';
import type { RenderContext, SessionsPageModel } from '../../src/render/types.js';
import { SESSION_ACTION_IDS } from '../../src/surface/ids.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';
import { expectValidModal } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'Europe/Paris' };
const subject = { kind: 'slack-user', slackUserId: 'U0ALEX001' } as const;

const cursor: PageCursor = {
  subject,
  query: {
    sessionType: 'all',
    filterType: 'last_message_time',
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    pageSize: 100,
  },
  token: '',
  trail: [],
  page: 1,
};

const session = (i: number): SmsSession =>
  sessionFromZoom({
    session_id: `session${i}`,
    session_type: 'user',
    last_access_time: '2026-11-26T08:30:00Z',
    participants: [
      { display_name: 'Me', phone_number: '14155550100', is_session_owner: true },
      { display_name: `${i} <Dana> & ${'Whitfield '.repeat(20)}`, is_session_owner: false },
      { phone_number: '18108001001', is_session_owner: false },
    ],
  });

const model = (sessions: SmsSession[]): SessionsPageModel => ({
  subject: { slackUserId: 'U0ALEX001', zoomUser: 'alex@example.com', isSelf: true },
  cursor,
  page: { sessions, nextPageToken: '' },
  notes: [],
});

const select = (view: ReturnType<typeof renderConversationPicker>): StaticSelect => {
  const block = view.blocks.find((b): b is ActionsBlock => b.type === 'actions');
  const element = block?.elements[0];
  if (element?.type !== 'static_select') throw new Error('no select');
  return element;
};

describe('renderConversationPicker', () => {
  it('lists every session of the page with a value that opens it', async () => {
    const view = renderConversationPicker(model([session(1), session(2)]), ctx);
    expectValidModal(view);
    await expect(JSON.stringify(view, null, 2)).toMatchFileSnapshot(
      './__snapshots__/conversation-picker.json',
    );
    const picker = select(view);
    expect(picker.action_id).toBe(SESSION_ACTION_IDS.openPicked);
    expect(picker.options?.map((o) => o.text.text)).toEqual([
      expect.stringMatching(/^1 <Dana> & Whitfield .*… · Nov 26 9:30 AM$/),
      expect.stringMatching(/^2 <Dana> & Whitfield .*… · Nov 26 9:30 AM$/),
    ]);
    expect(decodeConversationCursor(picker.options?.[1]?.value ?? '')).toEqual(
      openingCursor('session2', subject, '2026-11-26T08:30:00Z', ctx.now),
    );
  });

  it('fits 100 sessions into one select, options within Slack’s lengths', () => {
    const view = renderConversationPicker(
      model(Array.from({ length: 100 }, (_, i) => session(i))),
      ctx,
    );
    expectValidModal(view);
    const options = select(view).options ?? [];
    expect(options).toHaveLength(100);
    for (const option of options) {
      expect(option.text.text.length).toBeLessThanOrEqual(OPTION_TEXT_MAX_CHARS);
      expect(option.value?.length).toBeLessThanOrEqual(OPTION_VALUE_MAX_CHARS);
    }
  });

  it('leaves out sessions without an id, and says so when none is left', () => {
    const view = renderConversationPicker(model([sessionFromZoom({ session_type: 'user' })]), ctx);
    expectValidModal(view);
    expect(view.blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});
