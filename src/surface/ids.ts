/*
 * The ids renderers (src/render/) put on Block Kit and listeners (src/slack/) register for, in one
 * neutral place both import, so neither room depends on the other.
 */

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
  /** An empty listing's "Past 90 days": page 1 of the same search over the past 90 days. */
  pageWidenDays: 'sms_sessions.page_widen_days',
  /** An empty listing's "All types": page 1 of the same search over every type. */
  pageWidenTypes: 'sms_sessions.page_widen_types',
  /** An empty listing's "Clear phone number": page 1 of the same search for every number. */
  pageClearPhone: 'sms_sessions.page_clear_phone',
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
  ACTION_IDS.pageWidenDays,
  ACTION_IDS.pageWidenTypes,
  ACTION_IDS.pageClearPhone,
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
  /** The buttons that widen an empty listing (Past 90 days, All types, Clear phone number). */
  widen: 'sms_sessions.widen',
} as const;

export * from './home-ids.js';

/**
 * Every `action_id` of reading a conversation, exporting a listing and sharing a page. Open, Export
 * CSV and Share sit on a listing (Open also on the Home tab: it needs only the click's
 * `trigger_id`); the conversation ids sit on the modal, whose clicks carry no `response_url`.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const SESSION_ACTION_IDS = {
  /**
   * Prefix of the "Open" button on one session (see {@link openActionId}); the value is the
   * conversation cursor of its newest page.
   */
  open: 'sms_sessions.open',
  /**
   * "Open a conversation…" under a packed listing (no room for a button each); the value is the
   * listing's page cursor, and the answer a modal to pick one of its sessions from.
   */
  openPicker: 'sms_sessions.open_picker',
  /** The pick in that modal; each option's value is a conversation cursor. */
  openPicked: 'sms_sessions.open_picked',
  /** "Export CSV"; the value is the listing's page cursor. */
  exportCsv: 'sms_sessions.export_csv',
  /** "Share to channel" (behind a confirmation); the value is the listing's page cursor. */
  share: 'sms_sessions.share',
  /** Older messages in the conversation modal. */
  conversationOlder: 'sms_sessions.conversation.older',
  /** Newer messages, replayed from the cursor's trail. */
  conversationNewer: 'sms_sessions.conversation.newer',
  /** The newest messages again, when the trail does not reach back or a token expired. */
  conversationNewest: 'sms_sessions.conversation.newest',
  /** The same messages again, after a failure that may pass. */
  conversationRetry: 'sms_sessions.conversation.retry',
} as const;

/**
 * The `action_id` of the Open button on the `index`-th session of a listing: each button needs
 * its own, since the app keeps `action_id`s unique within a message (Slack asks it of a block).
 */
export const openActionId = (index: number): string => `${SESSION_ACTION_IDS.open}.${index}`;

/** Matches every {@link openActionId}, for the one listener that serves them all. */
export const OPEN_ACTION_ID_PATTERN = /^sms_sessions\.open\.\d+$/;

/** Conversation actions whose value is a conversation cursor and whose answer is its page. */
export const CONVERSATION_PAGE_ACTION_IDS = [
  SESSION_ACTION_IDS.conversationOlder,
  SESSION_ACTION_IDS.conversationNewer,
  SESSION_ACTION_IDS.conversationNewest,
  SESSION_ACTION_IDS.conversationRetry,
] as const;

/** Every `block_id` of the conversation modal and of a listing's own actions. */
export const SESSION_BLOCK_IDS = {
  /** Export CSV and Share to channel under a listing. */
  listActions: 'sms_sessions.list_actions',
  /** The conversation picker in the modal "Open a conversation…" opens. */
  openPicker: 'sms_sessions.open_picker',
  /** Older / Newer in the conversation modal. */
  conversationPager: 'sms_sessions.conversation.pager',
  /** Back to newest / Try again under an error in the modal. */
  conversationErrorActions: 'sms_sessions.conversation.error_actions',
} as const;

/** The `callback_id` of the conversation modal. */
export const CONVERSATION_CALLBACK_ID = 'sms_sessions.conversation';

/**
 * Every `action_id` of `/sms-sessions help`: its buttons run the default listing in place of the
 * help, open the full syntax in a modal, and link to the App Home (a link button still sends a
 * `block_actions` payload, which the app acknowledges).
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
export const HELP_ACTION_IDS = {
  /** "Show my conversations": page 1 of the viewer's own default listing. */
  listMine: 'sms_sessions.help.list_mine',
  /** "Full syntax": a modal with every option, example and (for admins) admin command. */
  fullSyntax: 'sms_sessions.help.full_syntax',
  /** "Open Home": a `slack://app` link to the app's Home tab. */
  openHome: 'sms_sessions.help.open_home',
} as const;

/** The `block_id` of the help's row of buttons. */
export const HELP_BLOCK_IDS = {
  actions: 'sms_sessions.help.actions',
} as const;

/** The `callback_id` of the full-syntax modal. */
export const HELP_SYNTAX_CALLBACK_ID = 'sms_sessions.help.syntax';

/**
 * Every `action_id` of the SMS inbox (texts Zoom reports, delivered to Slack).
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const INBOX_ACTION_IDS = {
  /**
   * "Reply" on a delivered text; the value is {@link encodeInboxReplyValue}'s JSON
   * (`{ sessionId, channelId }`), re-authorized when the reply is submitted.
   */
  reply: 'inbox_reply',
  /** "Open in Zoom" on an MMS attachment (a link button; Slack still sends the click). */
  openAttachment: 'inbox_open_attachment',
  /** The Home tab's switch for text notifications (a checkbox). */
  homeNotify: 'inbox_home_notify',
} as const;

/**
 * The `action_id` of Reply on the `index`-th conversation waiting for a reply on the Home tab:
 * each needs its own, as the app keeps `action_id`s unique within a surface.
 */
export const homeReplyActionId = (index: number): string =>
  `${INBOX_ACTION_IDS.reply}.home.${index}`;

/** Matches Reply on a delivered text and every {@link homeReplyActionId}: one listener serves them. */
export const REPLY_ACTION_ID_PATTERN = /^inbox_reply(?:\.home\.\d+)?$/;

/** Every `block_id` of a delivered text. */
export const INBOX_BLOCK_IDS = {
  /** Open / Reply / Open in Zoom under a delivered text. */
  actions: 'inbox_actions',
  /** The Home tab's notification switch. */
  homeNotify: 'inbox_home_notify',
} as const;

/**
 * The value of a Reply button: which session, in which channel's thread; without a channel, a
 * conversation of the clicker's own number waiting for a reply on the Home tab (no thread needed).
 */
export interface InboxReplyValue {
  readonly sessionId: string;
  readonly channelId?: string;
}

/** A Reply button's value, as JSON (`{"sessionId":"…","channelId":"…"}`, or the session alone). */
export const encodeInboxReplyValue = (value: InboxReplyValue): string =>
  JSON.stringify(
    value.channelId === undefined
      ? { sessionId: value.sessionId }
      : { sessionId: value.sessionId, channelId: value.channelId },
  );

/** A Reply button's value, or `undefined` when it is not one (a forged or edited value). */
export const decodeInboxReplyValue = (text: string): InboxReplyValue | undefined => {
  try {
    const value = JSON.parse(text) as { sessionId?: unknown; channelId?: unknown } | null;
    if (typeof value?.sessionId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(value.sessionId)) {
      return undefined;
    }
    if (value.channelId === undefined) return { sessionId: value.sessionId };
    return typeof value.channelId === 'string' && /^[CDG][A-Z0-9]{2,}$/.test(value.channelId)
      ? { sessionId: value.sessionId, channelId: value.channelId }
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Every `action_id` of `/sms-sessions link` answers: confirming a link whose Zoom user does not
 * resemble the Slack profile, declining it, and undoing a link just made. Each value is a link
 * choice (src/core/link-choice.ts), re-checked when clicked.
 */
export const LINK_ACTION_IDS = {
  /** "Link anyway": make the link the admin was asked about. */
  confirm: 'sms_sessions.link.confirm',
  /** "Cancel": leave things as they are. */
  cancel: 'sms_sessions.link.cancel',
  /** "Undo": put back the link that was replaced, or unlink when there was none. */
  undo: 'sms_sessions.link.undo',
} as const;

/** The `block_id` of a link answer's buttons. */
export const LINK_BLOCK_ID = 'sms_sessions.link.actions';

/** The `action_id` of the audit trail's Show details / Hide details button. */
export const AUDIT_ACTION_IDS = {
  /** The value is an audit request (src/core/audit-request.ts): the same entries, details on or off. */
  details: 'sms_sessions.audit.details',
} as const;

/** The `block_id` of the audit trail's button. */
export const AUDIT_BLOCK_ID = 'sms_sessions.audit.actions';

/**
 * Ids of the reply modal that **Reply** ({@link INBOX_ACTION_IDS}`.reply`) opens: its
 * `callback_id` (its `private_metadata` is the button's {@link InboxReplyValue}), its text box,
 * and the line under the text box that says why a send failed.
 */
export const REPLY_IDS = {
  button: INBOX_ACTION_IDS.reply,
  callbackId: 'inbox_reply_modal',
  textBlock: 'reply_text',
  textAction: 'reply_text_input',
  problemBlock: 'reply_problem',
} as const;
