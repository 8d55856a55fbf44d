import type { ModalView } from '@slack/types';
import type { ConversationModel } from '../core/conversation.js';
import { conversationHeader, outsideParties } from './conversation-header.js';
import { BLOCKS_PER_MESSAGE, messageBlocks } from './conversation-message.js';
import { conversationModal, conversationTitle } from './conversation-modal.js';
import { conversationPager } from './conversation-pager.js';
import { VIEW_MAX_BLOCKS } from './limits.js';
import type { RenderContext } from './types.js';

/** Blocks of the modal that are not messages: who, window, divider, pager, footnote. */
export const CONVERSATION_FRAME_MAX_BLOCKS = 5;

/** Messages one modal shows at most, whatever Zoom sends: inside the 100 blocks of a view. */
export const MESSAGES_PER_VIEW_MAX = Math.floor(
  (VIEW_MAX_BLOCKS - CONVERSATION_FRAME_MAX_BLOCKS) / BLOCKS_PER_MESSAGE,
);

/**
 * What `views.open` shows at once, while Zoom is asked for the messages: Slack's `trigger_id`
 * lives 3 seconds, far less than Zoom may take. https://docs.slack.dev/surfaces/modals
 */
export const renderConversationLoading = (): ModalView =>
  conversationModal([
    {
      type: 'section',
      text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: Loading messages…' },
    },
  ]);

/**
 * One page of a conversation as a modal (`views.update` after the loading view), titled with the
 * contact's name: who the other parties are (with their numbers) and whose conversation it is,
 * then each message oldest to newest — its sender's name (a number only when there is no name),
 * time as a Slack date token (each viewer's own zone), delivery status for texts sent, the
 * text as plain text (never formatted, links and mentions inert) and attachments by name, type
 * and size — then Older / Newer buttons carrying conversation cursors. Zoom sends pages newest
 * first, so page 1 is the latest messages and Older walks back. Pure; inside a modal's 100
 * blocks for any page (at most {@link MESSAGES_PER_VIEW_MAX} messages are shown).
 * https://docs.slack.dev/reference/views/modal-views
 */
export const renderConversation = (model: ConversationModel, ctx: RenderContext): ModalView => {
  const { cursor } = model;
  const shown = model.messages.slice(0, MESSAGES_PER_VIEW_MAX);
  const others = outsideParties(shown);
  const blocks = conversationHeader(model.subject, others, cursor, ctx);
  if (shown.length === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          cursor.page === 1
            ? 'No messages in this conversation during these 30 days.'
            : 'No older messages in these 30 days.',
      },
    });
  }
  for (const message of [...shown].reverse()) blocks.push(...messageBlocks(message, ctx));
  const buttons = conversationPager(cursor, model.nextPageToken);
  if (buttons !== undefined) blocks.push(buttons);
  return conversationModal(blocks, conversationTitle(others));
};
