import type { RenderedMessage } from './types.js';

const CHANNEL_ID = /^[CDG][A-Z0-9]{2,}$/;

/**
 * What the sharer reads once the copy is posted (ephemeral, beside their own page): where it
 * went, as a channel link each viewer sees by name.
 * https://docs.slack.dev/messaging/formatting-message-text#linking-channels
 */
export const renderShareReceipt = (channelId: string): RenderedMessage => {
  const where = CHANNEL_ID.test(channelId) ? `<#${channelId}>` : 'this channel';
  const text = `:white_check_mark: Shared to ${where}. Everyone there can read that page; your own list stays private.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
};
