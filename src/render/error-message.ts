import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { AppError, ErrorCode } from '../errors.js';
import type { PageCursor } from '../query/cursor.js';
import { encodeCursor } from '../query/cursor-wire.js';
import { ACTION_IDS, BLOCK_IDS } from '../surface/ids.js';
import { explain, RUN_AGAIN } from './error-explanation.js';
import type { RenderContext, RenderedMessage } from './types.js';

/** What a person may be offered under an error; see {@link renderError}. */
export interface ErrorRecovery {
  /** Page 1 of the listing the failure happened on. */
  readonly startOver?: PageCursor;
  /** The very page that failed, to ask Zoom again. */
  readonly retry?: PageCursor;
}

const PASSING: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ZOOM_RATE_LIMITED',
  'APP_RESTARTING',
  'ZOOM_UNAVAILABLE',
  'ZOOM_SMS_ERROR',
  'ZOOM_BAD_RESPONSE',
  'INTERNAL',
]);

/**
 * Whether a failure may pass if the same request is simply made again (Zoom busy or down, an
 * unexpected answer, a bug), so a "Try again" button is worth offering.
 */
export const isPassingError = (code: ErrorCode): boolean => PASSING.has(code);

const button = (text: string, actionId: string, cursor: PageCursor): Button => ({
  type: 'button',
  text: { type: 'plain_text', text, emoji: true },
  action_id: actionId,
  value: encodeCursor(cursor),
});

const recoveryButtons = (code: ErrorCode, options: ErrorRecovery): ActionsBlock | undefined => {
  const offered = code === 'PAGE_EXPIRED' || isPassingError(code);
  const buttons = [
    ...(offered && options.startOver !== undefined
      ? [button('Start over', ACTION_IDS.pageStartOver, options.startOver)]
      : []),
    ...(isPassingError(code) && options.retry !== undefined
      ? [button('Try again', ACTION_IDS.pageRetry, options.retry)]
      : []),
  ];
  return buttons.length === 0
    ? undefined
    : { type: 'actions', block_id: BLOCK_IDS.errorActions, elements: buttons };
};

/**
 * The one message a person reads when something failed: what happened and what to do, written
 * for them per {@link ErrorCode} (and per `InvalidArgsReason` for command input), never a stack
 * trace, Zoom's raw body or a status code. Values echoed from input or Zoom are escaped and cut
 * to length. Admins (`ctx.viewer.isAdmin`) get a grey context line with Zoom's error code when
 * there is one; everybody else is pointed to the app's admins by name, never to a setting.
 *
 * Buttons appear only where pressing them can succeed: "Start over" (`options.startOver`) after
 * an expired page and after failures that may pass (Zoom busy or down, `INTERNAL`); "Try again"
 * (`options.retry`) after those failures only. Pure; at most three blocks, far inside Slack's
 * limits. https://docs.slack.dev/reference/block-kit/blocks
 */
export const renderError = (
  error: AppError,
  ctx: RenderContext,
  options: ErrorRecovery = {},
): RenderedMessage => {
  const { title, body, admin } = explain(error, ctx);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `:warning: *${title}*\n${body}`, verbatim: true },
    },
  ];
  if (admin !== undefined) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: admin }] });
  }
  if (error.code === 'PAGE_EXPIRED' && options.startOver === undefined) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: RUN_AGAIN }] });
  }
  const buttons = recoveryButtons(error.code, options);
  if (buttons !== undefined) blocks.push(buttons);
  return { text: `${title}. ${body}`, blocks };
};
