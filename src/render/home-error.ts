import type { KnownBlock } from '@slack/types';
import type { AppError } from '../errors.js';
import { HOME_ACTION_IDS, HOME_BLOCK_IDS } from '../surface/home-ids.js';
import { type Explanation, explain } from './error-explanation.js';
import {
  type ErrorRecovery,
  explanationBlocks,
  type RecoveryIds,
  recoveryActions,
} from './error-message.js';
import { codeSpan } from './format.js';
import type { RenderContext } from './types.js';

const REFRESH_POINTER = 'Press *Refresh* to start again from the first page.';

const CHECK_FILTERS = 'Check the filters';

/**
 * The Home tab's words where the command's would point at command syntax: a date window the
 * pickers made impossible, a phone number that is not one, a control from an altered view.
 * Every other failure reads as it does in the command's answer ({@link explain}).
 */
const homeExplanation = (error: AppError): Explanation | undefined => {
  const { detail } = error;
  if (error.code === 'BAD_BUTTON') {
    return {
      title: "This control doesn't work any more",
      body: `It is from an old or altered view, so I can't tell what it meant. ${REFRESH_POINTER}`,
    };
  }
  if (error.code !== 'INVALID_ARGS') return undefined;
  switch (detail.reason) {
    case 'from-after-to':
      return {
        title: CHECK_FILTERS,
        body: 'The *From* date is after the *To* date. Open *Filters…* and pick a *To* date on or after *From*, or clear one of them.',
      };
    case 'range-over-cap':
      return {
        title: CHECK_FILTERS,
        body: `The dates are ${detail.limit === undefined ? 'too far apart to list at once' : `more than ${detail.limit} months apart, the most this app lists at once`}. Open *Filters…* and pick a later *From* date or an earlier *To* date.`,
      };
    case 'from-in-future':
      return {
        title: CHECK_FILTERS,
        body: `The *From* date${detail.value === undefined ? '' : ` ${codeSpan(detail.value)}`} is in the future. Open *Filters…* and pick a day up to today.`,
      };
    case 'bad-phone':
      return {
        title: CHECK_FILTERS,
        body: `${detail.value === undefined ? 'That' : codeSpan(detail.value)} doesn't look like a phone number. Open *Filters…* and write it any usual way, e.g. \`+1 810 800 1001\`, or leave it empty for every number.`,
      };
    default:
      return undefined;
  }
};

const HOME_RECOVERY_IDS: RecoveryIds = {
  startOver: HOME_ACTION_IDS.pageStartOver,
  retry: HOME_ACTION_IDS.pageRetry,
  block: HOME_BLOCK_IDS.errorActions,
};

/**
 * A failure in the Home tab, where the listing would be: what happened and what to do, one
 * message per error code, shared with the command's answers except where the command's words
 * name its syntax (dates, phone, altered controls: see the pickers instead). Buttons appear
 * only where pressing them can succeed, with the Home tab's own action ids: **Start over**
 * after an expired page and after failures that may pass, **Try again** after those failures (Zoom
 * busy, rate limited or down). Filters… and Clear filters above stay usable in every state. Pure; at
 * most three blocks. https://docs.slack.dev/surfaces/app-home
 */
export const renderHomeError = (
  error: AppError,
  ctx: RenderContext,
  recovery: ErrorRecovery,
): KnownBlock[] => {
  const blocks = explanationBlocks(homeExplanation(error) ?? explain(error, ctx));
  const actions = recoveryActions(error.code, recovery, HOME_RECOVERY_IDS);
  if (actions !== undefined) blocks.push(actions);
  return blocks;
};
