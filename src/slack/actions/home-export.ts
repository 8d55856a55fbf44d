import type { App, BlockButtonAction } from '@slack/bolt';
import { toAppError } from '../../errors.js';
import { reportOutcome } from '../../ops/request-context.js';
import { decodeCursor } from '../../query/cursor-wire.js';
import { renderError } from '../../render/error-message.js';
import { renderExportWorking, renderOutcomeModal } from '../../render/home-side-modals.js';
import type { RenderedMessage } from '../../render/types.js';
import { HOME_ACTION_IDS } from '../../surface/home-ids.js';
import { logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import { exportToDirectMessage } from '../export-to-dm.js';
import { answerInModalOrDm, openSideModal } from '../side-modal.js';
import { errorContext } from './conversation-deliver.js';

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
export const registerHomeExportAction = (app: App, deps: SlackDeps): void => {
  app.action<BlockButtonAction>(
    HOME_ACTION_IDS.exportCsv,
    async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = deps.logger.child({
        kind: 'home-action',
        action: action.action_id,
        user: actor,
      });
      const viewId = await openSideModal(client, body.trigger_id, renderExportWorking(), logger);
      let message: RenderedMessage;
      try {
        message = await exportToDirectMessage(
          { ...deps, logger },
          actor,
          decodeCursor(action.value ?? ''),
          {
            appId: body.api_app_id,
            teamId: body.team?.id,
          },
        );
        reportOutcome('OK');
      } catch (caught) {
        const error = toAppError(caught);
        logFailure(logger, error);
        message = renderError(error, await errorContext(deps, actor));
      }
      await answerInModalOrDm(
        client,
        { viewId, actor },
        { view: renderOutcomeModal('export', message), message },
        logger,
      );
    },
  );
};
