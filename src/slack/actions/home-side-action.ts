import type { WebClient } from '@slack/web-api';
import { toAppError } from '../../errors.js';
import type { AppLogger } from '../../logger.js';
import { reportOutcome } from '../../ops/request-context.js';
import { renderError } from '../../render/error-message.js';
import { renderOutcomeModal } from '../../render/home-side-modals.js';
import type { RenderedMessage } from '../../render/types.js';
import { logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import { answerInModalOrDm } from '../side-modal.js';
import { errorContext } from './conversation-deliver.js';

/** Where a Home side action ends: its modal (when still open) or the actor's DM with the app. */
export interface SideActionTarget {
  readonly kind: 'export' | 'share';
  readonly viewId: string | undefined;
  readonly actor: string;
}

/**
 * Runs the work of a Home side action (Export CSV, Share to channel) and ends it: the work's
 * message, or the error it failed with in the actor's words (its code logged and reported), in
 * the action's outcome modal or, when that was closed, as a direct message.
 */
export const finishSideAction = async (
  deps: SlackDeps,
  client: WebClient,
  target: SideActionTarget,
  logger: AppLogger,
  work: () => Promise<RenderedMessage>,
): Promise<void> => {
  let message: RenderedMessage;
  try {
    message = await work();
    reportOutcome('OK');
  } catch (caught) {
    const error = toAppError(caught);
    logFailure(logger, error);
    message = renderError(error, await errorContext(deps, target.actor));
  }
  await answerInModalOrDm(
    client,
    target,
    { view: renderOutcomeModal(target.kind, message), message },
    logger,
  );
};
