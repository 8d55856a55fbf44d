import type { WebClient } from '@slack/web-api';
import type { PublishedReply } from '../core/reply/reply-core.js';
import type { InboxThread } from '../domain/inbox.js';
import type { AppLogger } from '../logger.js';
import { renderSentReply } from '../render/reply-message.js';
import type { RenderContext } from '../render/types.js';

/** Slack's largest page of `conversations.members`. */
export const MEMBERS_PAGE_SIZE = 1000;

/**
 * Whether `slackUserId` is a member of `channelId` now, page by page through
 * `conversations.members` (`channels:read`, `groups:read` for private channels). A channel the
 * app cannot read counts as nobody's: the reply is refused, and the reason logged for admins.
 * https://docs.slack.dev/reference/methods/conversations.members
 */
export const createChannelMembership =
  (client: WebClient, logger: AppLogger) =>
  async (channelId: string, slackUserId: string): Promise<boolean> => {
    let cursor: string | undefined;
    try {
      do {
        const page = await client.conversations.members({
          channel: channelId,
          limit: MEMBERS_PAGE_SIZE,
          ...(cursor === undefined ? {} : { cursor }),
        });
        if (page.members?.includes(slackUserId) === true) return true;
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor !== undefined);
    } catch (error) {
      const code = (error as { data?: { error?: unknown } }).data?.error;
      logger.warn(
        { channel: channelId, slackError: typeof code === 'string' ? code : 'unknown' },
        'could not read the routed channel’s members; replies from it are refused',
      );
    }
    return false;
  };

/**
 * Posts a reply sent from Slack into its conversation's thread (`chat.postMessage` with
 * `thread_ts`), rendered in UTC for the fallback text: Slack date tokens show every reader their
 * own time. https://docs.slack.dev/reference/methods/chat.postMessage
 */
export const createReplyPublisher =
  (client: WebClient, options: { readonly showText: boolean; readonly now: () => Date }) =>
  async (thread: InboxThread, reply: PublishedReply): Promise<void> => {
    const ctx: RenderContext = { now: options.now(), timeZone: 'UTC' };
    const message = renderSentReply(reply, ctx, { showText: options.showText });
    await client.chat.postMessage({
      channel: thread.channelId,
      thread_ts: thread.threadTs,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  };
