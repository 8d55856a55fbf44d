import type { BlockButtonAction } from '@slack/bolt';
import { type AppError, toAppError } from '../../errors.js';
import type { PageCursor } from '../../query/cursor.js';
import { decodeCursor } from '../../query/cursor-wire.js';
import { renderExportOutcome } from '../../render/export-messages.js';
import { renderSessionsPage } from '../../render/sessions-page.js';
import { SESSION_ACTION_IDS } from '../../surface/ids.js';
import { deliver, logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import { uploadExport } from '../export-to-dm.js';
import type { Listeners } from '../listener-table.js';
import { listingOptions } from '../listing-options.js';
import { viewerModel } from '../viewer.js';
import { createExportProgress } from './export-progress.js';

/**
 * Export CSV under a listing: ack, then read every session of the listing's query (the core
 * re-authorises the clicker and caps the count), write the CSV, upload it to the person's DM and
 * say what was exported, with a link to the file and what was not. The listing stays where it
 * is and carries the news in one line ({@link createExportProgress}: "Exporting… 200 so far",
 * then "CSV sent to your direct messages · Open file"), a failure included; when the listing
 * cannot be shown again, the news comes as small ephemerals of their own, as before.
 * https://docs.slack.dev/messaging/working-with-files#uploading_files
 */
export const registerExportCsvAction = (app: Listeners, deps: SlackDeps): void => {
  app.action<BlockButtonAction>(
    SESSION_ACTION_IDS.exportCsv,
    async ({ ack, body, action, respond }) => {
      await ack();
      const actor = body.user.id;
      const logger = deps.logger.child({ kind: 'action', action: action.action_id, user: actor });
      const viewer = () => viewerModel(deps.access, actor);
      let cursor: PageCursor | undefined;
      const progress = createExportProgress({
        respond,
        logger,
        nowMs: () => deps.clock.now().getTime(),
        show: async () => {
          if (cursor === undefined) throw new Error('no cursor yet');
          const [shown, reader] = await Promise.all([
            deps.core.reshow(actor, cursor),
            viewer().catch(() => undefined),
          ]);
          return reader === undefined ? shown : { ...shown, ctx: { ...shown.ctx, viewer: reader } };
        },
        render: (shown, status) =>
          renderSessionsPage(shown.model, shown.ctx, {
            ...listingOptions(deps.sharing),
            aside: { kind: 'export', status },
          }),
      });
      await deliver(
        {
          respond,
          logger,
          replaceOriginal: () => progress.inListing,
          keepOriginalOnError: true,
          interim: false,
          viewerContext: () => deps.core.viewerContext(actor),
          viewer,
          now: () => deps.clock.now(),
          recovery: () => (cursor === undefined ? {} : { retry: cursor }),
        },
        async () => {
          cursor = decodeCursor(action.value ?? '');
          const listCursor = cursor;
          let collected: Awaited<ReturnType<typeof deps.exporter.collect>>;
          try {
            collected = await deps.exporter.collect(actor, listCursor, progress.report);
          } catch (caught) {
            if (!progress.inListing) throw caught;
            const error = toAppError(caught);
            logFailure(logger, error);
            return progress.end({ kind: 'failed', error }, () => {
              throw error;
            });
          }
          const { result, ctx } = collected;
          const ended = (fileLink?: string, uploadError?: AppError) =>
            progress.end({ kind: 'ended', result, fileLink, uploadError }, () =>
              renderExportOutcome(result, ctx, fileLink, uploadError),
            );
          if (result.sessions.length === 0) return ended();
          const { fileLink, uploadError } = await uploadExport(
            { ...deps, logger },
            actor,
            collected,
            {
              appId: body.api_app_id,
              teamId: body.team?.id,
            },
          );
          return ended(fileLink, uploadError);
        },
      );
    },
  );
};
