/**
 * Slack's Block Kit limits as named constants, and the one place where a listing page divides
 * them between its parts. Every renderer stays inside these by construction (each piece of text
 * is cut to a share computed here), so no input, however long or odd, can make Slack refuse a
 * message. Lengths are UTF-16 units (`string.length`), never fewer than the code points Slack
 * counts, so the stricter reading wins. Sources: src/zoom/platform-facts.ts and
 * https://docs.slack.dev/reference/block-kit/blocks
 */

export { BUTTON_VALUE_MAX_CHARS } from '../query/cursor-wire.js';

/** Blocks in one message. https://docs.slack.dev/reference/block-kit/blocks */
export const MESSAGE_MAX_BLOCKS = 50;

/** Blocks in a Home tab or modal view. https://docs.slack.dev/surfaces/app-home */
export const VIEW_MAX_BLOCKS = 100;

/** Characters in a section's text (and any text object). https://docs.slack.dev/reference/block-kit/blocks/section-block */
export const TEXT_MAX_CHARS = 3000;

/** Fields in one section. https://docs.slack.dev/reference/block-kit/blocks/section-block */
export const SECTION_MAX_FIELDS = 10;

/** Characters in one section field. https://docs.slack.dev/reference/block-kit/blocks/section-block */
export const FIELD_MAX_CHARS = 2000;

/** Characters in a header's text. https://docs.slack.dev/reference/block-kit/blocks/header-block */
export const HEADER_MAX_CHARS = 150;

/** Characters in a button's text. https://docs.slack.dev/reference/block-kit/block-elements/button-element */
export const BUTTON_TEXT_MAX_CHARS = 75;

/** Elements in an actions block. https://docs.slack.dev/reference/block-kit/blocks/actions-block */
export const ACTIONS_MAX_ELEMENTS = 25;

/** Elements in a context block. https://docs.slack.dev/reference/block-kit/blocks/context-block */
export const CONTEXT_MAX_ELEMENTS = 10;

/** Characters in an `action_id`, `block_id` or `callback_id`. https://docs.slack.dev/reference/block-kit/block-elements/button-element */
export const ID_MAX_CHARS = 255;

/**
 * Characters of text (mrkdwn and plain) in all the blocks of one message; beyond it Slack answers
 * `msg_blocks_too_long`. https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
export const MESSAGE_MAX_TEXT_CHARS = 12_000;

/** Characters of one piece of third-party text echoed in a message (a typed value, an email). */
export const ECHO_MAX_CHARS = 100;

/** Characters of a label that may come from Zoom as-is (an unknown session or owner type). */
export const LABEL_MAX_CHARS = 20;

/** Characters of a call queue's or auto receptionist's name in "Owned by …". */
export const OWNER_NAME_MAX_CHARS = 48;

/** Shortest cut of one participant worth showing; below it the rest become "+N more". */
export const PARTICIPANT_MIN_CHARS = 12;

/** Characters of a listing's header, at most. */
export const PAGE_HEADER_MAX_CHARS = 40;

/**
 * Context elements of a listing's frame: whose (when not the viewer's own), the one grey line,
 * the notes on how the dates were read, and a side action's line (a failed Next, an export).
 */
export const PAGE_FRAME_MAX_ELEMENTS = 4;

/** Characters of one context element of a listing's frame. */
export const PAGE_FRAME_ELEMENT_MAX_CHARS = 300;

/** Buttons under a listing: Previous or Start over, and Next. */
export const PAGER_MAX_BUTTONS = 2;

/** Characters of one pager button's text ("Clear phone number" is the longest). */
export const PAGER_BUTTON_TEXT_MAX_CHARS = 20;

/**
 * Blocks of a listing that are not sessions: header, frame, notes, a side action's line, pager,
 * the list's own actions (Export CSV, Share to channel), and one to spare.
 */
export const PAGE_FRAME_MAX_BLOCKS = 7;

/**
 * Characters of a listing's own actions: the Open a conversation…, Export CSV and Share to
 * channel buttons and the share confirmation dialog (title, text, confirm and deny buttons).
 * https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object
 */
export const LIST_ACTIONS_MAX_CHARS = 200;

/** Characters of the "Open" button on each session of the detailed layout. */
export const OPEN_BUTTON_TEXT_MAX_CHARS = 4;

/** Characters of a listing that are not sessions, at most: header, frame elements, buttons. */
export const PAGE_FRAME_MAX_CHARS =
  PAGE_HEADER_MAX_CHARS +
  PAGE_FRAME_MAX_ELEMENTS * PAGE_FRAME_ELEMENT_MAX_CHARS +
  PAGER_MAX_BUTTONS * (PAGER_BUTTON_TEXT_MAX_CHARS + 75) +
  LIST_ACTIONS_MAX_CHARS;

/** Blocks left for the sessions of one page. */
export const SESSION_LIST_MAX_BLOCKS = MESSAGE_MAX_BLOCKS - PAGE_FRAME_MAX_BLOCKS;

/** Characters left for the sessions of one page. */
export const SESSION_LIST_MAX_CHARS = MESSAGE_MAX_TEXT_CHARS - PAGE_FRAME_MAX_CHARS;

/**
 * Most conversations one chat message lists (each its own block, with an Open button): about
 * what a person takes in at a glance, the size Slack's guidance and the best list apps keep a
 * message to. A larger `size:` is listed this many a page, and the frame says where the rest is.
 */
export const MESSAGE_MAX_SESSIONS = 25;

/**
 * Most sessions a page shows in the detailed layout (a section each, with an Open button). Above
 * it (a page of an older, larger button) they are packed one line each into shared sections.
 */
export const DETAILED_LAYOUT_MAX_SESSIONS = MESSAGE_MAX_SESSIONS;

/** Characters of a contact's name in a row (escaped): enough to tell any two people apart. */
export const ROW_NAME_MAX_CHARS = 160;

/**
 * Characters of a button's `accessibility_label` (what screen readers say instead of its text).
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
export const ACCESSIBILITY_LABEL_MAX_CHARS = 75;

/**
 * Characters one session may use on a page of `sessionCount` sessions (at least one): an equal
 * share of {@link SESSION_LIST_MAX_CHARS}, never more than one text object holds, less the Open
 * button and its label a detailed session carries. At 100 packed sessions that is 111
 * characters a line, separators included.
 */
export const sessionCharBudget = (sessionCount: number): number =>
  Math.min(TEXT_MAX_CHARS, Math.floor(SESSION_LIST_MAX_CHARS / Math.max(1, sessionCount))) -
  (sessionCount <= DETAILED_LAYOUT_MAX_SESSIONS
    ? OPEN_BUTTON_TEXT_MAX_CHARS + ACCESSIBILITY_LABEL_MAX_CHARS
    : 0);
