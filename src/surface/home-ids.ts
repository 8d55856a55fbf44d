/*
 * The ids of the App Home tab and of the modals it opens (Filters…, Export CSV, Share to
 * channel), shared by renderers and listeners; re-exported by ./ids.ts with every other id.
 */

/**
 * Every `action_id` on the App Home tab. Home actions carry no `response_url`, so they have
 * their own ids (and listeners that answer with `views.publish` or a modal) instead of sharing
 * the message buttons' ids. https://docs.slack.dev/surfaces/app-home
 */
export const HOME_ACTION_IDS = {
  /** "Filters…": opens the filters modal with the click's `trigger_id`. */
  openFilters: 'sms_sessions.home.open_filters',
  /** "Clear filters": page 1 with the default filters (an admin's pick of a person stays). */
  clearFilters: 'sms_sessions.home.clear_filters',
  /** Page 1 again with the same filters. */
  refresh: 'sms_sessions.home.refresh',
  /** Admins only: whose conversations to show (`users_select`). */
  pickUser: 'sms_sessions.home.pick_user',
  /** Next page; the button value is the encoded cursor of that page. */
  pageNext: 'sms_sessions.home.page_next',
  /** Previous page, replayed from the cursor's trail. */
  pagePrevious: 'sms_sessions.home.page_previous',
  /** Page 1 of the same listing. */
  pageStartOver: 'sms_sessions.home.page_start_over',
  /** The same page again, after a failure that may pass. */
  pageRetry: 'sms_sessions.home.page_retry',
  /** "Export CSV" under the Home listing; the value is the page cursor shown. */
  exportCsv: 'sms_sessions.home.export_csv',
  /** "Share to channel" under the Home listing; the value is the page cursor shown. */
  share: 'sms_sessions.home.share',
} as const;

/** Home actions whose button value is a page cursor and whose answer is the page it points at. */
export const HOME_PAGE_ACTION_IDS = [
  HOME_ACTION_IDS.pageNext,
  HOME_ACTION_IDS.pagePrevious,
  HOME_ACTION_IDS.pageStartOver,
  HOME_ACTION_IDS.pageRetry,
] as const;

/** Every `block_id` of the App Home view. */
export const HOME_BLOCK_IDS = {
  /** The section whose accessory is the admin's user picker. */
  person: 'sms_sessions.home.person',
  /** The one-line summary of the filters ("Filters: Aug 1 – Nov 30 · Your number"). */
  filters: 'sms_sessions.home.filters',
  /** Filters…, Clear filters and Refresh under the summary. */
  filterActions: 'sms_sessions.home.filter_actions',
  /** The "Loading…" section, present only while a listing is on its way. */
  loading: 'sms_sessions.home.loading',
  /** One line above the listing ("That page link had expired, so this is page 1 again."). */
  notice: 'sms_sessions.home.notice',
  /** Previous / Start over / Next under the listing. */
  pager: 'sms_sessions.home.pager',
  /** Export CSV and Share to channel under the listing. */
  listActions: 'sms_sessions.home.list_actions',
  /** Start over / Try again under an error. */
  errorActions: 'sms_sessions.home.error_actions',
  /** The heading of the conversations waiting for a reply. */
  unanswered: 'sms_sessions.home.unanswered',
} as const;

/** The `callback_id` of the App Home view, so tests and logs can tell it from other views. */
export const HOME_CALLBACK_ID = 'sms_sessions.home';

/**
 * The Filters… modal: its `callback_id` and one input block (and element) per filter. Its
 * elements send nothing until the modal is submitted (`view_submission`).
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
export const HOME_FILTERS_IDS = {
  callbackId: 'sms_sessions.home.filters_modal',
  typeBlock: 'home_filter_type',
  typeAction: 'session_type',
  matchBlock: 'home_filter_match',
  matchAction: 'filter_type',
  fromBlock: 'home_filter_from',
  fromAction: 'from',
  toBlock: 'home_filter_to',
  toAction: 'to',
  phoneBlock: 'home_filter_phone',
  phoneAction: 'phone',
} as const;

/**
 * The modals of Export CSV and Share to channel started from the Home tab. Share first asks for
 * a channel (`conversations_select`), then to confirm; each modal's `private_metadata` carries
 * the page cursor (and, to confirm, the channel), sealed like every value the app sends.
 */
export const HOME_SHARE_IDS = {
  exportCallbackId: 'sms_sessions.home.export',
  pickCallbackId: 'sms_sessions.home.share_pick',
  confirmCallbackId: 'sms_sessions.home.share_confirm',
  resultCallbackId: 'sms_sessions.home.share_result',
  channelBlock: 'home_share_channel',
  channelAction: 'channel',
} as const;
