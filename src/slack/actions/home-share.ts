import type { BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import { AppError, toAppError } from '../../errors.js';
import { reportOutcome } from '../../ops/request-context.js';
import type { PageCursor } from '../../query/cursor.js';
import { decodeCursor, encodeCursor } from '../../query/cursor-wire.js';
import {
  renderShareConfirm,
  renderSharePick,
  renderShareWorking,
  renderSideError,
} from '../../render/home-side-modals.js';
import { renderShareReceipt } from '../../render/share-receipt.js';
import { HOME_ACTION_IDS, HOME_SHARE_IDS } from '../../surface/home-ids.js';
import { logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { sharedPagePoster } from '../post-shared-page.js';
import { openSideModal } from '../side-modal.js';
import { errorContext } from './conversation-deliver.js';
import { homeActionLogger } from './home-action-logger.js';
import { finishSideAction } from './home-side-action.js';

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/** Said beside the channel when the form cannot be read (an older or altered modal). */
const OLD_FORM = 'This form is from an older version of the app. Close it and press Share again.';

/** The confirmation's metadata: the page cursor (as its button value) and the channel. */
const confirmMetadata = (cursorValue: string, channelId: string): string =>
  JSON.stringify({ cursor: cursorValue, channel: channelId });

const readConfirmMetadata = (text: string): { cursor: PageCursor; channel: string } => {
  try {
    const value = JSON.parse(text) as { cursor?: unknown; channel?: unknown } | null;
    if (typeof value?.cursor === 'string' && typeof value.channel === 'string') {
      if (CHANNEL_ID.test(value.channel)) {
        return { cursor: decodeCursor(value.cursor), channel: value.channel };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  throw new AppError('BAD_BUTTON', 'Share confirmation metadata unreadable');
};

/**
 * Share to channel on the Home tab, with the Home listing's current page (the button's cursor).
 * The click opens a modal to pick the channel (`conversations_select`); **Next** turns it into
 * the confirmation a listing's Share asks for, naming that channel (`response_action:
 * "update"`); **Share** posts through the same core as under a listing message: sharing must be
 * on (`SHARE_ENABLED`), the clicker is re-authorised against the page's subject, the page is
 * fetched again and posted as its third-person copy, and one `share` audit entry records the
 * channel and the outcome. The modal then says where it went, or why nothing was posted (a
 * direct message when the modal was closed meanwhile). Every value (the cursor, the channel)
 * rides in the modal's sealed `private_metadata` and is checked again at each step.
 * https://docs.slack.dev/surfaces/modals#handling_submissions
 */
export const registerHomeShareActions = (app: Listeners, deps: SlackDeps): void => {
  const mask = () => deps.sharing.policy.maskNumbers;

  app.action<BlockButtonAction>(HOME_ACTION_IDS.share, async ({ ack, body, action, client }) => {
    await ack();
    const actor = body.user.id;
    const logger = homeActionLogger(deps.logger, action.action_id, actor);
    try {
      const cursor = decodeCursor(action.value ?? '');
      await openSideModal(
        client,
        body.trigger_id,
        renderSharePick(encodeCursor(cursor), mask()),
        logger,
      );
      reportOutcome('OK');
    } catch (caught) {
      const error = toAppError(caught);
      logFailure(logger, error);
      const view = renderSideError('share', error, await errorContext(deps, actor));
      await openSideModal(client, body.trigger_id, view, logger);
    }
  });

  app.view<ViewSubmitAction>(HOME_SHARE_IDS.pickCallbackId, async ({ ack, view }) => {
    const picked =
      view.state.values[HOME_SHARE_IDS.channelBlock]?.[HOME_SHARE_IDS.channelAction]
        ?.selected_conversation;
    let cursorValue: string;
    try {
      cursorValue = encodeCursor(decodeCursor(view.private_metadata));
    } catch {
      reportOutcome('BAD_BUTTON');
      await ack({ response_action: 'errors', errors: { [HOME_SHARE_IDS.channelBlock]: OLD_FORM } });
      return;
    }
    if (typeof picked !== 'string' || !CHANNEL_ID.test(picked)) {
      reportOutcome('INVALID_ARGS');
      await ack({
        response_action: 'errors',
        errors: { [HOME_SHARE_IDS.channelBlock]: 'Pick a channel to share this page to.' },
      });
      return;
    }
    reportOutcome('OK');
    await ack({
      response_action: 'update',
      view: deps.sealAck(renderShareConfirm(confirmMetadata(cursorValue, picked), picked, mask())),
    });
  });

  app.view<ViewSubmitAction>(
    HOME_SHARE_IDS.confirmCallbackId,
    async ({ ack, body, view, client }) => {
      const actor = body.user.id;
      const logger = homeActionLogger(deps.logger, HOME_SHARE_IDS.confirmCallbackId, actor);
      await ack({ response_action: 'update', view: renderShareWorking() });
      await finishSideAction(
        deps,
        client,
        { kind: 'share', viewId: view.id, actor },
        logger,
        async () => {
          const { cursor, channel } = readConfirmMetadata(view.private_metadata);
          await deps.sharing.share(actor, cursor, channel, sharedPagePoster(client, channel));
          return renderShareReceipt(channel);
        },
      );
    },
  );
};
