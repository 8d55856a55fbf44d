import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { ReplyConversation } from '../../src/core/reply/reply-core.js';
import type { SmsMessage } from '../../src/domain/sms.js';
import { AppError } from '../../src/errors.js';
import { renderReplyFailedMessage, renderSentReply } from '../../src/render/reply-message.js';
import {
  renderReplyForm,
  renderReplyLoading,
  renderReplyRefused,
  renderReplySending,
  renderReplySent,
  replyTextProblem,
} from '../../src/render/reply-modal.js';
import { REPLY_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, expectValidModal, visibleText } from '../helpers/block-kit.js';

const ctx = { now: new Date('2026-12-06T12:00:00Z'), timeZone: 'Europe/Paris' };
const target = { sessionId: 'd39fc7e14ef9f2b6453f5f02524d79a2', channelId: 'D0ALICE01' };
const message = (i: number, text: string): SmsMessage => ({
  id: `m${i}`,
  sessionId: target.sessionId,
  sentAt: `2026-12-06T11:0${i}:00Z`,
  direction: i % 2 === 0 ? 'in' : 'out',
  text,
  status: 'received',
  isGroup: false,
  sender: { name: 'Dana <W> & Co', phoneNumber: '+12025550143', isOwner: false },
  recipients: [],
  attachments: [],
});
const conversation: ReplyConversation = {
  target,
  messages: [message(0, 'Is *order* <42> ready?'), message(1, 'x'.repeat(2_000))],
};

const blockIds = (view: ModalView) => view.blocks.map((block) => block.block_id);

describe('reply modal renderers', () => {
  it('renders every state as a valid modal carrying the target for the submission', () => {
    const states = [
      renderReplyLoading(target),
      renderReplyForm(conversation, ctx),
      renderReplyForm(conversation, ctx, {
        text: 'See you',
        error: new AppError('SMS_REFUSED', 'x', { detail: { zoomMessage: 'Opted <out>' } }),
      }),
      renderReplyRefused(target, new AppError('REPLY_FORBIDDEN', 'x'), ctx),
      renderReplySending(target, 'See you'),
      renderReplySent(
        target,
        {
          thread: { ...target, threadTs: '1.000100' },
          sentAt: '2026-12-06T12:00:00Z',
          shownInThread: true,
        },
        ctx,
      ),
    ];
    for (const view of states) {
      expectValidModal(view);
      expect(view.callback_id).toBe(REPLY_IDS.callbackId);
      expect(JSON.parse(view.private_metadata ?? '')).toEqual(target);
    }
  });

  it('escapes the conversation, keeps the text and puts the reason right under the text box', () => {
    const view = renderReplyForm(conversation, ctx, {
      text: 'See you',
      error: new AppError('SMS_REFUSED', 'x', { detail: { zoomMessage: 'Opted <out>' } }),
    });
    const shown = visibleText(view);
    expect(JSON.stringify(view.blocks)).toContain('Is *order* &lt;42&gt; ready?');
    expect(shown).not.toContain('x'.repeat(700));
    const ids = blockIds(view);
    expect(ids.indexOf(REPLY_IDS.problemBlock)).toBe(ids.indexOf(REPLY_IDS.textBlock) + 1);
    expect(JSON.stringify(view.blocks)).toContain('Opted &lt;out&gt;');
    const input = view.blocks.find((b) => b.block_id === REPLY_IDS.textBlock) as {
      element: { initial_value?: string };
    };
    expect(input.element.initial_value).toBe('See you');
    expect(view.submit).toBeDefined();
  });

  it('offers no text box and no Send when the reply is refused', () => {
    const view = renderReplyRefused(target, new AppError('REPLY_FORBIDDEN', 'x'), ctx);
    expect(view.submit).toBeUndefined();
    expect(blockIds(view)).not.toContain(REPLY_IDS.textBlock);
  });

  it('says how long a text may be and how long this one is', () => {
    expect(replyTextProblem('too-long', 612)).toContain(
      'at most 500 characters, and this one has 612',
    );
    expect(replyTextProblem('empty', 0)).toContain('Write');
  });

  it('renders the thread post and the failure DM as valid messages, the text escaped or kept verbatim', () => {
    const posted = renderSentReply(
      { actor: 'U0ALICE01', text: 'On <my> way', sentAt: '2026-12-06T12:00:00Z' },
      ctx,
    );
    expectValidMessage(posted);
    expect(JSON.stringify(posted.blocks)).toContain('On &lt;my&gt; way');
    const hidden = renderSentReply(
      { actor: 'U0ALICE01', text: 'secret', sentAt: '2026-12-06T12:00:00Z' },
      ctx,
      { showText: false },
    );
    expect(JSON.stringify(hidden)).not.toContain('secret');
    const failed = renderReplyFailedMessage(
      new AppError('ZOOM_UNCONFIRMED', 'x'),
      'Call me ``` back',
      ctx,
    );
    expectValidMessage(failed);
    expect(failed.text).toContain('may not have been sent');
    expect(JSON.stringify(failed.blocks)).toContain("Call me ''' back");
  });
});
