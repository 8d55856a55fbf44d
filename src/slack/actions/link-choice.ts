import type { BlockButtonAction } from '@slack/bolt';
import { decodeLinkChoice } from '../../core/link-choice.js';
import {
  renderLinkCancelled,
  renderLinkOutcome,
  renderUnlinkOutcome,
} from '../../render/identity-link.js';
import type { RenderedMessage } from '../../render/types.js';
import { LINK_ACTION_IDS } from '../../surface/ids.js';
import { deliver } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { viewerModel } from '../viewer.js';

type LinkWork = (value: string, actor: string) => Promise<RenderedMessage>;

/**
 * The buttons on a `/sms-sessions link` answer, each answering in place of it: **Link anyway**
 * makes the link the admin was asked about, **Cancel** leaves things as they were, **Undo** puts
 * back the link that was replaced (or unlinks when there was none). The value is untrusted: the
 * identity core checks again that the clicker is an admin, verifies the Zoom user with Zoom,
 * and writes the audit trail.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const registerLinkChoiceActions = (app: Listeners, deps: SlackDeps): void => {
  const on = (actionId: string, work: LinkWork) =>
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const actor = body.user.id;
      await deliver(
        {
          respond,
          logger: deps.logger.child({ kind: 'action', action: actionId, user: actor }),
          replaceOriginal: true,
          viewerContext: () => deps.core.viewerContext(actor),
          viewer: () => viewerModel(deps.access, actor),
          now: () => deps.clock.now(),
        },
        () => work(action.value ?? '', actor),
      );
    });

  on(LINK_ACTION_IDS.confirm, async (value, actor) => {
    const choice = decodeLinkChoice(value);
    const outcome = await deps.identity.link(actor, choice.slackUserId, choice.zoomUser, {
      confirmed: true,
    });
    return renderLinkOutcome(outcome, await deps.core.viewerContext(actor));
  });

  on(LINK_ACTION_IDS.cancel, async (value) => renderLinkCancelled(decodeLinkChoice(value)));

  on(LINK_ACTION_IDS.undo, async (value, actor) => {
    const choice = decodeLinkChoice(value);
    const ctx = await deps.core.viewerContext(actor);
    if (choice.previous !== undefined) {
      const outcome = await deps.identity.link(actor, choice.slackUserId, choice.previous, {
        confirmed: true,
      });
      return renderLinkOutcome(outcome, ctx);
    }
    return renderUnlinkOutcome(await deps.identity.unlink(actor, choice.slackUserId), ctx);
  });
};
