import { z } from 'zod';
import { type BlockJson, withSlackIds } from './surface-ids.js';
import { PLAYGROUND_WORKSPACE } from './workspace.js';

/**
 * A Home tab holds at most 100 blocks.
 * https://docs.slack.dev/reference/views/home-views
 */
export const HOME_VIEW_MAX_BLOCKS = 100;

/** A published Home tab, as Slack returns it from `views.publish` and sends it in payloads. */
export interface HomeViewJson {
  readonly id: string;
  readonly team_id: string;
  readonly type: 'home';
  readonly blocks: readonly BlockJson[];
  readonly private_metadata: string;
  readonly callback_id: string;
  readonly external_id: string;
  readonly state: { readonly values: Record<string, never> };
  readonly hash: string;
  readonly title: { readonly type: 'plain_text'; readonly text: string };
  readonly clear_on_close: false;
  readonly notify_on_close: false;
  readonly close: null;
  readonly submit: null;
  readonly previous_view_id: null;
  readonly root_view_id: string;
  readonly app_id: string;
  readonly app_installed_team_id: string;
  readonly bot_id: string;
}

/** One person's Home tab and how many times it was published. */
export interface PublishedHome {
  readonly userId: string;
  readonly view: HomeViewJson;
  /** 1 for the first publish, +1 each time. */
  readonly revision: number;
}

/** `views.publish`'s `view` argument (the app sends it as JSON, or a JSON string in a form). */
const viewSchema = z.object({
  type: z.literal('home'),
  blocks: z.array(z.unknown()).max(HOME_VIEW_MAX_BLOCKS),
  private_metadata: z.string().max(3000).optional(),
  callback_id: z.string().max(255).optional(),
  external_id: z.string().optional(),
});

/** Slack's answer to `views.publish`. */
export type PublishResult =
  | { readonly ok: true; readonly view: HomeViewJson }
  | { readonly ok: false; readonly error: string };

/** Every person's Home tab. */
export interface HomeViews {
  /** `views.publish`: replaces `userId`'s Home tab unless `hash` is given and stale. */
  publish(userId: string, view: unknown, hash?: string): PublishResult;
  get(userId: string): PublishedHome | undefined;
  list(): readonly PublishedHome[];
}

/**
 * The Home tabs the app publishes, one per person, with Slack's checks: a `home` view of at most
 * 100 blocks, and `hash_conflict` when the app passes the hash of a version that has since been
 * replaced (how Slack stops two updates from racing).
 * https://docs.slack.dev/reference/methods/views.publish
 */
export const createHomeViews = (options: {
  readonly onChange: (home: PublishedHome) => void;
}): HomeViews => {
  const homes = new Map<string, PublishedHome>();
  let published = 0;
  return {
    publish: (userId, view, hash) => {
      const parsed = viewSchema.safeParse(view);
      if (!parsed.success) return { ok: false, error: 'invalid_arguments' };
      const current = homes.get(userId);
      if (hash !== undefined && current !== undefined && current.view.hash !== hash) {
        return { ok: false, error: 'hash_conflict' };
      }
      published += 1;
      const id = current?.view.id ?? `V0HOME${String(homes.size + 1).padStart(4, '0')}`;
      const stored: HomeViewJson = {
        id,
        team_id: PLAYGROUND_WORKSPACE.teamId,
        type: 'home',
        blocks: withSlackIds(parsed.data.blocks, `h${published}-`),
        private_metadata: parsed.data.private_metadata ?? '',
        callback_id: parsed.data.callback_id ?? '',
        external_id: parsed.data.external_id ?? '',
        state: { values: {} },
        hash: `${published}.playground`,
        title: { type: 'plain_text', text: 'View Title' },
        clear_on_close: false,
        notify_on_close: false,
        close: null,
        submit: null,
        previous_view_id: null,
        root_view_id: id,
        app_id: PLAYGROUND_WORKSPACE.appId,
        app_installed_team_id: PLAYGROUND_WORKSPACE.teamId,
        bot_id: PLAYGROUND_WORKSPACE.botId,
      };
      const home = { userId, view: stored, revision: (current?.revision ?? 0) + 1 };
      homes.set(userId, home);
      options.onChange(home);
      return { ok: true, view: stored };
    },
    get: (userId) => homes.get(userId),
    list: () => [...homes.values()],
  };
};
