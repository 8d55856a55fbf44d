import type { BlockCheckboxesAction } from '@slack/bolt';
import { toListArgs } from '../../core/home-filters.js';
import { HOME_NOTIFY_VALUE } from '../../render/home-notify.js';
import { INBOX_ACTION_IDS } from '../../surface/ids.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { homeActionLogger } from './home-action-logger.js';
import { deliverHome } from './home-deliver.js';

/**
 * The Home tab's notification switch: ack, save the clicker's choice (never a value from the
 * payload but the ticked option), then publish the tab again with the switch as saved and the
 * same listing. https://docs.slack.dev/reference/block-kit/block-elements/checkboxes-element
 */
export const registerHomeNotifyAction = (app: Listeners, deps: SlackDeps): void => {
  app.action<BlockCheckboxesAction>(
    INBOX_ACTION_IDS.homeNotify,
    async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = homeActionLogger(deps.logger, action.action_id, actor);
      const on = action.selected_options.some((option) => option.value === HOME_NOTIFY_VALUE);
      try {
        await deps.inbox.notify(actor, on);
      } catch (error) {
        logger.warn(
          { err: { message: error instanceof Error ? error.message : String(error) } },
          'the notification choice could not be saved',
        );
      }
      await deliverHome(
        { deps, client, actor, hash: body.view?.hash, logger },
        {
          filters: (stored) => stored,
          locate: (filters) => deps.core.start(actor, toListArgs(filters, actor)),
        },
      );
    },
  );
};
