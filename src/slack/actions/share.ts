import type { BlockButtonAction } from '@slack/bolt';
import { AppError } from '../../errors.js';
import { decodeCursor } from '../../query/cursor-wire.js';
import { renderShareReceipt } from '../../render/share-receipt.js';
import { SESSION_ACTION_IDS } from '../../surface/ids.js';
import { deliver } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { sharedPagePoster } from '../post-shared-page.js';
import { viewerModel } from '../viewer.js';

/**
 * Share to channel, after Slack's confirmation dialog: ack, then the core checks that sharing is
 * on, re-authorises the clicker against the page's subject, fetches the page and hands it here to
 * be posted with `chat.postMessage` to the channel the listing is in (the payload's `channel`).
 * The copy has no buttons; the sharer gets an ephemeral receipt beside their own page, or why
 * nothing was posted. https://docs.slack.dev/reference/methods/chat.postMessage
 */
export const registerShareAction = (app: Listeners, deps: SlackDeps): void => {
  app.action<BlockButtonAction>(
    SESSION_ACTION_IDS.share,
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = deps.logger.child({ kind: 'action', action: action.action_id, user: actor });
      await deliver(
        {
          respond,
          logger,
          replaceOriginal: false,
          viewerContext: () => deps.core.viewerContext(actor),
          viewer: () => viewerModel(deps.access, actor),
          now: () => deps.clock.now(),
        },
        async () => {
          const cursor = decodeCursor(action.value ?? '');
          const channel = body.channel?.id;
          if (channel === undefined) {
            throw new AppError('BAD_BUTTON', 'Share clicked outside a channel');
          }
          await deps.sharing.share(actor, cursor, channel, sharedPagePoster(client, channel));
          return renderShareReceipt(channel);
        },
      );
    },
  );
};
