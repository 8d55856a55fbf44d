/**
 * What the inbox needs from Slack, so the core never sees the Web API client. Implemented over a
 * `WebClient` in src/slack/inbox-slack.ts; tests may pass any object of this shape.
 */
export interface InboxSlack {
  /**
   * `chat.postMessage`, links and media never unfurled (the text is a stranger's).
   * @throws InboxSlackError
   */
  postMessage(message: {
    readonly channel: string;
    readonly text: string;
    readonly blocks: readonly unknown[];
    readonly threadTs?: string;
  }): Promise<{ readonly channel: string; readonly ts: string }>;
  /** `conversations.open`: the app's direct message channel with a person. @throws InboxSlackError */
  openDirectMessage(slackUserId: string): Promise<string>;
  /** `users.lookupByEmail`: the Slack person with this email, if any. @throws InboxSlackError */
  lookupByEmail(email: string): Promise<string | undefined>;
  /**
   * Whether the app can post in a channel (`conversations.info`): a member of it, not archived.
   * Resolves with Slack's error code when it cannot.
   */
  checkChannel(channelId: string): Promise<ChannelCheck>;
}

/** What {@link InboxSlack.checkChannel} found. */
export type ChannelCheck =
  | { readonly ok: true; readonly name?: string; readonly isPrivate: boolean }
  | { readonly ok: false; readonly code: string };

/**
 * Slack errors a retry cannot fix: the channel is gone or archived, the app is not in it or was
 * removed, the token is dead. https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'ekm_access_denied',
  'cannot_dm_bot',
  'user_not_found',
  'user_disabled',
  'invalid_blocks',
  'msg_too_long',
]);

/** A failed Slack call, with Slack's error code and when to try again (rate limits). */
export class InboxSlackError extends Error {
  override readonly name = 'InboxSlackError';
  readonly code: string;
  /** Slack's `Retry-After`, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(code: string, retryAfterMs?: number, options?: ErrorOptions) {
    super(`Slack refused the call: ${code}`, options);
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }

  /** A retry cannot fix it (see {@link PERMANENT_SLACK_ERRORS}). */
  get permanent(): boolean {
    return PERMANENT_SLACK_ERRORS.has(this.code);
  }
}
