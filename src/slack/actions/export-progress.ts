import type { RespondFn } from '@slack/bolt';
import type { ExportProgress } from '../../core/export.js';
import type { AppLogger } from '../../logger.js';
import { renderExportProgress } from '../../render/export-messages.js';

/**
 * Says an export has started, once, as its own small ephemeral beside the listing (through the
 * click's `response_url` with `replace_original: false`, so the listing the person was reading
 * stays). Later reports are not posted: a click's `response_url` can only replace the message
 * the button was on, so a progress message of its own cannot be updated; the outcome follows
 * as one more small ephemeral. A refused post is logged; the export goes on.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const createProgressPoster = (
  respond: RespondFn,
  logger: AppLogger,
): ((progress: ExportProgress) => Promise<void>) => {
  let posted = false;
  return async (): Promise<void> => {
    if (posted) return;
    posted = true;
    const message = renderExportProgress();
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } catch (error) {
      logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'response_url refused the export progress',
      );
    }
  };
};
