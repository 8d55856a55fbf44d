import { WebClient } from '@slack/web-api';
import { type ChannelCheck, type InboxSlack, InboxSlackError } from '../core/inbox/slack-port.js';

/** Per-call timeout of the inbox's own Slack client. */
export const INBOX_SLACK_TIMEOUT_MS = 10_000;

interface WebApiFailure {
  readonly code?: string;
  readonly retryAfter?: number;
  readonly statusCode?: number;
  readonly data?: { readonly error?: unknown };
}

/** One Slack failure as an {@link InboxSlackError}: Slack's error code, or what went wrong on the way. */
const toInboxError = (error: unknown): InboxSlackError => {
  const failure = (error ?? {}) as WebApiFailure;
  if (failure.code === 'slack_webapi_rate_limited_error') {
    return new InboxSlackError(
      'rate_limited',
      typeof failure.retryAfter === 'number' ? failure.retryAfter * 1000 : undefined,
      { cause: error },
    );
  }
  if (typeof failure.data?.error === 'string') {
    return new InboxSlackError(failure.data.error, undefined, { cause: error });
  }
  if (failure.code === 'slack_webapi_http_error') {
    return new InboxSlackError(`http_${failure.statusCode ?? 'error'}`, undefined, {
      cause: error,
    });
  }
  return new InboxSlackError('request_failed', undefined, { cause: error });
};

const call = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw toInboxError(error);
  }
};

/**
 * The inbox's Slack, on its own `WebClient`: rate-limited calls are refused at once instead of
 * waited out inside the SDK (`rejectRateLimitedCalls`), and the SDK does not retry, so the
 * store-backed queue decides when to try again and keeps the channel's order meanwhile.
 * https://docs.slack.dev/tools/node-slack-sdk/web-api#rate-limits
 */
export const createInboxSlack = (options: {
  readonly token: string;
  readonly slackApiUrl: string;
  /** The app's Slack `fetch`, which seals the values of the buttons the inbox posts. */
  readonly fetch?: typeof fetch;
}): InboxSlack => {
  const client = new WebClient(options.token, {
    slackApiUrl: options.slackApiUrl,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: INBOX_SLACK_TIMEOUT_MS,
  });
  return {
    postMessage: async ({ channel, text, blocks, threadTs }) => {
      const answer = await call(() =>
        client.chat.postMessage({
          channel,
          text,
          blocks: blocks as never,
          unfurl_links: false,
          unfurl_media: false,
          ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        }),
      );
      if (typeof answer.ts !== 'string') throw new InboxSlackError('no_ts');
      return { channel: answer.channel ?? channel, ts: answer.ts };
    },
    openDirectMessage: async (slackUserId) => {
      const answer = await call(() => client.conversations.open({ users: slackUserId }));
      const id = answer.channel?.id;
      if (id === undefined) throw new InboxSlackError('no_channel');
      return id;
    },
    lookupByEmail: async (email) => {
      try {
        return (await client.users.lookupByEmail({ email })).user?.id;
      } catch (error) {
        const failure = toInboxError(error);
        if (failure.code === 'users_not_found') return undefined;
        throw failure;
      }
    },
    checkChannel: async (channelId): Promise<ChannelCheck> => {
      try {
        const { channel } = await client.conversations.info({ channel: channelId });
        if (channel?.is_archived === true) return { ok: false, code: 'is_archived' };
        if (channel?.is_member === false) return { ok: false, code: 'not_in_channel' };
        return {
          ok: true,
          ...(channel?.name === undefined ? {} : { name: channel.name }),
          isPrivate: channel?.is_private === true,
        };
      } catch (error) {
        return { ok: false, code: toInboxError(error).code };
      }
    },
  };
};
