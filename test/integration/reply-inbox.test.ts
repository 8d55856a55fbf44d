import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmsEvent } from '../../src/demo-zoom/index.js';
import { decodeInboxReplyValue, INBOX_ACTION_IDS } from '../../src/surface/ids.js';
import { findButtons, visibleText } from '../helpers/block-kit.js';
import type { RecordedMessage } from '../helpers/fake-slack.js';
import { postZoomEvent, WEBHOOK_SECRET } from './inbox-helpers.js';
import {
  ALICE,
  alice,
  aliceChat,
  clickReply,
  pat,
  type ReplyHarness,
  startReplyHarness,
  submitReply,
} from './reply-harness.js';

const nowZoom = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The whole loop of issue 13's "done when": a customer's text reaches the owner's DM thread, the
 * owner replies from Slack, Zoom's echo of that reply (`phone.sms_sent`, same message id) is
 * dropped, and the customer's next text lands in the same thread; and when Zoom then reports a
 * reply as failed (`phone.sms_sent_failed`, same message id), the thread says so.
 */
describe('a text, a reply from Slack, and the next text, in one thread', () => {
  let h: ReplyHarness;

  beforeAll(async () => {
    h = await startReplyHarness({
      ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
      NOTIFY_DEFAULT: 'on',
      INBOX_CHANNEL_POSTS_PER_SECOND: '20',
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const emit = async (
    kind: 'received' | 'sent' | 'failed',
    messageId: string,
    text: string,
    failureReason?: string,
  ) => {
    const event = buildSmsEvent({
      kind,
      owner: alice,
      contact: pat,
      sessionId: aliceChat.id,
      messageId,
      at: nowZoom(),
      text,
      ...(failureReason === undefined ? {} : { failureReason }),
    });
    const { status } = await postZoomEvent(h, JSON.stringify(event));
    expect(status).toBe(200);
  };

  const dmPosts = () => h.slack.messages.filter((m: RecordedMessage) => m.channel.startsWith('D'));

  it('replies in the thread the text started, once, and keeps the conversation there', async () => {
    await emit('received', 'customer-msg-1', 'Is my order ready?');
    await h.slack.waitFor(() => dmPosts().length === 1, 'the DM');
    const first = dmPosts()[0] as RecordedMessage;
    const button = findButtons({
      text: String(first.args.text),
      blocks: first.args.blocks as never,
    }).find((b) => b.actionId === INBOX_ACTION_IDS.reply);
    const target = decodeInboxReplyValue(h.unseal(button?.value ?? ''));
    expect(target).toEqual({ sessionId: aliceChat.id, channelId: first.channel });

    const modal = await clickReply(h, ALICE, target ?? { sessionId: '', channelId: '' });
    expect(JSON.stringify(modal.view)).toContain('Can I come at 5?');
    const ack = await submitReply(h, ALICE, modal, 'Yes, come by at 5');
    expect(ack.body?.response_action).toBe('update');
    await h.slack.waitFor(() => dmPosts().length === 2, 'the reply in the thread');
    const reply = dmPosts()[1] as RecordedMessage;
    expect(reply.args.thread_ts).toBe(first.ts);
    expect(JSON.stringify(reply.args.blocks)).toContain('Yes, come by at 5');

    const sent = h.zoom.sent.at(-1);
    expect(sent?.text).toBe('Yes, come by at 5');
    await emit('sent', sent?.messageId ?? '', 'Yes, come by at 5');
    await emit('received', 'customer-msg-2', 'Great, see you');
    await h.slack.waitFor(() => dmPosts().length === 3, 'the next text');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const posts = dmPosts();
    expect(posts).toHaveLength(3);
    expect(posts[2]?.args.thread_ts).toBe(first.ts);
    expect(JSON.stringify(posts[2]?.args.blocks)).toContain('Great, see you');
  });

  it('tells the thread when Zoom could not send a reply it had already shown as sent', async () => {
    const first = dmPosts()[0] as RecordedMessage;
    const target = { sessionId: aliceChat.id, channelId: first.channel };
    const before = dmPosts().length;
    const modal = await clickReply(h, ALICE, target);
    await submitReply(h, ALICE, modal, 'See you at 6 instead');
    await h.slack.waitFor(() => dmPosts().length === before + 1, 'the reply in the thread');
    const sent = h.zoom.sent.at(-1);
    expect(sent?.text).toBe('See you at 6 instead');
    await emit('sent', sent?.messageId ?? '', 'See you at 6 instead');
    await emit('failed', sent?.messageId ?? '', 'See you at 6 instead', 'Carrier <rejected> it');
    await h.slack.waitFor(() => dmPosts().length === before + 2, 'the failure in the thread');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dmPosts()).toHaveLength(before + 2);
    const warning = dmPosts().at(-1) as RecordedMessage;
    expect(warning.args.thread_ts).toBe(first.ts);
    const text = visibleText({ blocks: warning.args.blocks as never[] });
    expect(text).toContain('Not delivered');
    expect(text).toContain('See you at 6 instead');
    expect(text).toContain("Zoom's reason: Carrier <rejected> it");
    expect(JSON.stringify(warning.args.blocks)).toContain('Carrier &lt;rejected&gt; it');
  });
});
