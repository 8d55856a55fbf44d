import { describe, expect, it } from 'vitest';
import type { InboxMessageModel } from '../../src/render/inbox-message.js';
import {
  INBOX_FAILURE_REASON_MAX_CHARS,
  renderInboxSendFailed,
} from '../../src/render/inbox-send-failed.js';
import { decodeInboxReplyValue, INBOX_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx = { now: new Date('2026-12-06T12:00:00Z'), timeZone: 'Europe/Paris' };

const model = (overrides: Partial<InboxMessageModel> = {}): InboxMessageModel => ({
  kind: 'failed',
  position: 'thread',
  sessionId: 'e5e9b8417c1f2da2cd3006f3d9d4641a',
  channelId: 'D0ALICE01',
  contact: { name: 'Dana Whitfield', phoneNumber: '+18108001001', isOwner: false },
  author: { name: 'Alice Martin', phoneNumber: '+14155550101', isOwner: true },
  text: 'Your order is ready',
  textKnown: true,
  sentAt: '2026-12-06T11:58:00Z',
  status: 'failed',
  attachments: [],
  maskNumbers: false,
  openValue: '{"v":1}',
  failureReason: '1101-phone message error send',
  ...overrides,
});

/** Every `mrkdwn` text object of a message, as Slack would read it (before any decoding). */
const mrkdwnTexts = (message: { blocks: readonly unknown[] }): string[] =>
  JSON.stringify(message.blocks)
    .match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"/g)
    ?.map((match) => JSON.parse(`{${match}}`).text as string) ?? [];

describe('renderInboxSendFailed', () => {
  it('says the text to the contact was not delivered, Zoom’s reason, and what to do next', async () => {
    const message = renderInboxSendFailed(model(), ctx);
    expectValidMessage(message);
    await expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(
      './__snapshots__/inbox-send-failed.json',
    );
    const text = visibleText(message);
    expect(text).toContain(
      'Not delivered: the text Alice Martin sent to Dana Whitfield (+1 810 800 1001)',
    );
    expect(text).toContain('Your order is ready');
    expect(text).toContain("Zoom's reason: 1101-phone message error send");
    expect(text).toContain('Check the number, then send the text again with Reply');
    expect(message.text).toBe(
      'Text to +1 810 800 1001 not delivered: 1101-phone message error send',
    );
    expect(findButtons(message)).toStrictEqual([]);
  });

  it('starts the thread with Open and Reply when the conversation has none here yet', () => {
    const message = renderInboxSendFailed(model({ position: 'first' }), ctx);
    expectValidMessage(message);
    const buttons = findButtons(message);
    expect(buttons.map((b) => b.text)).toStrictEqual(['Open', 'Reply']);
    expect(buttons[1]?.actionId).toBe(INBOX_ACTION_IDS.reply);
    expect(decodeInboxReplyValue(buttons[1]?.value ?? '')).toStrictEqual({
      sessionId: 'e5e9b8417c1f2da2cd3006f3d9d4641a',
      channelId: 'D0ALICE01',
    });
    expect(visibleText(message)).not.toContain('top of this thread');
  });

  it('shows a hostile reason literally: no mention, link, broadcast or formatting, and cut short', () => {
    const hostile = `<!channel> <@U0BOSS> <https://evil.example|click> *bold* _it_ \`code\` & ${'x'.repeat(500)}`;
    const message = renderInboxSendFailed(model({ failureReason: hostile }), ctx);
    expectValidMessage(message);
    const reasonLine = mrkdwnTexts(message).find((text) => text.includes("Zoom's reason"));
    expect(reasonLine).toBeDefined();
    expect(reasonLine).not.toMatch(/<(?!!date\^)[@!#]|<https?:/);
    expect(reasonLine).toContain('&lt;!channel&gt; &lt;@U0BOSS&gt;');
    expect(reasonLine).toContain('&amp;');
    expect(reasonLine).not.toMatch(/(^|\s)\*bold\*|(^|\s)_it_|`/);
    expect(reasonLine).toContain('…');
    const reason = reasonLine?.slice(reasonLine.indexOf("Zoom's reason: ") + 15) ?? '';
    expect(reason.length).toBeLessThanOrEqual(INBOX_FAILURE_REASON_MAX_CHARS);
    expect(JSON.stringify(message.blocks)).toContain('"verbatim":true');
    expect(message.text).not.toMatch(/<[@!#]|<https?:/);
  });

  it('masks numbers in a channel, names the line, and says nothing of a reason Zoom did not give', () => {
    const { author: _author, failureReason: _reason, text: _text, ...rest } = model();
    const message = renderInboxSendFailed(
      { ...rest, maskNumbers: true, lineName: 'Support <Desk>' },
      ctx,
    );
    expectValidMessage(message);
    const text = visibleText(message);
    expect(text).toContain('the text Support <Desk> sent to Dana Whitfield (+1 810 •••• 1001)');
    expect(text).not.toContain('800 1001');
    expect(text).not.toContain("Zoom's reason");
    expect(text).not.toContain('Your order is ready');
    expect(message.text).toBe('Text to +1 810 •••• 1001 not delivered');
  });
});
