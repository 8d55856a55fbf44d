import type { HomeState } from './home-state.js';

/** What one `views.publish` call came to. */
export type PublishResult =
  /** `hash` is the new view's, for the next publish; absent when Slack did not return one. */
  | { readonly kind: 'published'; readonly hash: string | undefined }
  /** Slack's `hash_conflict`: the tab changed since the hash passed was read. */
  | { readonly kind: 'hash-conflict' };

/**
 * Publishes `view` as `slackUserId`'s Home tab, passing `hash` when given (the adapter over
 * Slack's `views.publish`). https://docs.slack.dev/reference/methods/views.publish
 */
export type PublishView<V> = (
  slackUserId: string,
  view: V,
  hash: string | undefined,
) => Promise<PublishResult>;

/** What a publish of a {@link HomeUpdate} came to. */
export type UpdateOutcome = 'published' | 'superseded';

/** One update of a person's Home tab: a "Loading…" view, then the answer. */
export interface HomeUpdate<V> {
  /**
   * Publishes `view` unless a newer update of the same tab has begun, resolving to
   * `superseded` when it was dropped for that reason.
   */
  publish(view: V): Promise<UpdateOutcome>;
}

/** What {@link beginHomeUpdate} needs. */
export interface HomeUpdateDeps<V> {
  readonly state: HomeState;
  readonly publish: PublishView<V>;
}

/**
 * Starts an update of `slackUserId`'s Home tab, so that two updates never overwrite each other
 * out of order (two clicks in a row, a click during a re-open, two replicas):
 *
 * - the update registers itself as the newest ({@link HomeState.beginUpdate});
 * - each publish passes the hash of the view this update last saw (first the one the person
 *   acted on, then the one its own publish returned), so Slack refuses it with `hash_conflict`
 *   if anything else was published in between;
 * - before publishing, and again on a conflict, it re-reads whether it is still the newest: if
 *   not, it drops its view deliberately (the newer update will publish its own); if it is, what
 *   got in between was older, so it publishes again without a hash and wins.
 *
 * https://docs.slack.dev/reference/methods/views.publish
 */
export const beginHomeUpdate = async <V>(
  deps: HomeUpdateDeps<V>,
  slackUserId: string,
  hash: string | undefined,
): Promise<HomeUpdate<V>> => {
  const ticket = await deps.state.beginUpdate(slackUserId);
  let lastHash = hash;
  const isNewest = () => deps.state.isLatestUpdate(slackUserId, ticket);
  return {
    publish: async (view) => {
      if (!(await isNewest())) return 'superseded';
      let result = await deps.publish(slackUserId, view, lastHash);
      if (result.kind === 'hash-conflict') {
        if (!(await isNewest())) return 'superseded';
        result = await deps.publish(slackUserId, view, undefined);
        if (result.kind === 'hash-conflict') return 'superseded';
      }
      lastHash = result.hash;
      return 'published';
    },
  };
};
