import type { KnownBlock } from '@slack/types';
import type { PublishedReply } from '../core/reply/reply-core.js';
import type { AppError } from '../errors.js';
import { explain } from './error-explanation.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { slackMention } from './format.js';
import { TEXT_MAX_CHARS } from './limits.js';
import { slackDate } from './slack-date.js';
import type { RenderContext, RenderedMessage } from './types.js';

/**
 * A reply sent from Slack, as its conversation's thread shows it: who sent it, when (a Slack date
 * token, so each reader sees their own time) and the text, escaped. With `showText` off
 * (`NOTIFY_SHOW_TEXT=false`) only the fact is shown, as for received texts. Pure.
 */
export const renderSentReply = (
  reply: PublishedReply,
  ctx: RenderContext,
  options: { readonly showText: boolean } = { showText: true },
): RenderedMessage => {
  const when = slackDate(reply.sentAt, 'dateTime', ctx.timeZone);
  const head = `:outbox_tray: ${slackMention(reply.actor)} replied${when === undefined ? '' : ` ${when}`}`;
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: head }] },
    ...(options.showText
      ? [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(reply.text), TEXT_MAX_CHARS) },
          } as KnownBlock,
        ]
      : []),
  ];
  return {
    text: options.showText ? `Reply sent: ${truncate(reply.text, 150)}` : 'Reply sent',
    blocks,
  };
};

/**
 * A direct message for a reply that failed after its modal was closed: what went wrong, and the
 * person's text, kept so they can copy it (in a code block: nothing in it is formatted). Pure.
 */
export const renderReplyFailedMessage = (
  error: AppError,
  text: string,
  ctx: RenderContext,
): RenderedMessage => {
  const { title, body } = explain(error, ctx);
  const kept = truncate(text.replaceAll('```', "'''"), TEXT_MAX_CHARS - 20);
  return {
    text: `${error.code === 'ZOOM_UNCONFIRMED' ? 'Your reply may not have been sent' : 'Your reply was not sent'}: ${title}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${body}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Your text, to send again:' }] },
      { type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${kept}\`\`\`` } },
    ],
  };
};
