import type { Button, ModalView } from '@slack/types';
import type { AppError } from '../errors.js';
import {
  type ConversationCursor,
  encodeConversationCursor,
  newestCursor,
} from '../query/conversation-cursor.js';
import { SESSION_ACTION_IDS, SESSION_BLOCK_IDS } from '../surface/ids.js';
import { adminContact } from './admin-contact.js';
import { conversationModal } from './conversation-modal.js';
import { type Explanation, explain } from './error-explanation.js';
import { explanationBlocks, isPassingError } from './error-message.js';
import { codeSpan } from './format.js';
import type { RenderContext } from './types.js';

/**
 * The granular scope "Get SMS session details" needs (classic: `phone:read:admin` or
 * `phone_sms:read:admin`), as spec/zoom/phone-sms-openapi.json lists it.
 */
export const SESSION_DETAILS_SCOPE = 'phone:read:sms_session:admin';

const missingScopes = (error: AppError, ctx: RenderContext): Explanation => {
  const named = error.detail.scopes ?? [];
  const words = {
    title: "The app can't read conversations yet",
    body: `The app's Zoom connection is not allowed to read SMS messages. Tell ${adminContact(ctx.viewer)}.`,
  };
  return ctx.viewer?.isAdmin === true
    ? {
        ...words,
        admin: `Add ${codeSpan(SESSION_DETAILS_SCOPE)} to the app's Server-to-Server OAuth app in the Zoom App Marketplace ("Get SMS session details" needs it)${
          named.length === 0 ? '' : `; Zoom named ${named.slice(0, 10).map(codeSpan).join(', ')}`
        }.`,
      }
    : words;
};

const button = (text: string, actionId: string, cursor: ConversationCursor): Button[] => {
  const value = encodeConversationCursor(cursor);
  return value === undefined
    ? []
    : [{ type: 'button', text: { type: 'plain_text', text }, action_id: actionId, value }];
};

/**
 * A conversation that could not be shown, as the modal's content: the same words as everywhere
 * for each error code (src/render/error-explanation.ts), except missing Zoom scopes, which name the
 * scope this operation needs (`phone:read:sms_session:admin`) for an admin of the app (members are
 * pointed to the admins). "Newest messages"
 * follows an expired page link; "Try again" a failure that may pass. Pure.
 * https://docs.slack.dev/reference/views/modal-views
 */
export const renderConversationError = (
  error: AppError,
  ctx: RenderContext,
  cursor?: ConversationCursor,
): ModalView => {
  const blocks = explanationBlocks(
    error.code === 'ZOOM_MISSING_SCOPES' ? missingScopes(error, ctx) : explain(error, ctx),
  );
  const buttons =
    cursor === undefined
      ? []
      : [
          ...(error.code === 'PAGE_EXPIRED' || (isPassingError(error.code) && cursor.page > 1)
            ? button('Newest messages', SESSION_ACTION_IDS.conversationNewest, newestCursor(cursor))
            : []),
          ...(isPassingError(error.code)
            ? button('Try again', SESSION_ACTION_IDS.conversationRetry, cursor)
            : []),
        ];
  if (buttons.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: SESSION_BLOCK_IDS.conversationErrorActions,
      elements: buttons,
    });
  }
  return conversationModal(blocks);
};
