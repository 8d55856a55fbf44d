import type { BlockButtonAction } from '@slack/bolt';
import { decodeCursor } from '../../query/cursor-wire.js';
import { renderExportWorking } from '../../render/home-side-modals.js';
import { HOME_ACTION_IDS } from '../../surface/home-ids.js';
import type { SlackDeps } from '../deps.js';
import { exportToDirectMessage } from '../export-to-dm.js';
import type { Listeners } from '../listener-table.js';
import { openSideModal } from '../side-modal.js';
import { homeActionLogger } from './home-action-logger.js';
import { finishSideAction } from './home-side-action.js';

/**
 * Export CSV on the Home tab, with the Home listing's current query (the button's page cursor):
 * ack, open a small modal at once saying the export has started (the Home tab has no
 * `response_url`), export through the same core as under a listing message (the clicker
 * re-authorised, the count capped, one `export` audit entry), put the file in the person's
 * direct message with the app, then say in the modal what was sent, with a link to the file,
 * or why nothing was. When the modal was closed meanwhile, that answer comes as a direct
 * message instead.
 * https://docs.slack.dev/messaging/working-with-files#uploading_files
 */
export const registerHomeExportAction = (app: Listeners, deps: SlackDeps): void => {
  app.action<BlockButtonAction>(
    HOME_ACTION_IDS.exportCsv,
    async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = homeActionLogger(deps.logger, action.action_id, actor);
      const viewId = await openSideModal(client, body.trigger_id, renderExportWorking(), logger);
      await finishSideAction(deps, client, { kind: 'export', viewId, actor }, logger, () =>
        exportToDirectMessage({ ...deps, logger }, actor, decodeCursor(action.value ?? ''), {
          appId: body.api_app_id,
          teamId: body.team?.id,
        }),
      );
    },
  );
};
