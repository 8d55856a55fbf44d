import type { Button } from '@slack/types';
import type { SmsSession } from '../domain/sms.js';
import type { Subject } from '../domain/subject.js';
import { encodeConversationCursor, openingCursor } from '../query/conversation-cursor.js';
import type { PageCursor } from '../query/cursor.js';
import { encodeCursor } from '../query/cursor-wire.js';
import { openActionId, SESSION_ACTION_IDS } from '../surface/ids.js';
import { truncate } from './escape.js';
import { OPEN_BUTTON_TEXT_MAX_CHARS } from './limits.js';

const OPEN_TEXT = 'Open';

/**
 * The value that opens `session` from `subject`'s listing: the conversation cursor of its newest
 * messages, at most `maxChars` long (a button's 2,000 by default); `undefined` when the session
 * has no id (Zoom gave none) or the cursor cannot fit.
 */
export const openValue = (
  session: SmsSession,
  subject: Subject,
  now: Date,
  maxChars?: number,
): string | undefined =>
  session.id === ''
    ? undefined
    : encodeConversationCursor(
        openingCursor(session.id, subject, session.lastActivityAt, now),
        maxChars,
      );

/**
 * The "Open" button beside the `index`-th session of a listing: its value is the conversation
 * cursor of the session's newest messages and whose listing it came from (`subject`), both
 * re-checked when it is clicked. `undefined` when Zoom gave the session no id.
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
export const openButton = (
  session: SmsSession,
  index: number,
  subject: Subject,
  now: Date,
): Button | undefined => {
  const value = openValue(session, subject, now);
  return value === undefined
    ? undefined
    : {
        type: 'button',
        text: { type: 'plain_text', text: truncate(OPEN_TEXT, OPEN_BUTTON_TEXT_MAX_CHARS) },
        action_id: openActionId(index),
        value,
      };
};

/** The text of {@link openPickerButton}; counted in `LIST_ACTIONS_MAX_CHARS` (limits.ts). */
export const OPEN_PICKER_TEXT = 'Open a conversation…';

/**
 * "Open a conversation…" under a packed listing, whose sessions share blocks and cannot each have
 * a button: its value is the page cursor shown, and the click opens a modal to pick one of the
 * page's sessions from (src/render/conversation-picker.ts).
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const openPickerButton = (cursor: PageCursor): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: OPEN_PICKER_TEXT },
  action_id: SESSION_ACTION_IDS.openPicker,
  value: encodeCursor(cursor),
});
