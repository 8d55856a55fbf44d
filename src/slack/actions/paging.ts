import type { App, BlockButtonAction } from '@slack/bolt';
import { firstCursor, type PageCursor } from '../../query/cursor.js';
import { decodeCursor } from '../../query/cursor-wire.js';
import { renderSessionsPage } from '../../render/sessions-page.js';
import { PAGE_ACTION_IDS } from '../../surface/ids.js';
import { deliver } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import { listingOptions } from '../listing-options.js';
import { viewerModel } from '../viewer.js';

/**
 * Next / Previous / Start over / Try again on a listing message. The button's value is untrusted: it is
 * decoded strictly, and the core re-checks that the *clicker* may see its subject before any Zoom
 * call, so a button replayed in a shared channel leaks nothing. The answer replaces the message
 * through the click's own `response_url` (ephemeral messages cannot be changed any other way).
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const registerPagingActions = (app: App, deps: SlackDeps): void => {
  for (const actionId of PAGE_ACTION_IDS) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const actor = body.user.id;
      const logger = deps.logger.child({ kind: 'action', action: actionId, user: actor });
      let cursor: PageCursor | undefined;
      await deliver(
        {
          respond,
          logger,
          replaceOriginal: true,
          viewerContext: () => deps.core.viewerContext(actor),
          viewer: () => viewerModel(deps.access, actor),
          now: () => deps.clock.now(),
          recovery: () =>
            cursor === undefined ? {} : { startOver: firstCursor(cursor), retry: cursor },
        },
        async () => {
          cursor = decodeCursor(action.value ?? '');
          const { model, ctx } = await deps.core.page(actor, cursor);
          return renderSessionsPage(model, ctx, listingOptions(deps.sharing));
        },
      );
    });
  }
};
