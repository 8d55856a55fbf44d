import { setTimeout as delay } from 'node:timers/promises';
import type { ViewsPublishArguments, ViewsPublishResponse } from '@slack/web-api';
import type { AppLogger } from '../logger.js';

/** How long to wait on a `ratelimited` answer that names no time. */
export const DEFAULT_VIEWS_RATE_LIMIT_WAIT_MS = 1_000;

/** How hard {@link publishView} tries when Slack rate-limits `views.publish`. */
export interface PublishViewPolicy {
  /** Tries after the first one, each after the wait Slack asked for. */
  readonly maxRetries: number;
  /** The longest wait worth making; a longer `Retry-After` is thrown at once. */
  readonly maxWaitMs: number;
}

/** Two retries, each after at most 30 seconds: a Home tab is worth a short wait, not a long one. */
export const DEFAULT_PUBLISH_VIEW_POLICY: PublishViewPolicy = { maxRetries: 2, maxWaitMs: 30_000 };

/** The part of Bolt's `client` this needs (tests pass a plain object). */
export interface ViewsPublisher {
  readonly views: { publish(args: ViewsPublishArguments): Promise<ViewsPublishResponse> };
}

/** Options for {@link publishView}; `sleep` is a seam for tests. */
export interface PublishViewOptions {
  readonly policy?: Partial<PublishViewPolicy>;
  readonly logger?: AppLogger;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * How long Slack asked to wait, when `error` is a rate limit: `WebAPIRateLimitedError`
 * (`retryAfter` in seconds, thrown when the client rejects rate-limited calls) or a
 * `ratelimited` platform error (its `response_metadata.retryAfter`, when Slack sent one). Read
 * by `code`, not `instanceof`, so errors from another copy of @slack/web-api count too.
 * `undefined` for every other error.
 */
export const rateLimitWaitMs = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  if (error.code === 'slack_webapi_rate_limited_error') {
    const seconds = 'retryAfter' in error ? Number(error.retryAfter) : Number.NaN;
    return Number.isFinite(seconds) ? seconds * 1000 : DEFAULT_VIEWS_RATE_LIMIT_WAIT_MS;
  }
  if (error.code !== 'slack_webapi_platform_error' || !('data' in error)) return undefined;
  const data = error.data as { error?: unknown; response_metadata?: { retryAfter?: unknown } };
  if (data.error !== 'ratelimited') return undefined;
  const seconds = Number(data.response_metadata?.retryAfter);
  return Number.isFinite(seconds) ? seconds * 1000 : DEFAULT_VIEWS_RATE_LIMIT_WAIT_MS;
};

/**
 * `views.publish` that honours Slack's rate limits: a rate-limited call is tried again after the
 * `Retry-After` Slack gave, at most `maxRetries` times and never after a wait longer than
 * `maxWaitMs`; then the rate-limit error is thrown for the caller to log. Any other error is
 * thrown at once. `views.publish` is Tier 4 and also limited per user, so a burst of Home tab
 * openings can meet it. Pass `hash` in `args` to avoid overwriting a newer view.
 * https://docs.slack.dev/reference/methods/views.publish
 * https://docs.slack.dev/apis/web-api/rate-limits
 */
export const publishView = async (
  client: ViewsPublisher,
  args: ViewsPublishArguments,
  options: PublishViewOptions = {},
): Promise<ViewsPublishResponse> => {
  const policy = { ...DEFAULT_PUBLISH_VIEW_POLICY, ...options.policy };
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  for (let retries = 0; ; retries += 1) {
    try {
      return await client.views.publish(args);
    } catch (error) {
      const waitMs = rateLimitWaitMs(error);
      if (waitMs === undefined || retries >= policy.maxRetries || waitMs > policy.maxWaitMs) {
        throw error;
      }
      options.logger?.warn({ method: 'views.publish', retryInMs: waitMs }, 'Slack rate limit');
      await sleep(waitMs);
    }
  }
};
