import type { Button } from '@slack/types';
import type { PageCursor } from '../query/cursor.js';
import { encodeCursor } from '../query/cursor-wire.js';
import { SESSION_ACTION_IDS } from '../surface/ids.js';

/** The button's text; counted in `LIST_ACTIONS_MAX_CHARS` (src/render/limits.ts). */
export const SHARE_BUTTON_TEXT = 'Share to channel';

const CONFIRM_TITLE = 'Share to this channel?';
const CONFIRM_YES = 'Share';
const CONFIRM_NO = 'Cancel';

const confirmText = (maskNumbers: boolean): string =>
  `Everyone in this channel will see this page, with your name on it. ${
    maskNumbers ? 'Phone numbers are partly hidden.' : 'Phone numbers are shown in full.'
  }`;

/**
 * "Share to channel" under a listing, behind Slack's own confirmation dialog (so a mis-click
 * posts nothing), saying whether numbers will be masked (`SHARE_MASK_NUMBERS`). Its value is the
 * page cursor shown; the click is re-authorised and audited. All its text together stays under
 * `LIST_ACTIONS_MAX_CHARS` with the Export button.
 * https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const shareButton = (cursor: PageCursor, maskNumbers: boolean): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: SHARE_BUTTON_TEXT },
  action_id: SESSION_ACTION_IDS.share,
  value: encodeCursor(cursor),
  confirm: {
    title: { type: 'plain_text', text: CONFIRM_TITLE },
    text: { type: 'plain_text', text: confirmText(maskNumbers) },
    confirm: { type: 'plain_text', text: CONFIRM_YES },
    deny: { type: 'plain_text', text: CONFIRM_NO },
  },
});
