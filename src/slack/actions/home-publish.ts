import type { HomeView } from '@slack/types';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { PublishView } from '../../core/home-publish.js';

/** Slack's answer to a `views.publish` whose `hash` is no longer the tab's. */
const HASH_CONFLICT = 'hash_conflict';

const isHashConflict = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  return code === ErrorCode.PlatformError && data?.error === HASH_CONFLICT;
};

/**
 * `views.publish` for a person's Home tab with the given `hash`, as the core's
 * {@link PublishView} port: `hash_conflict` becomes a result the core decides on; every other
 * failure (after the Web API client's own retries) is thrown.
 * https://docs.slack.dev/reference/methods/views.publish
 */
export const createHomePublisher =
  (client: WebClient): PublishView<HomeView> =>
  async (slackUserId, view, hash) => {
    try {
      const result = await client.views.publish({
        user_id: slackUserId,
        view,
        ...(hash === undefined ? {} : { hash }),
      });
      return { kind: 'published', hash: result.view?.hash };
    } catch (error) {
      if (isHashConflict(error)) return { kind: 'hash-conflict' };
      throw error;
    }
  };
