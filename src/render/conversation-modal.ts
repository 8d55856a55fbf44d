import type { KnownBlock, ModalView } from '@slack/types';
import type { Participant } from '../domain/sms.js';
import { formatPhoneNumber } from '../query/phone.js';
import { CONVERSATION_CALLBACK_ID } from '../surface/ids.js';
import { truncate } from './escape.js';

/** A modal's title: Slack allows 24 characters. https://docs.slack.dev/reference/views/modal-views */
export const MODAL_TITLE_MAX_CHARS = 24;

/** The title while the conversation loads or when it cannot be shown (no contact known yet). */
export const CONVERSATION_TITLE = 'SMS conversation';

/** `text` cut to a modal title's {@link MODAL_TITLE_MAX_CHARS}. */
const titleText = (text: string): string => truncate(text, MODAL_TITLE_MAX_CHARS);

/** The frame every conversation modal shares: title, Close, callback id. */
export const conversationModal = (blocks: KnownBlock[], title = CONVERSATION_TITLE): ModalView => ({
  type: 'modal',
  callback_id: CONVERSATION_CALLBACK_ID,
  title: { type: 'plain_text', text: titleText(title) },
  close: { type: 'plain_text', text: 'Close' },
  blocks,
});

/**
 * The conversation's title: the contact's name (else their number), with "+N" for the others of
 * a group text, within a modal title's 24 characters ("Dana Whitfield +2").
 */
export const conversationTitle = (others: readonly Participant[]): string => {
  const first = others[0];
  if (first === undefined) return CONVERSATION_TITLE;
  const more = others.length > 1 ? ` +${others.length - 1}` : '';
  const name =
    first.name?.trim() || formatPhoneNumber(first.phoneNumber?.trim() ?? '') || 'Unknown contact';
  return `${truncate(name, MODAL_TITLE_MAX_CHARS - more.length)}${more}`;
};
