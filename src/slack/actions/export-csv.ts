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
import type { UploadedFile } from '../upload-file.js';
import { viewerModel } from '../viewer.js';
import { createProgressPoster } from './export-progress.js';

/**
 * The app's direct messages (its Messages tab, read-only) for a person of `team`, when Slack
 * gave no permalink for the file. https://api.slack.com/reference/deep-linking#app_channel
 */
const appMessagesLink = (appId: string | undefined, teamId: string | undefined) =>
  appId === undefined || teamId === undefined
    ? undefined
    : `https://slack.com/app_redirect?app=${encodeURIComponent(appId)}&team=${encodeURIComponent(teamId)}`;

/**
 * Export CSV under a listing: ack, then read every session of the listing's query (the core
 * re-authorises the clicker and caps the count), keep the listing where it is and say the export
 * started as its own small ephemeral ({@link createProgressPoster}), write the CSV, upload it to
 * the person's DM, and end with one more small ephemeral: what was exported, a link to the file,
 * and what was not. Failures too come as their own ephemeral, never in the listing's place. https://docs.slack.dev/messaging/working-with-files#uploading_files
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
          replaceOriginal: false,
          interim: false,
          viewerContext: () => deps.core.viewerContext(actor),
          viewer: () => viewerModel(deps.access, actor),
          now: () => deps.clock.now(),
          recovery: () => (cursor === undefined ? {} : { retry: cursor }),
        },
        async () => {
          cursor = decodeCursor(action.value ?? '');
          const listCursor = cursor;
          const progress = createProgressPoster(respond, logger);
          const { result, ctx } = await deps.exporter.collect(actor, listCursor, progress);
          if (result.sessions.length === 0) return renderExportOutcome(result, ctx);
          let uploaded: UploadedFile;
          try {
            uploaded = await deps.uploader.uploadToDirectMessage(actor, {
              filename: exportFileName(result, ctx),
              title: 'SMS conversations',
              content: sessionsCsv(result.sessions, ctx.timeZone),
              comment: renderExportComment(result, ctx),
            });
          } catch (caught) {
            const error = toAppError(caught);
            logFailure(logger, error);
            return renderExportOutcome(result, ctx, undefined, error);
          }
          return renderExportOutcome(
            result,
            ctx,
            uploaded.permalink ?? appMessagesLink(body.api_app_id, body.team?.id),
          );
        },
      );
    },
  );
};
