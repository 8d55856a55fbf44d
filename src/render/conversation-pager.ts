import type { ActionsBlock, Button } from '@slack/types';
import {
  type ConversationCursor,
  encodeConversationCursor,
  newerCursor,
  newestCursor,
  olderCursor,
} from '../query/conversation-cursor.js';
import { SESSION_ACTION_IDS, SESSION_BLOCK_IDS } from '../surface/ids.js';

const pagerButton = (
  text: string,
  actionId: string,
  cursor: ConversationCursor,
  primary = false,
): Button[] => {
  const value = encodeConversationCursor(cursor);
  return value === undefined
    ? []
    : [
        {
          type: 'button',
          text: { type: 'plain_text', text },
          action_id: actionId,
          value,
          ...(primary ? { style: 'primary' as const } : {}),
        },
      ];
};

/**
 * The buttons under a page of a conversation, each carrying a conversation cursor: **← Older**
 * (primary) while Zoom has an older page (`nextPageToken` not `''`), then **Newer →** back to the
 * page before, or **Newest** when the way back is no longer known; `undefined` when there is
 * nowhere to go. A cursor too long for a button's value leaves its button out.
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
export const conversationPager = (
  cursor: ConversationCursor,
  nextPageToken: string,
): ActionsBlock | undefined => {
  const newer = newerCursor(cursor);
  const elements = [
    ...(nextPageToken === ''
      ? []
      : pagerButton(
          '← Older',
          SESSION_ACTION_IDS.conversationOlder,
          olderCursor(cursor, nextPageToken),
          true,
        )),
    ...(newer !== undefined
      ? pagerButton('Newer →', SESSION_ACTION_IDS.conversationNewer, newer)
      : cursor.page > 1
        ? pagerButton('Newest', SESSION_ACTION_IDS.conversationNewest, newestCursor(cursor))
        : []),
  ];
  return elements.length === 0
    ? undefined
    : { type: 'actions', block_id: SESSION_BLOCK_IDS.conversationPager, elements };
};
