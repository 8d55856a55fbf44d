import { createHash } from 'node:crypto';
import type { BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { AppError, toAppError } from '../../errors.js';
import type { AppLogger } from '../../logger.js';
import { reportAnswered, reportOutcome } from '../../ops/request-context.js';
import { renderReplyFailedMessage } from '../../render/reply-message.js';
import {
  type ReplyTextProblem,
  renderReplyForm,
  renderReplyLoading,
  renderReplyRefused,
  renderReplySending,
  renderReplySent,
  replyTextProblem,
} from '../../render/reply-modal.js';
import {
  decodeInboxReplyValue,
  type InboxReplyValue,
  REPLY_ACTION_ID_PATTERN,
  REPLY_IDS,
} from '../../surface/ids.js';
import { SMS_MAX_CHARS, smsLength } from '../../zoom/send-sms.js';
import { logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { errorContext, fillModal } from './conversation-deliver.js';

/** Errors after which the form comes back with the text kept, to fix or try again. */
const FORM_AGAIN = new Set([
  'SMS_TOO_LONG',
  'SMS_INVALID_NUMBER',
  'SMS_REFUSED',
  'ZOOM_RATE_LIMITED',
  'ZOOM_UNAVAILABLE',
  'ZOOM_UNCONFIRMED',
  'APP_RESTARTING',
  'INTERNAL',
  'ZOOM_BAD_RESPONSE',
]);

const textProblem = (
  target: InboxReplyValue | undefined,
  text: string,
): ReplyTextProblem | undefined => {
  if (target === undefined) return 'bad-form';
  if (text.trim() === '') return 'empty';
  return smsLength(text) > SMS_MAX_CHARS ? 'too-long' : undefined;
};

/**
 * One key per submission: the modal's id and the hash of the view that was submitted. A double
 * click or a retried `view_submission` carries the same pair; every new view the app puts in the
 * modal (after a failure, say) has a new hash, so a deliberate second try is a new submission.
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
export const submissionKeyOf = (view: { readonly id: string; readonly hash: string }): string =>
  createHash('sha256').update(`${view.id}\n${view.hash}`).digest('hex');

const openModal = async (
  client: WebClient,
  triggerId: string,
  view: ModalView,
  logger: AppLogger,
): Promise<{ viewId: string; hash?: string } | undefined> => {
  try {
    const opened = await client.views.open({ trigger_id: triggerId, view });
    if (opened.view?.id === undefined) return undefined;
    return {
      viewId: opened.view.id,
      ...(opened.view.hash === undefined ? {} : { hash: opened.view.hash }),
    };
  } catch (error) {
    logger.warn(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      'views.open refused the reply modal',
    );
    return undefined;
  }
};

/**
 * Replying to a text from Slack. **Reply** opens the modal at once with the click's
 * `trigger_id` (it lives 3 seconds) and then fills it with the conversation's last messages,
 * if the clicker may reply. Submitting is checked within Slack's 3-second ack (text present, at
 * most 500 characters, one send per submission: `response_action: "errors"` keeps the text and
 * shows why beside it), then sent after the ack; the outcome replaces the modal's content
 * (`views.update`), with the text kept after a failure, or comes as a direct message when the
 * modal is gone. Who may reply is decided by the core at submit time, never by who saw the button.
 * https://docs.slack.dev/surfaces/modals#handling_submissions
 */
export const registerReplyActions = (app: Listeners, deps: SlackDeps): void => {
  const loggerFor = (name: string, actor: string) =>
    deps.logger.child({ kind: 'reply', action: name, user: actor });

  app.action<BlockButtonAction>(
    { type: 'block_actions', action_id: REPLY_ACTION_ID_PATTERN },
    async ({ ack, body, action, client }) => {
      await ack();
      const actor = body.user.id;
      const logger = loggerFor(action.action_id, actor);
      const target = decodeInboxReplyValue(action.value ?? '');
      const ctx = () => errorContext(deps, actor);
      if (target === undefined) {
        const error = new AppError('BAD_BUTTON', 'Reply button value unreadable');
        logFailure(logger, error);
        const fallback = { sessionId: 'unknown', channelId: 'C0' };
        await openModal(
          client,
          body.trigger_id,
          renderReplyRefused(fallback, error, await ctx()),
          logger,
        );
        return;
      }
      const modal = await openModal(client, body.trigger_id, renderReplyLoading(target), logger);
      if (modal === undefined) return;
      let view: ModalView;
      try {
        const conversation = await deps.reply.open(actor, target);
        view = renderReplyForm(conversation, await deps.core.viewerContext(actor));
        reportOutcome('OK');
      } catch (caught) {
        const error = toAppError(caught);
        logFailure(logger, error);
        view = renderReplyRefused(target, error, await ctx());
      }
      await fillModal(client, modal, view, logger);
    },
  );

  app.view<ViewSubmitAction>(REPLY_IDS.callbackId, async ({ ack, body, view, client }) => {
    const actor = body.user.id;
    const logger = loggerFor(REPLY_IDS.callbackId, actor);
    const target = decodeInboxReplyValue(view.private_metadata ?? '');
    const text = view.state.values[REPLY_IDS.textBlock]?.[REPLY_IDS.textAction]?.value ?? '';
    const problem = textProblem(target, text);
    if (problem !== undefined || target === undefined) {
      reportOutcome(problem === 'bad-form' ? 'BAD_BUTTON' : 'INVALID_ARGS');
      await ack({
        response_action: 'errors',
        errors: { [REPLY_IDS.textBlock]: replyTextProblem(problem ?? 'bad-form', smsLength(text)) },
      });
      return;
    }
    let first: boolean;
    try {
      first = await deps.reply.claimSubmission(submissionKeyOf(view));
    } catch (caught) {
      logFailure(logger, toAppError(caught));
      await ack({
        response_action: 'errors',
        errors: {
          [REPLY_IDS.textBlock]:
            'The app could not record this submission, so nothing was sent. Try again.',
        },
      });
      return;
    }
    if (!first) {
      logger.info({}, 'reply submission already handled; not sent again');
      reportOutcome('OK');
      await ack();
      return;
    }
    await ack({ response_action: 'update', view: renderReplySending(target, text) });
    let next: ModalView;
    let failure: AppError | undefined;
    const ctx = await errorContext(deps, actor);
    try {
      const sent = await deps.reply.send(actor, target, text);
      next = renderReplySent(target, sent, ctx);
      reportOutcome('OK');
    } catch (caught) {
      failure = toAppError(caught);
      logFailure(logger, failure);
      next = FORM_AGAIN.has(failure.code)
        ? renderReplyForm({ target, messages: [] }, ctx, { text, error: failure })
        : renderReplyRefused(target, failure, ctx);
    }
    try {
      await client.views.update({ view_id: view.id, view: next });
      reportAnswered(true);
    } catch (error) {
      logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'views.update refused the reply modal; answering by direct message',
      );
      if (failure === undefined) return;
      try {
        const message = renderReplyFailedMessage(failure, text, ctx);
        await client.chat.postMessage({
          channel: actor,
          text: message.text,
          blocks: message.blocks,
        });
        reportAnswered(true);
      } catch (dmError) {
        reportAnswered(false);
        logger.warn(
          { err: { message: dmError instanceof Error ? dmError.message : String(dmError) } },
          'could not tell the person their reply failed',
        );
      }
    }
  });
};
