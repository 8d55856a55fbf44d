import type { BlockButtonAction } from '@slack/bolt';
import { decodeCursor } from '../../query/cursor-wire.js';
import { HOME_PAGE_ACTION_IDS } from '../../surface/ids.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { homeActionLogger } from './home-action-logger.js';
import { deliverHome } from './home-deliver.js';

/**
 * Next / Previous / Start over / Try again in the Home tab. The button's value is an untrusted page
 * cursor: it is decoded strictly (`BAD_BUTTON` otherwise) and `SessionsCore.page` re-checks that
 * the *clicker* may see its subject before any Zoom call. The answer is published to the
 * clicker's Home tab (Home actions carry no `response_url`); the filters shown stay the stored
 * ones.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const registerHomePagingActions = (app: Listeners, deps: SlackDeps): void => {
  for (const actionId of HOME_PAGE_ACTION_IDS) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = homeActionLogger(deps.logger, actionId, actor);
      await deliverHome(
        { deps, client, actor, hash: body.view?.hash, logger },
        {
          filters: (stored) => stored,
          locate: async () => ({ cursor: decodeCursor(action.value ?? ''), notes: [] }),
        },
      );
    });
  }
};
