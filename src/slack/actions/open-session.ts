import type { BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { toAppError } from '../../errors.js';
import type { AppLogger } from '../../logger.js';
import { reportOutcome } from '../../ops/request-context.js';
import { decodeCursor } from '../../query/cursor-wire.js';
import { renderConversationError } from '../../render/conversation-error.js';
import { renderConversationPicker } from '../../render/conversation-picker.js';
import { renderConversationLoading } from '../../render/conversation-view.js';
import { OPEN_ACTION_ID_PATTERN, SESSION_ACTION_IDS } from '../../surface/ids.js';
import { logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { errorContext, fillModal, modalOf, showConversation } from './conversation-deliver.js';

/**
 * Shows the loading view at once with the click's `trigger_id`: a new modal (`views.open`), or
 * one pushed over the modal the click came from (`views.push`), so Slack's Back returns to it.
 * @returns the new view's id, or `undefined` when Slack refused it (logged).
 */
const showLoadingModal = async (
  client: WebClient,
  triggerId: string,
  logger: AppLogger,
  how: 'open' | 'push' = 'open',
): Promise<string | undefined> => {
  try {
    const args = { trigger_id: triggerId, view: renderConversationLoading() };
    const shown = how === 'push' ? await client.views.push(args) : await client.views.open(args);
    return shown.view?.id;
  } catch (error) {
    logger.warn(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      `views.${how} refused the conversation modal`,
    );
    return undefined;
  }
};

/**
 * Reading a conversation from a listing (a message or the Home tab): Open on a session opens a
 * loading modal at once with the click's `trigger_id` (it lives 3 seconds, Zoom may take longer)
 * and fills it with the conversation; "Open a conversation…" under a packed listing opens one
 * with the page's sessions to pick from, and the pick is pushed over it (`views.push`, so
 * Slack's own Back returns to the list). Every value is
 * untrusted: the cores re-check that the clicker may see its subject, and that an opened session
 * is that subject's. https://docs.slack.dev/surfaces/modals#opening_modals
 */
export const registerOpenSessionActions = (app: Listeners, deps: SlackDeps): void => {
  const loggerFor = (actionId: string, actor: string) =>
    deps.logger.child({ kind: 'action', action: actionId, user: actor });

  app.action<BlockButtonAction>(
    { type: 'block_actions', action_id: OPEN_ACTION_ID_PATTERN },
    async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = loggerFor(action.action_id, actor);
      const viewId = await showLoadingModal(client, body.trigger_id, logger);
      if (viewId === undefined) return;
      const value = action.value ?? '';
      await showConversation({ client, deps, logger, actor, value, modal: { viewId } });
    },
  );

  app.action<BlockButtonAction>(
    SESSION_ACTION_IDS.openPicker,
    async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = loggerFor(action.action_id, actor);
      const viewId = await showLoadingModal(client, body.trigger_id, logger);
      if (viewId === undefined) return;
      let view: ModalView;
      try {
        const { model, ctx } = await deps.core.page(actor, decodeCursor(action.value ?? ''));
        view = renderConversationPicker(model, ctx);
        reportOutcome('OK');
      } catch (caught) {
        const error = toAppError(caught);
        reportOutcome(error.code);
        logFailure(logger, error);
        view = renderConversationError(error, await errorContext(deps, actor));
      }
      await fillModal(client, { viewId }, view, logger);
    },
  );

  app.action<BlockStaticSelectAction>(
    SESSION_ACTION_IDS.openPicked,
    async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = loggerFor(action.action_id, actor);
      if (modalOf(body.view) === undefined) {
        logger.warn({}, 'conversation pick outside a modal');
        return;
      }
      const viewId = await showLoadingModal(client, body.trigger_id, logger, 'push');
      if (viewId === undefined) return;
      await showConversation({
        client,
        deps,
        logger,
        actor,
        value: action.selected_option?.value ?? '',
        modal: { viewId },
      });
    },
  );
};
