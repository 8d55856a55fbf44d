import type { BlockButtonAction } from '@slack/bolt';
import { CONVERSATION_PAGE_ACTION_IDS } from '../../surface/ids.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { modalOf, showConversation } from './conversation-deliver.js';

/**
 * Older / Newer / Newest / Try again inside the conversation modal: ack, then replace the
 * modal's content with the page the button's cursor points at (re-authorised, like every page),
 * passing the view's `hash` so a slow answer cannot overwrite a newer one.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const registerConversationPagingActions = (app: Listeners, deps: SlackDeps): void => {
  for (const actionId of CONVERSATION_PAGE_ACTION_IDS) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = deps.logger.child({ kind: 'action', action: actionId, user: actor });
      const modal = modalOf(body.view);
      if (modal === undefined) {
        logger.warn({}, 'conversation button outside a modal');
        return;
      }
      await showConversation({
        client,
        deps,
        logger,
        actor,
        value: action.value ?? '',
        modal,
      });
    });
  }
};
