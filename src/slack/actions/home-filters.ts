import type { App, BlockAction, BlockElementAction } from '@slack/bolt';
import { applyFilterChange, type HomeFilterChange, toListArgs } from '../../core/home-filters.js';
import { AppError } from '../../errors.js';
import { HOME_ACTION_IDS } from '../../surface/ids.js';
import type { SlackDeps } from '../deps.js';
import { deliverHome } from './home-deliver.js';

/** Home controls that change a filter, then show page 1 of the new listing. */
const FILTER_ACTION_IDS = [
  HOME_ACTION_IDS.sessionType,
  HOME_ACTION_IDS.filterType,
  HOME_ACTION_IDS.from,
  HOME_ACTION_IDS.to,
  HOME_ACTION_IDS.phone,
  HOME_ACTION_IDS.pickUser,
] as const;

type ElementType = BlockElementAction['type'];

const as = <T extends ElementType>(
  action: BlockElementAction,
  type: T,
): Extract<BlockElementAction, { type: T }> => {
  if (action.type !== type) {
    throw new AppError('BAD_BUTTON', `Home control sent a ${action.type}, not a ${type}`);
  }
  return action as Extract<BlockElementAction, { type: T }>;
};

/**
 * The filter change a control's `block_actions` payload asks for, or `undefined` for Refresh.
 * @throws AppError `BAD_BUTTON` when the element is not the kind the view put there.
 */
const changeOf = (action: BlockElementAction): HomeFilterChange | undefined => {
  switch (action.action_id) {
    case HOME_ACTION_IDS.sessionType:
      return { kind: 'session-type', value: as(action, 'static_select').selected_option?.value };
    case HOME_ACTION_IDS.filterType:
      return { kind: 'filter-type', value: as(action, 'static_select').selected_option?.value };
    case HOME_ACTION_IDS.from:
      return { kind: 'from', date: as(action, 'datepicker').selected_date };
    case HOME_ACTION_IDS.to:
      return { kind: 'to', date: as(action, 'datepicker').selected_date };
    case HOME_ACTION_IDS.phone:
      return { kind: 'phone', text: as(action, 'plain_text_input').value };
    case HOME_ACTION_IDS.pickUser:
      return { kind: 'subject', slackUserId: as(action, 'users_select').selected_user };
    default:
      return undefined;
  }
};

/**
 * The Home tab's filter controls (session type, "dates match", From, To, phone number, the
 * admin's user picker) and **Refresh**: ack at once, apply the change to the person's stored
 * filters and publish page 1 of the new listing, built through the same `ListArgs` →
 * `SessionsCore.start` path as the command, so long ranges (a month at a time, capped by
 * `MAX_RANGE_MONTHS`) and their messages are shared.
 * Payload values are untrusted: a value no control offers is `BAD_BUTTON`, and a picked person
 * is listed only through `SessionsCore.page`, which refuses a non-admin's forged pick before any
 * Zoom call (see {@link deliverHome} for what is saved).
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const registerHomeFilterActions = (app: App, deps: SlackDeps): void => {
  for (const actionId of [...FILTER_ACTION_IDS, HOME_ACTION_IDS.refresh]) {
    app.action<BlockAction>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = deps.logger.child({ kind: 'home-action', action: actionId, user: actor });
      await deliverHome(
        { deps, client, actor, hash: body.view?.hash, logger },
        {
          filters: (stored) => {
            const change = changeOf(action);
            return change === undefined ? stored : applyFilterChange(stored, change);
          },
          locate: (filters) => deps.core.start(actor, toListArgs(filters, actor)),
        },
      );
    });
  }
};
