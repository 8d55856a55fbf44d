import type { KnownBlock, ModalView } from '@slack/types';
import type { AppError } from '../errors.js';
import { HOME_SHARE_IDS } from '../surface/home-ids.js';
import { renderError } from './error-message.js';
import { mrkdwn } from './session-list.js';
import type { RenderContext, RenderedMessage } from './types.js';

/** The Export modal's title (Slack allows 24 characters). */
export const EXPORT_MODAL_TITLE = 'Export CSV';
/** The Share modal's title while picking and after. */
export const SHARE_MODAL_TITLE = 'Share to channel';
/** The confirmation's title, as the listing's Share dialog asks it. */
export const SHARE_CONFIRM_TITLE = 'Share to this channel?';

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

const modal = (
  callbackId: string,
  title: string,
  blocks: KnownBlock[],
  options: { readonly submit?: string; readonly close: string; readonly metadata?: string },
): ModalView => ({
  type: 'modal',
  callback_id: callbackId,
  title: plain(title),
  ...(options.submit === undefined ? {} : { submit: plain(options.submit) }),
  close: plain(options.close),
  ...(options.metadata === undefined ? {} : { private_metadata: options.metadata }),
  blocks,
});

const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });

const numbers = (maskNumbers: boolean): string =>
  maskNumbers ? 'Phone numbers are partly hidden.' : 'Phone numbers are shown in full.';

/**
 * The modal Export CSV on the Home tab opens at once (the click's `trigger_id` lives 3
 * seconds): what is happening and where the file will be. Pure.
 */
export const renderExportWorking = (): ModalView =>
  modal(
    HOME_SHARE_IDS.exportCallbackId,
    EXPORT_MODAL_TITLE,
    [
      section(
        ':hourglass_flowing_sand: Exporting these SMS conversations to a CSV file. It will be in your direct messages with SMS Conversations.',
      ),
    ],
    { close: 'Close' },
  );

/**
 * A finished answer in a modal started from the Home tab (which has no `response_url`): the
 * message an export or a share ends with, as it would read under a listing. Pure.
 */
export const renderOutcomeModal = (kind: 'export' | 'share', message: RenderedMessage): ModalView =>
  modal(
    kind === 'export' ? HOME_SHARE_IDS.exportCallbackId : HOME_SHARE_IDS.resultCallbackId,
    kind === 'export' ? EXPORT_MODAL_TITLE : SHARE_MODAL_TITLE,
    message.blocks,
    { close: 'Done' },
  );

/** Why an export or a share from the Home tab did not happen, as under a listing, in its modal. */
export const renderSideError = (
  kind: 'export' | 'share',
  error: AppError,
  ctx: RenderContext,
): ModalView => renderOutcomeModal(kind, renderError(error, ctx));

/**
 * Share to channel from the Home tab, step one: pick the channel (`conversations_select`, public
 * and private channels, no DMs or channels shared with other organizations), knowing what will
 * happen. `metadata` is the page cursor, carried to the confirmation. Pure.
 * https://docs.slack.dev/reference/block-kit/block-elements/multi-select-menu-element#conversation_multi_select
 */
export const renderSharePick = (metadata: string, maskNumbers: boolean): ModalView =>
  modal(
    HOME_SHARE_IDS.pickCallbackId,
    SHARE_MODAL_TITLE,
    [
      {
        type: 'input',
        block_id: HOME_SHARE_IDS.channelBlock,
        label: plain('Channel'),
        hint: plain('The app must be a member of it (/invite @SMS Conversations).'),
        element: {
          type: 'conversations_select',
          action_id: HOME_SHARE_IDS.channelAction,
          placeholder: plain('Pick a channel'),
          filter: {
            include: ['public', 'private'],
            exclude_bot_users: true,
            exclude_external_shared_channels: true,
          },
        },
      },
      {
        type: 'context',
        elements: [
          mrkdwn(
            `Everyone in the channel will see this page of SMS conversations, with your name on it. ${numbers(maskNumbers)}`,
          ),
        ],
      },
    ],
    { submit: 'Next', close: 'Cancel', metadata },
  );

/**
 * Share to channel from the Home tab, step two: the confirmation Slack's own dialog would ask
 * for under a listing, naming the channel picked. Nothing is posted unless Share is pressed.
 * `metadata` carries the page cursor and the channel. Pure.
 * https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object
 */
export const renderShareConfirm = (
  metadata: string,
  channelId: string,
  maskNumbers: boolean,
): ModalView => {
  const where = CHANNEL_ID.test(channelId) ? `<#${channelId}>` : 'this channel';
  return modal(
    HOME_SHARE_IDS.confirmCallbackId,
    SHARE_CONFIRM_TITLE,
    [
      section(
        `Everyone in ${where} will see this page, with your name on it. ${numbers(maskNumbers)}`,
      ),
    ],
    { submit: 'Share', close: 'Cancel', metadata },
  );
};

/** While the page is fetched again and posted (the confirmation's answer). Pure. */
export const renderShareWorking = (): ModalView =>
  modal(
    HOME_SHARE_IDS.resultCallbackId,
    SHARE_MODAL_TITLE,
    [section(':hourglass_flowing_sand: Sharing this page…')],
    { close: 'Close' },
  );
