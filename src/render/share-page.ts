import type { KnownBlock } from '@slack/types';
import type { SharedPageModel } from '../core/share.js';
import { truncate } from './escape.js';
import { describeQuery, slackMention } from './format.js';
import { subjectName } from './identity-subject.js';
import { PAGE_FRAME_ELEMENT_MAX_CHARS, PAGE_HEADER_MAX_CHARS } from './limits.js';
import { mrkdwn, SEPARATOR, sessionListBlocks } from './session-list.js';
import { MASK, maskPhoneNumber, maskSessionNumbers } from './share-mask.js';
import type { RenderContext, RenderedMessage } from './types.js';

const HEADER_TEXT = 'SMS conversations';

/**
 * The copy of a listing page that "Share to channel" posts for everyone in the channel: who shared
 * it, whose conversations and which search (window as Slack date tokens), then the sessions as on
 * the sharer's page — with every phone number masked (`+1 415 •••• 0100`) when `maskNumbers`.
 * It carries no buttons at all: no paging, no Open, no export, so nobody in the channel can reach
 * beyond what was shared. Pure, and inside the limits of a message like the page it copies.
 * https://docs.slack.dev/reference/methods/chat.postMessage
 */
export const renderSharedPage = (model: SharedPageModel, ctx: RenderContext): RenderedMessage => {
  const { subject, cursor, page } = model.page;
  const described = describeQuery(cursor.query, ctx.timeZone);
  const phone =
    cursor.query.phoneNumber === undefined
      ? undefined
      : model.maskNumbers
        ? maskPhoneNumber(cursor.query.phoneNumber)
        : described.phone;
  const search = [
    `*When:* ${described.from} – ${described.to}`,
    `*Type:* ${described.type}`,
    described.filter,
    ...(phone === undefined ? [] : [`*Phone:* ${phone}`]),
    `*Page ${cursor.page}*`,
  ].join(SEPARATOR);
  const sessions = model.maskNumbers ? maskSessionNumbers(page.sessions) : page.sessions;
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(HEADER_TEXT, PAGE_HEADER_MAX_CHARS), emoji: true },
    },
    {
      type: 'context',
      elements: [
        `:mega: Shared by ${slackMention(model.sharedBy)}`,
        `*Person:* ${subjectName(subject)}`,
        search,
      ].map((text) => mrkdwn(truncate(text, PAGE_FRAME_ELEMENT_MAX_CHARS))),
    },
    { type: 'divider' },
  ];
  if (sessions.length === 0) {
    blocks.push({ type: 'section', text: mrkdwn('No SMS conversations on this page.') });
  } else {
    blocks.push(...sessionListBlocks({ sessions, subject, query: cursor.query }, ctx));
  }
  if (model.maskNumbers) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`Phone numbers are partly hidden (${MASK}).`)],
    });
  }
  const n = sessions.length;
  const text = `${slackMention(model.sharedBy)} shared ${n} SMS conversation${n === 1 ? '' : 's'} of ${subjectName(subject)}`;
  return { text, blocks };
};
