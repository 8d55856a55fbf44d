import type { SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { ConversationModel } from '../../src/core/conversation.js';
import {
  decodeConversationCursor,
  newerCursor,
  olderCursor,
  openingCursor,
} from '../../src/query/conversation-cursor.js';
import {
  MESSAGES_PER_VIEW_MAX,
  renderConversation,
  renderConversationLoading,
} from '../../src/render/conversation-view.js';
import type { RenderContext } from '../../src/render/types.js';
import { CONVERSATION_CALLBACK_ID, SESSION_ACTION_IDS } from '../../src/surface/ids.js';
import type { ZoomSmsHistory } from '../../src/zoom/schemas.js';
import { messageFromZoom } from '../../src/zoom/to-domain.js';
import { expectValidModal, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/New_York' };

const snapshot = (name: string, view: unknown) =>
  expect(JSON.stringify(view, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

const alex = {
  display_name: 'Alex Rivera',
  phone_number: '14155550100',
  owner: { id: 'zoom-alex', type: 'user' },
};
const dana = { display_name: 'Dana <Whitfield> & Co', phone_number: '18108001001' };

const zoomMessages: ZoomSmsHistory[] = [
  {
    message_id: 'm4',
    date_time: '2026-11-26T11:00:00Z',
    direction: 'Out',
    message: 'See you *tomorrow* <!channel> & bring <@U123>',
    delivery_status: 'failed_to_deliver',
    sender: alex,
    to_members: [dana],
  },
  {
    message_id: 'm3',
    date_time: '2026-11-26T10:00:00Z',
    direction: 'In',
    message: '',
    delivery_status: 'received',
    sender: dana,
    to_members: [alex],
    attachments: [
      { id: 'a1', name: 'IMG <1>.jpg', type: 'JPG', size: 225_740 },
      { id: 'a2', name: 'voice.m4a', type: 'AUDIO', size: 3_400_000 },
    ],
  },
  {
    message_id: 'm2',
    date_time: '2026-11-25T09:00:00Z',
    direction: 'Out',
    message: 'Hello!',
    delivery_status: 'sent',
    sender: alex,
    to_members: [dana],
  },
  { message_id: 'm1', message: 'A message Zoom sent with nothing else' },
];

const messages = zoomMessages.map((m) => messageFromZoom(m));

const subject = { slackUserId: 'U0ALEX001', zoomUser: 'alex@example.com', isSelf: true } as const;
const first = openingCursor(
  '35ccd84704253f5f793d0a721c7fe655',
  { kind: 'slack-user', slackUserId: 'U0ALEX001' },
  '2026-11-26T11:00:00Z',
  ctx.now,
);

const model = (overrides: Partial<ConversationModel> = {}): ConversationModel => ({
  subject,
  cursor: first,
  messages,
  nextPageToken: 'older-1',
  ...overrides,
});

describe('renderConversationLoading', () => {
  it('is a valid modal that says it is loading', () => {
    const view = renderConversationLoading();
    expectValidModal(view);
    expect(view.callback_id).toBe(CONVERSATION_CALLBACK_ID);
    expect(visibleText(view)).toMatch(/loading/i);
  });
});

describe('renderConversation', () => {
  it('shows each message oldest to newest: sender, time, status, text, files, under the contact’s name', async () => {
    const view = renderConversation(model(), ctx);
    expectValidModal(view);
    await snapshot('conversation-first', view);
    const text = visibleText(view);
    expect(text).toContain('With: Dana <Whitfield> & Co (+1 810 800 1001)');
    expect(text.indexOf('Hello!')).toBeLessThan(text.indexOf('See you'));
    expect(text).toContain('Alex Rivera · Nov 26, 2026 at 6:00 AM · :warning: Not delivered');
    expect(text).toMatch(/Whitfield> & Co · Nov 26, 2026 at 5:00 AM\n/);
    expect(text).toContain('IMG <1>.jpg (JPG, 226 KB), voice.m4a (AUDIO, 3.4 MB)');
    expect(text).toContain('Alex Rivera · Nov 25, 2026 at 4:00 AM · Sent\n');
    expect(text).toContain('Unknown sender · unknown time');
    expect(text).toContain('Person: @U0ALEX001');
    expect(text).toContain('Page 1 (newest)');
    for (const jargon of ['Incoming', 'Outgoing', 'Received', 'not confirmed', 'Zoom answers']) {
      expect(text).not.toContain(jargon);
    }
    const headings = text.split('\n').filter((line) => / · Nov 2\d/.test(line));
    expect(headings).toHaveLength(3);
    for (const heading of headings) expect(heading).not.toMatch(/\+1 \d{3}/);
    expect(view.title).toEqual({ type: 'plain_text', text: 'Dana <Whitfield> & Co' });
  });

  it('puts message text in plain text, so mentions and formatting stay inert', () => {
    const view = renderConversation(model(), ctx);
    const raw = JSON.stringify(view.blocks);
    expect(raw).toContain(
      '{"type":"section","text":{"type":"plain_text","text":"See you *tomorrow* <!channel> & bring <@U123>","emoji":false}}',
    );
    expect(raw).not.toMatch(/"mrkdwn","text":"[^"]*<!channel>/);
    expect(raw).toContain('Dana &lt;Whitfield&gt; &amp; Co');
  });

  it('offers Older on the newest page, and Older and Newer further back', () => {
    const newest = findButtons(renderConversation(model(), ctx));
    expect(newest.map((b) => [b.text, b.actionId])).toEqual([
      ['← Older', SESSION_ACTION_IDS.conversationOlder],
    ]);
    expect(decodeConversationCursor(newest[0]?.value ?? '')).toEqual(olderCursor(first, 'older-1'));

    const second = olderCursor(first, 'older-1');
    const third = olderCursor(second, 'older-2');
    const middle = findButtons(
      renderConversation(model({ cursor: third, nextPageToken: '' }), ctx),
    );
    expect(middle.map((b) => b.actionId)).toEqual([SESSION_ACTION_IDS.conversationNewer]);
    expect(decodeConversationCursor(middle[0]?.value ?? '')).toEqual(newerCursor(third));
  });

  it('offers the newest page when the trail no longer reaches back', () => {
    const lost = { ...first, token: 'older-7', trail: [], page: 8 };
    const buttons = findButtons(
      renderConversation(model({ cursor: lost, nextPageToken: '' }), ctx),
    );
    expect(buttons.map((b) => [b.text, b.actionId])).toEqual([
      ['Newest', SESSION_ACTION_IDS.conversationNewest],
    ]);
  });

  it('says so when the window has no messages', async () => {
    const view = renderConversation(model({ messages: [], nextPageToken: '' }), ctx);
    expectValidModal(view);
    await snapshot('conversation-empty', view);
    expect(visibleText(view)).toMatch(/No messages in this conversation/);
    expect(findButtons(view)).toEqual([]);
  });

  it('stays inside a modal’s limits for a page of 100 long messages with 10 files each', () => {
    const worst: ZoomSmsHistory[] = Array.from({ length: 100 }, (_, i) => ({
      message_id: `m${i}`,
      date_time: '2026-11-26T11:00:00Z',
      direction: 'In',
      message: `<&> ${'x'.repeat(5000)}`,
      delivery_status: 'x'.repeat(300),
      sender: { display_name: '&'.repeat(500), phone_number: '1'.repeat(40) },
      to_members: Array.from({ length: 10 }, (_, p) => ({
        display_name: `${p}${'<b>'.repeat(200)}`,
        phone_number: `1415555${1000 + p}`,
      })),
      attachments: Array.from({ length: 10 }, (_, a) => ({
        name: `${a}${'&'.repeat(400)}`,
        type: 'y'.repeat(100),
        size: 10 ** a,
      })),
    }));
    const view = renderConversation(model({ messages: worst.map((m) => messageFromZoom(m)) }), ctx);
    expectValidModal(view);
    expect(visibleText(view).match(/^x{10}/gm) ?? []).toHaveLength(0);
    expect(
      view.blocks.filter(
        (b) => b.type === 'section' && (b as SectionBlock).text?.type === 'plain_text',
      ),
    ).toHaveLength(MESSAGES_PER_VIEW_MAX);
  });
});
