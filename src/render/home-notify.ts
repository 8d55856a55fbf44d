import type { ActionsBlock } from '@slack/types';
import { INBOX_ACTION_IDS, INBOX_BLOCK_IDS } from '../surface/ids.js';

/** The value of the Home tab's notification checkbox. */
export const HOME_NOTIFY_VALUE = 'on';

const LABEL = 'Send me new texts as direct messages';

/**
 * The Home tab's switch for text notifications: one checkbox, ticked when they are on (the
 * person's choice, or `NOTIFY_DEFAULT` until they choose). Ticking or clearing it sends a
 * `block_actions` payload at once. Pure; one block.
 * https://docs.slack.dev/reference/block-kit/block-elements/checkboxes-element
 */
export const renderHomeNotify = (on: boolean): ActionsBlock => {
  const option = {
    text: { type: 'mrkdwn' as const, text: `*${LABEL}*` },
    description: {
      type: 'plain_text' as const,
      text: 'Each new text of your number, one thread per conversation',
    },
    value: HOME_NOTIFY_VALUE,
  };
  return {
    type: 'actions',
    block_id: INBOX_BLOCK_IDS.homeNotify,
    elements: [
      {
        type: 'checkboxes',
        action_id: INBOX_ACTION_IDS.homeNotify,
        options: [option],
        ...(on ? { initial_options: [option] } : {}),
      },
    ],
  };
};
