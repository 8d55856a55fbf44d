import type { App, BlockButtonAction } from '@slack/bolt';
import { toAppError } from '../../errors.js';
import { sessionsCsv } from '../../export/sessions-csv.js';
import type { PageCursor } from '../../query/cursor.js';
import { decodeCursor } from '../../query/cursor-wire.js';
import {
  exportFileName,
  renderExportComment,
  renderExportOutcome,
} from '../../render/export-messages.js';
import { SESSION_ACTION_IDS } from '../../surface/ids.js';
import { deliver, logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import { viewerModel } from '../viewer.js';
import { createProgressPoster } from './export-progress.js';

/**
 * Export CSV under a listing: ack, then read every session of the listing's query (the core
 * re-authorises the clicker and caps the count), show progress in place of the listing through
 * the click's `response_url` (throttled by {@link createProgressPoster}, within its 5 uses), write the CSV, upload it to the person's DM, and end with what was exported and what
 * was not. https://docs.slack.dev/messaging/working-with-files#uploading_files
 */
export const registerExportCsvAction = (app: App, deps: SlackDeps): void => {
  app.action<BlockButtonAction>(
    SESSION_ACTION_IDS.exportCsv,
    async ({ ack, body, action, respond }) => {
      await ack();
      const actor = body.user.id;
      const logger = deps.logger.child({ kind: 'action', action: action.action_id, user: actor });
      let cursor: PageCursor | undefined;
      await deliver(
        {
          respond,
          logger,
          replaceOriginal: true,
          viewerContext: () => deps.core.viewerContext(actor),
          viewer: () => viewerModel(deps.access, actor),
          now: () => deps.clock.now(),
          recovery: () => (cursor === undefined ? {} : { retry: cursor }),
        },
        async () => {
          cursor = decodeCursor(action.value ?? '');
          const listCursor = cursor;
          const progress = createProgressPoster(respond, deps.clock, logger, deps.exporter.cap);
          const { result, ctx } = await deps.exporter.collect(actor, listCursor, progress);
          if (result.sessions.length === 0) return renderExportOutcome(result, ctx, listCursor);
          try {
            await deps.uploader.uploadToDirectMessage(actor, {
              filename: exportFileName(result),
              title: 'SMS conversations',
              content: sessionsCsv(result.sessions, ctx.timeZone),
              comment: renderExportComment(result, ctx),
            });
          } catch (caught) {
            const error = toAppError(caught);
            logFailure(logger, error);
            return renderExportOutcome(result, ctx, listCursor, error);
          }
          return renderExportOutcome(result, ctx, listCursor);
        },
      );
    },
  );
};
