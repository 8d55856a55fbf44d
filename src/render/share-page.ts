import type { KnownBlock } from '@slack/types';
import type { SharedPageModel } from '../core/share.js';
import { truncate } from './escape.js';
import { slackMention } from './format.js';
import { subjectName } from './identity-subject.js';
import { phoneLabel } from './labels.js';
import { PAGE_HEADER_MAX_CHARS } from './limits.js';
import { frameContext, frameLine } from './listing-frame.js';
import { mrkdwn, sessionListBlocks } from './session-list.js';
import { MASK, maskPhoneNumber, maskSessionNumbers } from './share-mask.js';
import type { RenderContext, RenderedMessage } from './types.js';

const HEADER_TEXT = 'SMS conversations';

/**
 * The copy of a listing page that "Share to channel" posts for everyone in the channel, written
 * once in the third person: "<@Alice>'s SMS conversations, shared by <@Alice>", then the search
 * (window as Slack date tokens, so each reader sees their own zone; type in the subject's name,
 * never "your"), then the rows as on the sharer's page, with no per-row ownership and every
 * phone number masked (`+1 415 •••• 0100`) when `maskNumbers`. It carries no buttons at all: no
 * paging, no Open, no export, so nobody in the channel can reach beyond what was shared. Pure,
 * and inside the limits of a message like the page it copies.
 * https://docs.slack.dev/reference/methods/chat.postMessage
 */
export const renderSharedPage = (model: SharedPageModel, ctx: RenderContext): RenderedMessage => {
  const { subject, cursor, page } = model.page;
  const whose = subjectName(subject);
  const sessions = model.maskNumbers ? maskSessionNumbers(page.sessions) : page.sessions;
  const search = frameLine(
    { cursor, notes: [], page: { sessions } },
    ctx,
    whose,
    model.maskNumbers ? maskPhoneNumber : phoneLabel,
  );
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(HEADER_TEXT, PAGE_HEADER_MAX_CHARS), emoji: true },
    },
    frameContext([
      `:mega: ${whose}'s SMS conversations, shared by ${slackMention(model.sharedBy)}`,
      search,
    ]),
  ];
  if (sessions.length === 0) {
    blocks.push({ type: 'section', text: mrkdwn('No SMS conversations on this page.') });
  } else {
    blocks.push(...sessionListBlocks({ sessions }, ctx));
  }
  if (model.maskNumbers) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`Phone numbers are partly hidden (${MASK}).`)],
    });
  }
  const n = sessions.length;
  const text = `${slackMention(model.sharedBy)} shared ${n} SMS conversation${n === 1 ? '' : 's'} of ${whose}`;
  return { text, blocks };
};
