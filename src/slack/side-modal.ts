import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../logger.js';
import { reportAnswered } from '../ops/request-context.js';
import type { RenderedMessage } from '../render/types.js';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Opens `view` with a click's `trigger_id` (it lives 3 seconds); resolves to the new modal's id,
 * or `undefined` when Slack refused it (logged).
 * https://docs.slack.dev/reference/methods/views.open
 */
export const openSideModal = async (
  client: WebClient,
  triggerId: string,
  view: ModalView,
  logger: AppLogger,
): Promise<string | undefined> => {
  try {
    return (await client.views.open({ trigger_id: triggerId, view })).view?.id;
  } catch (error) {
    logger.warn({ err: { message: messageOf(error) } }, 'views.open refused the modal');
    return undefined;
  }
};

/**
 * Ends a side action started from the Home tab (which has no `response_url`): `view` in its
 * modal (`views.update`) when the modal is still there; otherwise `message` as a direct message
 * from the app, so the answer is never lost.
 * https://docs.slack.dev/reference/methods/views.update
 */
export const answerInModalOrDm = async (
  client: WebClient,
  target: { readonly viewId: string | undefined; readonly actor: string },
  answer: { readonly view: ModalView; readonly message: RenderedMessage },
  logger: AppLogger,
): Promise<void> => {
  if (target.viewId !== undefined) {
    try {
      await client.views.update({ view_id: target.viewId, view: answer.view });
      reportAnswered(true);
      return;
    } catch (error) {
      logger.warn(
        { err: { message: messageOf(error) } },
        'views.update refused the modal; answering by direct message',
      );
    }
  }
  try {
    await client.chat.postMessage({
      channel: target.actor,
      text: answer.message.text,
      blocks: answer.message.blocks,
    });
    reportAnswered(true);
  } catch (error) {
    reportAnswered(false);
    logger.warn({ err: { message: messageOf(error) } }, 'the direct message was refused too');
  }
};
