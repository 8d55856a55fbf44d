import type { BlockButtonAction, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import {
  applyFiltersForm,
  filtersForViewer,
  type HomeFilters,
  type HomeFiltersForm,
  toListArgs,
} from '../../core/home-filters.js';
import { toAppError } from '../../errors.js';
import { reportOutcome } from '../../ops/request-context.js';
import { filterFieldErrors, renderHomeFiltersModal } from '../../render/home-filters-modal.js';
import { HOME_ACTION_IDS, HOME_FILTERS_IDS } from '../../surface/home-ids.js';
import { logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { homeActionLogger } from './home-action-logger.js';
import { deliverHome } from './home-deliver.js';

/** Said beside the first field when the filters could not be checked (the store or Slack failed). */
const NOT_APPLIED = 'The filters could not be applied just now, so nothing changed. Try again.';

/** The submitted values of the Filters… modal, as Slack sends them (untrusted). */
const formOf = (view: ViewOutput): HomeFiltersForm => {
  const ids = HOME_FILTERS_IDS;
  const field = (block: string, action: string) => view.state.values[block]?.[action];
  return {
    sessionType: field(ids.typeBlock, ids.typeAction)?.selected_option?.value,
    filterType: field(ids.matchBlock, ids.matchAction)?.selected_option?.value,
    from: field(ids.fromBlock, ids.fromAction)?.selected_date,
    to: field(ids.toBlock, ids.toAction)?.selected_date,
    phone: field(ids.phoneBlock, ids.phoneAction)?.value,
  };
};

/** The person's filters as they may use them (an admin's pick only for admins). */
const storedFilters = async (deps: SlackDeps, actor: string): Promise<HomeFilters> => {
  const isAdmin = await deps.access.isAdmin(actor);
  return filtersForViewer(await deps.home.filters(actor), actor, isAdmin);
};

/**
 * **Filters…** on the Home tab and its modal. The button opens the modal at once with the
 * click's `trigger_id` (it lives 3 seconds), showing the person's filters. Apply is checked
 * within Slack's 3-second ack, as the command checks its options (`SessionsCore.start`: dates in
 * the person's zone, `MAX_RANGE_MONTHS`, the phone number), without asking Zoom: what cannot
 * work is answered beside its field (`response_action: "errors"`), what the person typed kept.
 * Otherwise the modal closes, the filters are saved and page 1 of the new listing is published.
 * https://docs.slack.dev/surfaces/modals#handling_submissions
 */
export const registerHomeFiltersModal = (app: Listeners, deps: SlackDeps): void => {
  app.action<BlockButtonAction>(
    HOME_ACTION_IDS.openFilters,
    async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = homeActionLogger(deps.logger, action.action_id, actor);
      try {
        const view = renderHomeFiltersModal(await storedFilters(deps, actor));
        await client.views.open({ trigger_id: body.trigger_id, view });
        reportOutcome('OK');
      } catch (error) {
        logger.warn(
          { err: { message: error instanceof Error ? error.message : String(error) } },
          'the filters modal could not be opened',
        );
      }
    },
  );

  app.view<ViewSubmitAction>(HOME_FILTERS_IDS.callbackId, async ({ ack, body, view, client }) => {
    const actor = body.user.id;
    const logger = homeActionLogger(deps.logger, HOME_FILTERS_IDS.callbackId, actor);
    const form = formOf(view);
    let filters: HomeFilters;
    try {
      filters = applyFiltersForm(await storedFilters(deps, actor), form);
      await deps.core.start(actor, toListArgs(filters, actor));
    } catch (caught) {
      const error = toAppError(caught);
      const errors = filterFieldErrors(error);
      if (errors === undefined) logFailure(logger, error);
      else reportOutcome(error.code);
      await ack({
        response_action: 'errors',
        errors: errors ?? { [HOME_FILTERS_IDS.typeBlock]: NOT_APPLIED },
      });
      return;
    }
    await ack();
    await deliverHome(
      { deps, client, actor, hash: undefined, logger },
      {
        filters: (stored) => applyFiltersForm(stored, form),
        locate: (chosen) => deps.core.start(actor, toListArgs(chosen, actor)),
      },
    );
  });
};
