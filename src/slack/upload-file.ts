import type { WebClient } from '@slack/web-api';
import { AppError } from '../errors.js';
import { toSlackAppError } from './web-api-error.js';

/** A text file for one person. */
export interface DirectFile {
  readonly filename: string;
  readonly title: string;
  /** UTF-8 text; sent as its bytes. */
  readonly content: string;
  /** The message posted with the file (mrkdwn). */
  readonly comment: string;
}

/** A file the app shared. */
export interface UploadedFile {
  /** Slack's link to the file (`files.completeUploadExternal` → `files[0].permalink`), if given. */
  readonly permalink?: string;
}

/** Puts files in a person's direct message with the app. */
export interface FileUploader {
  /**
   * Opens (or finds) the direct message with `slackUserId` and uploads `file` there; resolves
   * to the file's `permalink` when Slack gave one.
   * @throws AppError `SLACK_UPLOAD_FAILED` with Slack's error string as `detail.value`.
   */
  uploadToDirectMessage(slackUserId: string, file: DirectFile): Promise<UploadedFile>;
}

/**
 * Slack's upload flow, step by step so each failure is named: `conversations.open` (scope
 * `im:write`) for the DM, `files.getUploadURLExternal` for a one-time URL, the bytes POSTed to
 * it, then `files.completeUploadExternal` shares the file in the DM with its comment (scope
 * `files:write`). `fetch` posts the bytes: the upload URL is not a Web API method.
 * https://docs.slack.dev/messaging/working-with-files#uploading_files
 */
export const createFileUploader = (
  client: WebClient,
  fetchImpl: typeof globalThis.fetch = globalThis.fetch,
): FileUploader => ({
  uploadToDirectMessage: async (slackUserId, file) => {
    try {
      const opened = await client.conversations.open({ users: slackUserId });
      const channel = opened.channel?.id;
      if (channel === undefined) throw new AppError('SLACK_UPLOAD_FAILED', 'No DM channel id');
      const bytes = Buffer.from(file.content, 'utf8');
      const target = await client.files.getUploadURLExternal({
        filename: file.filename,
        length: bytes.byteLength,
      });
      if (target.upload_url === undefined || target.file_id === undefined) {
        throw new AppError('SLACK_UPLOAD_FAILED', 'Slack gave no upload URL');
      }
      const posted = await fetchImpl(target.upload_url, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: bytes,
      });
      if (!posted.ok) {
        throw new AppError('SLACK_UPLOAD_FAILED', `Upload URL answered ${posted.status}`, {
          detail: { status: posted.status },
        });
      }
      const completed = await client.files.completeUploadExternal({
        files: [{ id: target.file_id, title: file.title }],
        channel_id: channel,
        initial_comment: file.comment,
      });
      const permalink = completed.files?.[0]?.permalink;
      return permalink === undefined ? {} : { permalink };
    } catch (error) {
      throw toSlackAppError('SLACK_UPLOAD_FAILED', error);
    }
  },
});
