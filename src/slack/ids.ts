/**
 * Every `action_id` the app puts on an interactive element. The app registers one listener per
 * id, so a renderer and its listener can never disagree on a spelling. Each value stays well under
 * Slack's 255-character limit for `action_id`.
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
export const ACTION_IDS = {
  /** Next page of a listing; the button value is the encoded cursor of that page. */
  pageNext: 'sms_sessions.page_next',
  /** Previous page of a listing, replayed from the cursor's trail of earlier tokens. */
  pagePrevious: 'sms_sessions.page_previous',
  /** Page 1 of the same listing, when the trail does not reach back or a token expired. */
  pageStartOver: 'sms_sessions.page_start_over',
  /** The same page again, after a failure that may pass (Zoom busy, rate limited). */
  pageRetry: 'sms_sessions.page_retry',
} as const;

/** One of {@link ACTION_IDS}. */
export type ActionId = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

/**
 * Every action whose button value is a page cursor and whose answer is the page it points at, so
 * the paging listener can register them all from one list.
 */
export const PAGE_ACTION_IDS: readonly ActionId[] = [
  ACTION_IDS.pageNext,
  ACTION_IDS.pagePrevious,
  ACTION_IDS.pageStartOver,
  ACTION_IDS.pageRetry,
];

/**
 * Every `block_id` the app sets, so listeners can tell blocks apart in `block_actions` payloads
 * and tests can find them. Slack allows 255 characters and requires uniqueness within a message.
 * https://docs.slack.dev/reference/block-kit/blocks/actions-block
 */
export const BLOCK_IDS = {
  /** The actions block with Previous / Start over / Next under a listing. */
  pager: 'sms_sessions.pager',
  /** The actions block with Start over / Try again under an error message. */
  errorActions: 'sms_sessions.error_actions',
} as const;
