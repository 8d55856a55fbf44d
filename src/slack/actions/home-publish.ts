import type { HomeView } from '@slack/types';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { PublishView } from '../../core/home-publish.js';
import type { AppLogger } from '../../logger.js';
import { publishView } from '../publish-view.js';

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
 * failure is thrown after the Web API client's retries and {@link publishView}'s bounded waits on
 * Slack's rate limit (Tier 4).
 * https://docs.slack.dev/reference/methods/views.publish
 */
export const createHomePublisher =
  (client: WebClient, logger: AppLogger): PublishView<HomeView> =>
  async (slackUserId, view, hash) => {
    try {
      const result = await publishView(
        client,
        { user_id: slackUserId, view, ...(hash === undefined ? {} : { hash }) },
        { logger },
      );
      return { kind: 'published', hash: result.view?.hash };
    } catch (error) {
      if (isHashConflict(error)) return { kind: 'hash-conflict' };
      throw error;
    }
  };
