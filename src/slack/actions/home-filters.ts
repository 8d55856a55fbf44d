import type { BlockAction, BlockElementAction } from '@slack/bolt';
import {
  applyFilterChange,
  clearFilters,
  type HomeFilters,
  toListArgs,
} from '../../core/home-filters.js';
import { AppError } from '../../errors.js';
import { HOME_ACTION_IDS } from '../../surface/home-ids.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { homeActionLogger } from './home-action-logger.js';
import { deliverHome } from './home-deliver.js';

/** Home controls that change the filters at once, then show page 1 of the new listing. */
const FILTER_ACTION_IDS = [
  HOME_ACTION_IDS.pickUser,
  HOME_ACTION_IDS.clearFilters,
  HOME_ACTION_IDS.refresh,
] as const;

/**
 * The filters a control's `block_actions` payload asks for: the admin's pick of a person (from
 * clean filters), the defaults for the same person (Clear filters), or the same (Refresh).
 * @throws AppError `BAD_BUTTON` when the element is not the kind the view put there.
 */
const filtersAfter = (action: BlockElementAction, stored: HomeFilters): HomeFilters => {
  switch (action.action_id) {
    case HOME_ACTION_IDS.pickUser:
      if (action.type !== 'users_select') {
        throw new AppError('BAD_BUTTON', `Home control sent a ${action.type}, not a users_select`);
      }
      return applyFilterChange(stored, { kind: 'subject', slackUserId: action.selected_user });
    case HOME_ACTION_IDS.clearFilters:
      return clearFilters(stored);
    default:
      return stored;
  }
};

/**
 * The admin's person picker, **Clear filters** and **Refresh** on the Home tab: ack at once,
 * apply the change to the person's stored filters and publish page 1 of the listing, built
 * through the same `ListArgs` → `SessionsCore.start` path as the command, so long ranges (a
 * month at a time, capped by `MAX_RANGE_MONTHS`) and their messages are shared. Payload values
 * are untrusted: an element of another kind is `BAD_BUTTON`, and a picked person is listed only
 * through `SessionsCore.page`, which refuses a non-admin's forged pick before any Zoom call (see
 * {@link deliverHome} for what is saved). The other filters are changed in the Filters… modal
 * (src/slack/actions/home-filters-modal.ts).
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const registerHomeFilterActions = (app: Listeners, deps: SlackDeps): void => {
  for (const actionId of FILTER_ACTION_IDS) {
    app.action<BlockAction>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = homeActionLogger(deps.logger, actionId, actor);
      await deliverHome(
        { deps, client, actor, hash: body.view?.hash, logger },
        {
          filters: (stored) => filtersAfter(action, stored),
          locate: (filters) => deps.core.start(actor, toListArgs(filters, actor)),
        },
      );
    });
  }
};
