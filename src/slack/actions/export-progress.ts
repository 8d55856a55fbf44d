import type { RespondFn } from '@slack/bolt';
import type { Clock } from '../../clock.js';
import type { ExportProgress } from '../../core/export.js';
import type { AppLogger } from '../../logger.js';
import { renderExportProgress } from '../../render/export-messages.js';

/**
 * Progress updates after the first "Exporting…": a click's `response_url` takes 5 posts, and an
 * export needs one for the start, one for the end and may need one for a "queued" note.
 */
export const EXPORT_PROGRESS_MAX_UPDATES = 2;

/** Least time between two progress updates, so a fast export spends no posts on them. */
export const EXPORT_PROGRESS_INTERVAL_MS = 3_000;

/**
 * Shows an export's progress in place of the listing through the click's `response_url`: the
 * first report (the export has started) always, then at most {@link EXPORT_PROGRESS_MAX_UPDATES}
 * more, {@link EXPORT_PROGRESS_INTERVAL_MS} apart, so the final answer always has a use left.
 * A refused post is logged; the export goes on.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const createProgressPoster = (
  respond: RespondFn,
  clock: Clock,
  logger: AppLogger,
  cap: number,
): ((progress: ExportProgress) => Promise<void>) => {
  let updates = 0;
  let lastMs: number | undefined;
  return async (progress: ExportProgress): Promise<void> => {
    const nowMs = clock.now().getTime();
    const first = lastMs === undefined;
    if (
      !first &&
      (updates >= EXPORT_PROGRESS_MAX_UPDATES ||
        nowMs - (lastMs ?? 0) < EXPORT_PROGRESS_INTERVAL_MS)
    ) {
      return;
    }
    if (!first) updates += 1;
    lastMs = nowMs;
    const message = renderExportProgress(progress, cap);
    try {
      await respond({ response_type: 'ephemeral', replace_original: true, ...message });
    } catch (error) {
      logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'response_url refused the export progress',
      );
    }
  };
};
