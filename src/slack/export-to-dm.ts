import { type AppError, toAppError } from '../errors.js';
import { sessionsCsv } from '../export/sessions-csv.js';
import type { PageCursor } from '../query/cursor.js';
import {
  exportFileName,
  renderExportComment,
  renderExportOutcome,
} from '../render/export-messages.js';
import type { RenderedMessage } from '../render/types.js';
import { logFailure } from './deliver.js';
import type { SlackDeps } from './deps.js';

/** What the export core collected for a file. */
type ExportCollected = Awaited<ReturnType<SlackDeps['exporter']['collect']>>;

/** Where the app's direct messages are, for a link when Slack gave no permalink for the file. */
export interface AppMessagesPlace {
  readonly appId: string | undefined;
  readonly teamId: string | undefined;
}

/**
 * The app's direct messages (its Messages tab, read-only) for a person of `team`.
 * https://api.slack.com/reference/deep-linking#app_channel
 */
const appMessagesLink = ({ appId, teamId }: AppMessagesPlace): string | undefined =>
  appId === undefined || teamId === undefined
    ? undefined
    : `https://slack.com/app_redirect?app=${encodeURIComponent(appId)}&team=${encodeURIComponent(teamId)}`;

/** How the upload of an export went: a link to the file, or why Slack refused it. */
export interface ExportUpload {
  readonly fileLink?: string;
  readonly uploadError?: AppError;
}

/**
 * Uploads the CSV of `collected` to `actor`'s direct message with the app, with its comment
 * (what it holds and what it does not). A refused upload is logged and answered, not thrown, so
 * the caller can still say what was collected.
 * https://docs.slack.dev/messaging/working-with-files#uploading_files
 */
export const uploadExport = async (
  deps: Pick<SlackDeps, 'uploader' | 'logger'>,
  actor: string,
  { result, ctx }: ExportCollected,
  place: AppMessagesPlace,
): Promise<ExportUpload> => {
  try {
    const uploaded = await deps.uploader.uploadToDirectMessage(actor, {
      filename: exportFileName(result, ctx),
      title: 'SMS conversations',
      content: sessionsCsv(result.sessions, ctx.timeZone),
      comment: renderExportComment(result, ctx),
    });
    const fileLink = uploaded.permalink ?? appMessagesLink(place);
    return fileLink === undefined ? {} : { fileLink };
  } catch (caught) {
    const uploadError = toAppError(caught);
    logFailure(deps.logger, uploadError);
    return { uploadError };
  }
};

/**
 * Exports every conversation of `cursor`'s query to a CSV file in `actor`'s direct message with
 * the app: the export core re-authorises the actor, caps the count and audits it; the file goes
 * up with {@link uploadExport}. Resolves to the last word, as {@link renderExportOutcome} writes
 * it (sent, with a link to the file; nothing to export; or Slack refused the upload).
 * @throws AppError as `ExportCore.collect` does, when not even the first page came.
 */
export const exportToDirectMessage = async (
  deps: Pick<SlackDeps, 'exporter' | 'uploader' | 'logger'>,
  actor: string,
  cursor: PageCursor,
  place: AppMessagesPlace,
): Promise<RenderedMessage> => {
  const collected = await deps.exporter.collect(actor, cursor);
  const { result, ctx } = collected;
  if (result.sessions.length === 0) return renderExportOutcome(result, ctx);
  const { fileLink, uploadError } = await uploadExport(deps, actor, collected, place);
  return renderExportOutcome(result, ctx, fileLink, uploadError);
};
