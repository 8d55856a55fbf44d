import { z } from 'zod';
import { toListArgs } from '../../core/home-filters.js';
import { deliverHome } from '../actions/home-deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';

const viewWithHash = z.object({ hash: z.string().min(1) });

/** The `hash` of the Home view the event carries (present once a view was published). */
const viewHash = (view: unknown): string | undefined => {
  const parsed = viewWithHash.safeParse(view);
  return parsed.success ? parsed.data.hash : undefined;
};

/**
 * `app_home_opened` on the Home tab: Bolt acknowledges the event at once; then, unless the
 * same person opened the tab moments ago (see `HOME_OPEN_DEBOUNCE_MS`: no Zoom call and no
 * `views.publish` for a repeat), publish "Loading…" and then page 1 of their conversations with
 * the filters they chose last time. The Messages tab is ignored.
 * https://docs.slack.dev/reference/events/app_home_opened
 */
export const registerAppHomeOpened = (app: Listeners, deps: SlackDeps): void => {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const actor = event.user;
    const logger = deps.logger.child({ kind: 'event', event: 'app_home_opened', user: actor });
    const first = await deps.home.claimOpen(actor).catch((error: unknown) => {
      logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'could not read when the Home tab was last opened',
      );
      return true;
    });
    if (!first) {
      logger.debug('Home tab opened again within the debounce window: left as it is');
      return;
    }
    await deliverHome(
      { deps, client, actor, hash: viewHash(event.view), logger },
      {
        filters: (stored) => stored,
        locate: (filters) => deps.core.start(actor, toListArgs(filters, actor)),
      },
    );
  });
};
