import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { AppError, ErrorCode } from '../errors.js';
import type { PageCursor } from '../query/cursor.js';
import { ACTION_IDS, BLOCK_IDS } from '../surface/ids.js';
import { type Explanation, explain, RUN_AGAIN } from './error-explanation.js';
import { cursorButton, mrkdwn } from './session-list.js';
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

/** The ids a surface gives its recovery buttons and the block holding them. */
export interface RecoveryIds {
  readonly startOver: string;
  readonly retry: string;
  readonly block: string;
}

const MESSAGE_RECOVERY_IDS: RecoveryIds = {
  startOver: ACTION_IDS.pageStartOver,
  retry: ACTION_IDS.pageRetry,
  block: BLOCK_IDS.errorActions,
};

/**
 * The buttons under a failed listing, only where pressing them can succeed: **Start over** after
 * an expired page and after failures that may pass, **Try again** after those failures. The same
 * rule in a message and in the Home tab, each with its own ids.
 */
export const recoveryActions = (
  code: ErrorCode,
  recovery: ErrorRecovery,
  ids: RecoveryIds,
): ActionsBlock | undefined => {
  const passing = isPassingError(code);
  const buttons = [
    ...((passing || code === 'PAGE_EXPIRED') && recovery.startOver !== undefined
      ? [cursorButton('Start over', ids.startOver, recovery.startOver)]
      : []),
    ...(passing && recovery.retry !== undefined
      ? [cursorButton('Try again', ids.retry, recovery.retry)]
      : []),
  ];
  return buttons.length === 0
    ? undefined
    : { type: 'actions', block_id: ids.block, elements: buttons };
};

/** What happened and what to do, under a warning sign, and the admins' grey line when there is one. */
export const explanationBlocks = ({ title, body, admin }: Explanation): KnownBlock[] => [
  { type: 'section', text: mrkdwn(`:warning: *${title}*\n${body}`) },
  ...(admin === undefined ? [] : [{ type: 'context' as const, elements: [mrkdwn(admin)] }]),
];

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
  const explanation = explain(error, ctx);
  const blocks = explanationBlocks(explanation);
  if (error.code === 'PAGE_EXPIRED' && options.startOver === undefined) {
    blocks.push({ type: 'context', elements: [mrkdwn(RUN_AGAIN)] });
  }
  const buttons = recoveryActions(error.code, options, MESSAGE_RECOVERY_IDS);
  if (buttons !== undefined) blocks.push(buttons);
  return { text: `${explanation.title}. ${explanation.body}`, blocks };
};
