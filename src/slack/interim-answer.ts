import type { RespondFn } from '@slack/bolt';
import { type QueueNotice, runWithNoticeListener } from '../interim-notice.js';
import type { AppLogger } from '../logger.js';
import { renderQueuedNote } from '../render/queued-note.js';

/** What {@link createInterimAnswers} needs: the request's `respond` and how its answers land. */
export interface InterimAnswerOptions {
  readonly respond: RespondFn;
  readonly logger: AppLogger;
  /** Whether the interim note replaces the message a button was on (a click). */
  readonly replaceOriginal: boolean;
}

/** At most one interim answer for one request. */
export interface InterimAnswers {
  /** Runs `work`; the first "queued behind N requests" notice it raises is posted at once. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Resolves once the interim answer, if any, was posted or refused: `true` when Slack took it,
   * so the final answer must replace it (`replace_original`) rather than come as a second
   * message. Await it before the final answer, or the note could land on top of the page.
   */
  settled(): Promise<boolean>;
}

/**
 * The interim answer of a request that waits its turn for Zoom: it goes through the request's
 * own `response_url` (one of its five uses in 30 minutes), and the final answer replaces it.
 * Slack refusing the note is logged and changes nothing else.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const createInterimAnswers = (options: InterimAnswerOptions): InterimAnswers => {
  let posted: Promise<boolean> | undefined;
  const post = (notice: QueueNotice) => {
    if (posted !== undefined) return;
    const note = renderQueuedNote(notice);
    posted = options
      .respond({
        response_type: 'ephemeral',
        replace_original: options.replaceOriginal,
        text: note.text,
        blocks: note.blocks,
      })
      .then(
        () => true,
        (error: unknown) => {
          options.logger.warn(
            { err: { message: error instanceof Error ? error.message : String(error) } },
            'response_url refused the interim answer',
          );
          return false;
        },
      );
  };
  return {
    run: (work) => runWithNoticeListener(post, work),
    settled: () => posted ?? Promise.resolve(false),
  };
};
