import type { RespondFn } from '@slack/bolt';
import type { ExportProgress } from '../../core/export.js';
import type { SessionsPageResult } from '../../core/listing-page.js';
import { toAppError } from '../../errors.js';
import type { AppLogger } from '../../logger.js';
import { type ExportStatus, renderExportProgress } from '../../render/export-messages.js';
import type { RenderedMessage } from '../../render/types.js';

/**
 * Running counts ("Exporting… 200 so far") one export shows at most between its start and its
 * result: with them an export answers its click's `response_url` at most four times, inside
 * Slack's five. https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const EXPORT_RUNNING_UPDATES_MAX = 2;

/**
 * Least time between two answers of an export in progress, so a quick export goes from
 * "Exporting…" straight to its result, and a long one shows its count now and then.
 */
export const EXPORT_UPDATE_INTERVAL_MS = 2_000;

/** What {@link createExportProgress} needs. */
export interface ExportProgressOptions {
  /** The click's `response_url`. */
  readonly respond: RespondFn;
  readonly logger: AppLogger;
  /** Milliseconds of the app's clock. */
  readonly nowMs: () => number;
  /** The listing the Export button was on, shown again (`SessionsCore.reshow`). */
  readonly show: () => Promise<SessionsPageResult>;
  /** That listing with a line saying where the export stands. */
  readonly render: (shown: SessionsPageResult, status: ExportStatus) => RenderedMessage;
}

/** How an export tells its progress and its last word. */
export interface ExportProgressPoster {
  /** For the export core's `onProgress`: the first call starts, later ones may show a count. */
  report(progress: ExportProgress): Promise<void>;
  /** Whether the listing carries the export's news, so the last word must replace it too. */
  readonly inListing: boolean;
  /**
   * The last word: the listing with `status` when it carries the export's news, else `alone()`,
   * a small ephemeral of its own.
   */
  end(status: ExportStatus, alone: () => RenderedMessage): RenderedMessage;
}

/**
 * Tells an export's progress in the listing the Export button was on, which stays (issue H3's
 * "Exporting… 200 so far" → "CSV sent · Open file"). A click's `response_url` can replace only the
 * message the button was on, and may be used five times in 30 minutes; an ephemeral message can
 * be changed no other way (no `chat.update`) and its click carries no blocks. So the listing is
 * shown again (from the page cache, or one Zoom call of a few seconds: `SessionsCore.reshow`)
 * with one line in its Export row's place, "Exporting…", then at most
 * {@link EXPORT_RUNNING_UPDATES_MAX} running counts at least {@link EXPORT_UPDATE_INTERVAL_MS}
 * apart, then (through the caller's final answer) the Export row back with the result under it:
 * four answers at most. This keeps the person's place and never leaves a stale "Exporting…"
 * message behind, which a message of its own could not (it could not be updated).
 *
 * When the listing cannot be shown again (Zoom busy and the page no longer cached, or Slack
 * refusing the first answer), the export says it started and how it ended in small ephemerals
 * of their own beside the listing, as before, so the export never waits for the listing. Every
 * refused answer is logged; the export goes on.
 *
 * A Next clicked while an export runs is replaced by the export's next answer, which shows the
 * page the export started from; exports take seconds, and keeping the pager is worth it.
 */
export const createExportProgress = (options: ExportProgressOptions): ExportProgressPoster => {
  const { respond, logger } = options;
  let shown: SessionsPageResult | undefined;
  let mode: 'starting' | 'listing' | 'alone' = 'starting';
  let updates = 0;
  let lastAtMs = 0;

  const post = async (message: RenderedMessage, replace: boolean): Promise<boolean> => {
    try {
      await respond({ response_type: 'ephemeral', replace_original: replace, ...message });
      return true;
    } catch (error) {
      logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'response_url refused the export progress',
      );
      return false;
    }
  };

  const start = async (): Promise<void> => {
    try {
      shown = await options.show();
    } catch (error) {
      logger.info(
        { code: toAppError(error).code },
        'the listing could not be shown again: the export speaks in messages of its own',
      );
    }
    if (shown !== undefined) {
      const started = options.render(shown, { kind: 'running', sessions: 0 });
      if (await post(started, true)) {
        mode = 'listing';
        lastAtMs = options.nowMs();
        return;
      }
    }
    mode = 'alone';
    await post(renderExportProgress(), false);
  };

  return {
    report: async (progress) => {
      if (mode === 'starting') return start();
      if (mode !== 'listing' || shown === undefined) return;
      if (updates >= EXPORT_RUNNING_UPDATES_MAX) return;
      if (options.nowMs() - lastAtMs < EXPORT_UPDATE_INTERVAL_MS) return;
      updates += 1;
      lastAtMs = options.nowMs();
      await post(options.render(shown, { kind: 'running', sessions: progress.sessions }), true);
    },
    get inListing() {
      return mode === 'listing';
    },
    end: (status, alone) =>
      mode === 'listing' && shown !== undefined ? options.render(shown, status) : alone(),
  };
};
