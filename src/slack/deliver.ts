import type { RespondFn } from '@slack/bolt';
import { type AppError, toAppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { reportAnswered, reportOutcome } from '../ops/request-context.js';
import { NOT_READY, readyNow } from '../process/ready-now.js';
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

/** A finished answer and how it lands. */
interface Answer {
  readonly message: RenderedMessage;
  /** Replace the message the request came from (or the interim note), rather than post anew. */
  readonly replace: boolean;
}

/**
 * Runs the work and always comes back with an answer: Bolt hands an error thrown after the ack to
 * `app.error`, and the person would otherwise see nothing at all. Failures are rendered as one
 * friendly message per error code. A long wait for Zoom gets an interim "queued" note first
 * (src/slack/interim-answer.ts), which the answer then replaces.
 */
const produce = async (
  delivery: Delivery,
  work: () => Promise<RenderedMessage>,
): Promise<Answer> => {
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
  return { message, replace };
};

const ephemeral = (answer: Answer) =>
  ({
    response_type: 'ephemeral',
    replace_original: answer.replace,
    text: answer.message.text,
    blocks: answer.message.blocks,
  }) as const;

/**
 * Answers through `response_url`; one that refuses the answer (expired after 30 minutes or 5
 * uses) is logged, since there is nobody left to tell. Whether Slack took it goes to the
 * request's `request handled` line (see `ops/observe-receiver`).
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
const send = async (delivery: Delivery, answer: Answer): Promise<void> => {
  try {
    await delivery.respond(ephemeral(answer));
    reportAnswered(true);
  } catch (error) {
    reportAnswered(false);
    delivery.logger.warn(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      'response_url refused the answer',
    );
  }
};

/**
 * Runs the work that follows an `ack()` and always answers, through `response_url` (see
 * {@link produce} and {@link send}); the outcome code goes to the request's log line and metrics.
 */
export const deliver = async (
  delivery: Delivery,
  work: () => Promise<RenderedMessage>,
): Promise<void> => send(delivery, await produce(delivery, work));

/** A command's answer in its acknowledgement (Slack's "immediate response"). */
export interface CommandAnswer {
  readonly response_type: 'ephemeral';
  readonly text: string;
  readonly blocks: RenderedMessage['blocks'];
}

/**
 * A command's answer, in its acknowledgement when it is ready at once (every part of it came from
 * the cache or the local store, or the text had a typo: {@link readyNow}): the person sees it as
 * soon as Slack has the ack, and no `response_url` request is made. Anything that must wait
 * (Zoom, Slack's Web API, Redis) is acked empty at once and answered as {@link deliver} does. A
 * command's immediate response is ephemeral like a `response_url` one; `ack` seals its buttons.
 * https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands
 */
export const deliverCommand = async (
  delivery: Delivery & {
    /** The command's `ack`, not yet called; it seals the answer it is given (`sealAck`). */
    readonly ack: (answer?: CommandAnswer) => Promise<void>;
  },
  work: () => Promise<RenderedMessage>,
): Promise<void> => {
  const answering = produce(delivery, work);
  const ready = await readyNow(answering).catch((): typeof NOT_READY => NOT_READY);
  if (ready !== NOT_READY && !ready.replace) {
    const { message } = ready;
    await delivery.ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    reportAnswered(true);
    return;
  }
  await delivery.ack();
  await send(delivery, await answering);
};
