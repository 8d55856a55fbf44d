import { describe, expect, it } from 'vitest';
import { type InboxMessageModel, renderInboxMessage } from '../../src/render/inbox-message.js';
import { decodeInboxReplyValue, INBOX_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx = { now: new Date('2026-12-06T12:00:00Z'), timeZone: 'Europe/Paris' };

const model = (overrides: Partial<InboxMessageModel> = {}): InboxMessageModel => ({
  kind: 'received',
  position: 'first',
  sessionId: 'e5e9b8417c1f2da2cd3006f3d9d4641a',
  channelId: 'D0ALICE01',
  contact: { name: 'Zed <& Co> <!channel>', phoneNumber: '+14155550100', isOwner: false },
  text: 'Call me at <https://evil.example|bank> *now* <@U123> <!here>',
  textKnown: true,
  sentAt: '2026-12-06T11:58:00Z',
  status: 'received',
  attachments: [],
  maskNumbers: false,
  openValue: '{"v":1}',
  ...overrides,
});

describe('renderInboxMessage', () => {
  it('starts a thread with who, their number, the text verbatim, the time, Open and Reply', () => {
    const message = renderInboxMessage(model(), ctx);
    expectValidMessage(message);
    const text = visibleText(message);
    expect(text).toContain('New text from Zed <& Co> <!channel> (+1 415 555 0100)');
    expect(text).toContain('Call me at <https://evil.example|bank> *now* <@U123> <!here>');
    expect(JSON.stringify(message.blocks)).toContain('"type":"plain_text","text":"Call me at');
    expect(JSON.stringify(message.blocks)).toContain('<!date^1796558280^');
    expect(message.text).not.toMatch(/<[@!]/);
    const buttons = findButtons(message);
    expect(buttons.map((b) => b.text)).toStrictEqual(['Open', 'Reply']);
    expect(decodeInboxReplyValue(buttons[1]?.value ?? '')).toStrictEqual({
      sessionId: 'e5e9b8417c1f2da2cd3006f3d9d4641a',
      channelId: 'D0ALICE01',
    });
    expect(buttons[1]?.actionId).toBe(INBOX_ACTION_IDS.reply);
  });

  it('hides the text when told to, and masks numbers for a channel', () => {
    const { text: _text, ...withoutText } = model();
    const message = renderInboxMessage(
      { ...withoutText, maskNumbers: true, lineName: 'Support' },
      ctx,
    );
    expectValidMessage(message);
    expect(visibleText(message)).not.toContain('Call me');
    expect(message.text).toBe('New text from +1 415 •••• 0100');
    expect(visibleText(message)).toContain('to Support');
    expect(visibleText(message)).not.toContain('555');
  });

  it('describes attachments with Open in Zoom, and never shows a text it no longer holds', () => {
    const message = renderInboxMessage(
      model({
        position: 'thread',
        textKnown: false,
        attachments: [
          {
            id: 'f1',
            name: 'IMG_1.jpg',
            sizeBytes: 225_740,
            kind: 'image',
            rawType: 'jpg',
            openUrl: 'https://zoom.us/f1',
          },
        ],
      }),
      ctx,
    );
    expectValidMessage(message);
    expect(visibleText(message)).toContain('IMG_1.jpg (image, 226 KB)');
    expect(visibleText(message)).toContain('Open the conversation to read this text.');
    expect(findButtons(message).map((b) => b.text)).toStrictEqual(['Open in Zoom']);
  });

  it('shows a sent text in the thread with who sent it, and a failed one as not sent', () => {
    const message = renderInboxMessage(
      model({
        kind: 'sent',
        position: 'thread',
        author: { name: 'Alice', isOwner: true },
        status: 'failed',
      }),
      ctx,
    );
    expectValidMessage(message);
    expect(visibleText(message)).toContain('Alice → Zed');
    expect(visibleText(message)).toContain('not sent');
  });
});
