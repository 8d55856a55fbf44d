import type { BlockButtonAction } from '@slack/bolt';
import type { ListingStart } from '../../core/listing-start.js';
import type { ListArgs } from '../../query/types.js';
import { renderHelpSyntax } from '../../render/help-syntax.js';
import { renderSessionsPage } from '../../render/sessions-page.js';
import { HELP_ACTION_IDS } from '../../surface/ids.js';
import { deliver } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { listingOptions } from '../listing-options.js';
import { viewerModel } from '../viewer.js';

/** What `/sms-sessions` with nothing after it asks for: the viewer's own, the default window. */
const OWN_DEFAULT_LISTING: ListArgs = { target: { kind: 'self' } };

/**
 * The buttons under `/sms-sessions help`. **Show my conversations** replaces the help with page 1
 * of the clicker's own default listing (the same as `/sms-sessions` with nothing after it).
 * **Full syntax** opens the whole grammar in a modal with the click's `trigger_id` (admin
 * commands only for admins). **Open Home** is a link that Slack follows itself; its
 * `block_actions` payload is only acknowledged, so Slack shows no error beside it.
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
export const registerHelpActions = (app: Listeners, deps: SlackDeps): void => {
  app.action<BlockButtonAction>(HELP_ACTION_IDS.listMine, async ({ ack, body, respond }) => {
    await ack();
    const actor = body.user.id;
    const logger = deps.logger.child({
      kind: 'action',
      action: HELP_ACTION_IDS.listMine,
      user: actor,
    });
    let start: ListingStart | undefined;
    await deliver(
      {
        respond,
        logger,
        replaceOriginal: true,
        viewerContext: () => deps.core.viewerContext(actor),
        viewer: () => viewerModel(deps.access, actor),
        recovery: () => (start === undefined ? {} : { retry: start.cursor }),
        now: () => deps.clock.now(),
      },
      async () => {
        start = await deps.core.start(actor, OWN_DEFAULT_LISTING);
        const { model, ctx } = await deps.core.page(actor, start.cursor, start.notes, 'list');
        return renderSessionsPage(model, ctx, listingOptions(deps.sharing));
      },
    );
  });

  app.action<BlockButtonAction>(HELP_ACTION_IDS.fullSyntax, async ({ ack, body, client }) => {
    await ack();
    const actor = body.user.id;
    const logger = deps.logger.child({
      kind: 'action',
      action: HELP_ACTION_IDS.fullSyntax,
      user: actor,
    });
    try {
      const [ctx, viewer] = await Promise.all([
        deps.core.viewerContext(actor),
        viewerModel(deps.access, actor),
      ]);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderHelpSyntax({ ...ctx, viewer }),
      });
    } catch (error) {
      logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'views.open refused the full syntax',
      );
    }
  });

  app.action<BlockButtonAction>(HELP_ACTION_IDS.openHome, async ({ ack }) => {
    await ack();
  });
};
