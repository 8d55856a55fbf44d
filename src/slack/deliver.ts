import type { RespondFn } from '@slack/bolt';
import { type AppError, toAppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { reportAnswered, reportOutcome } from '../ops/request-context.js';
import { type ErrorRecovery, renderError } from '../render/error-message.js';
import type { RenderContext, RenderedMessage, ViewerModel } from '../render/types.js';
import { createInterimAnswers } from './interim-answer.js';

/** UTC stands in when even the viewer's time zone could not be read. */
const FALLBACK_TIME_ZONE = 'UTC';

/** How to answer one command or click through its `response_url`. */
export interface Delivery {
  readonly respond: RespondFn;
  readonly logger: AppLogger;
  /**
   * Replace the message the button was on (a click) or post a new ephemeral one (a command); a
   * function is asked when answering, for a click whose answer lands in the message or beside
   * it depending on how the work went (an export shown in its listing, or in messages of its own).
   */
  readonly replaceOriginal: boolean | (() => boolean);
  /**
   * A click whose message must stay as it is when the work fails (a failed page keeps the page
   * the person was reading): the error comes as its own small ephemeral instead, unless an
   * interim "queued" note already took the message's place.
   */
  readonly keepOriginalOnError?: boolean;
  /**
   * `false`: post no interim "queued" note. A click that may answer with a new message (an
   * export, beside its listing when the listing cannot carry its news) needs this: through a
   * click's `response_url`, replacing can only ever replace the message the button was on.
   */
  readonly interim?: boolean;
  /** The viewer's context for rendering an error; falls back to UTC when it fails too. */
  readonly viewerContext: () => Promise<RenderContext>;
  /**
   * Who is reading, asked only when something failed: admins see Zoom's error code, everybody
   * is pointed to the app's admins by name. Absent or failing: written for a member.
   */
  readonly viewer?: () => Promise<ViewerModel>;
  /** What an error message may offer ("Start over", "Try again"), known once the work has begun. */
  readonly recovery?: () => ErrorRecovery;
  readonly now: () => Date;
}

/**
 * Logs a failure the person is told about: its code and the admin-facing detail (status, Zoom's
 * code, reason), never the message shown or any personal data; the stack only for `INTERNAL`.
 * The code also becomes the outcome of the request's `request handled` line and metrics.
 */
export const logFailure = (logger: AppLogger, error: AppError): void => {
  reportOutcome(error.code);
  const fields = {
    code: error.code,
    status: error.detail.status,
    zoomCode: error.detail.zoomCode,
    reason: error.detail.reason,
  };
  if (error.code === 'INTERNAL')
    logger.error({ ...fields, err: error.cause ?? error }, 'unexpected failure');
  else logger.info(fields, 'request refused');
};

/**
 * The context an error is written in: the viewer's time zone and role, each falling back (to
 * UTC, to a member's wording) when even that cannot be read, so the person is still answered.
 */
export const errorContext = async (delivery: {
  readonly viewerContext: () => Promise<RenderContext>;
  readonly viewer?: () => Promise<ViewerModel>;
  readonly now: () => Date;
}): Promise<RenderContext> => {
  const [ctx, viewer] = await Promise.all([
    delivery
      .viewerContext()
      .catch((): RenderContext => ({ now: delivery.now(), timeZone: FALLBACK_TIME_ZONE })),
    delivery.viewer?.().catch(() => undefined),
  ]);
  return viewer === undefined ? ctx : { ...ctx, viewer };
};

/**
 * Runs the work that follows an `ack()` and always answers: Bolt hands an error thrown after the
 * ack to `app.error`, and the person would otherwise see nothing at all. Failures are rendered as
 * one friendly message per error code; a `response_url` that refuses the answer (expired after 30
 * minutes or 5 uses) is logged, since there is nobody left to tell. The outcome code and whether
 * Slack took the answer go to the request's `request handled` line (see `ops/observe-receiver`).
 * A long wait for Zoom gets an interim "queued" note first (src/slack/interim-answer.ts), which
 * the answer then replaces.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const deliver = async (
  delivery: Delivery,
  work: () => Promise<RenderedMessage>,
): Promise<void> => {
  let message: RenderedMessage;
  let failed = false;
  const replaceOriginal = () =>
    typeof delivery.replaceOriginal === 'function'
      ? delivery.replaceOriginal()
      : delivery.replaceOriginal;
  const interim =
    delivery.interim === false
      ? { run: <T>(w: () => Promise<T>) => w(), settled: async () => false }
      : createInterimAnswers({ ...delivery, replaceOriginal: replaceOriginal() });
  try {
    message = await interim.run(work);
    reportOutcome('OK');
  } catch (caught) {
    failed = true;
    const error = toAppError(caught);
    logFailure(delivery.logger, error);
    message = renderError(error, await errorContext(delivery), delivery.recovery?.() ?? {});
  }
  const interimShown = await interim.settled();
  const replace =
    interimShown || (replaceOriginal() && !(failed && delivery.keepOriginalOnError === true));
  try {
    await delivery.respond({
      response_type: 'ephemeral',
      replace_original: replace,
      text: message.text,
      blocks: message.blocks,
    });
    reportAnswered(true);
  } catch (error) {
    reportAnswered(false);
    delivery.logger.warn(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      'response_url refused the answer',
    );
  }
};
