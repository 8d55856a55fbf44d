import type { ActionsBlock, Button, KnownBlock, ModalView } from '@slack/types';
import type { ConversationModel } from '../core/conversation.js';
import type { Attachment, Participant, SmsMessage } from '../domain/sms.js';
import {
  type ConversationCursor,
  encodeConversationCursor,
  newerCursor,
  newestCursor,
  olderCursor,
} from '../query/conversation-cursor.js';
import { formatPhoneNumber } from '../query/phone.js';
import { CONVERSATION_CALLBACK_ID, SESSION_ACTION_IDS, SESSION_BLOCK_IDS } from '../surface/ids.js';
import { truncate, zoomText } from './escape.js';
import { subjectName } from './identity-subject.js';
import { phoneLabel } from './labels.js';
import { LABEL_MAX_CHARS, TEXT_MAX_CHARS, VIEW_MAX_BLOCKS } from './limits.js';
import { participantsLabel } from './participants-label.js';
import { slackDate } from './slack-date.js';
import type { RenderContext } from './types.js';

/** A modal's title: Slack allows 24 characters. https://docs.slack.dev/reference/views/modal-views */
export const MODAL_TITLE_MAX_CHARS = 24;

/** The title while the conversation loads or when it cannot be shown (no contact known yet). */
export const CONVERSATION_TITLE = 'SMS conversation';

/** Blocks of the modal that are not messages: who, window, divider, pager, footnote. */
export const CONVERSATION_FRAME_MAX_BLOCKS = 5;

/** Blocks one message takes at most: who/when/status, its text, its attachments. */
export const BLOCKS_PER_MESSAGE = 3;

/** Messages one modal shows at most, whatever Zoom sends: inside the 100 blocks of a view. */
export const MESSAGES_PER_VIEW_MAX = Math.floor(
  (VIEW_MAX_BLOCKS - CONVERSATION_FRAME_MAX_BLOCKS) / BLOCKS_PER_MESSAGE,
);

/** Characters of a sender's name in a message's heading. */
const SENDER_NAME_MAX_CHARS = 60;

/** Characters of the "With:" line listing the other parties. */
const WITH_MAX_CHARS = 1000;

/** Characters of an attachment's file name. */
const FILE_NAME_MAX_CHARS = 80;

/**
 * What a message's status adds to its heading. A received text needs no word (its sender says
 * it came in); a sent one is "Sent" until the carrier confirms it "Delivered".
 */
const DELIVERY_LABELS: Readonly<
  Record<Exclude<SmsMessage['status'], 'unknown'>, string | undefined>
> = {
  received: undefined,
  delivered: 'Delivered',
  sent: 'Sent',
  failed: ':warning: Failed',
};

const FAILURE_LABELS: Readonly<Record<NonNullable<SmsMessage['failure']>, string>> = {
  send: ':warning: Failed to send',
  deliver: ':warning: Not delivered',
};

/** The word the source used, when the app has none for it ("unknown" has its own words). */
const rawLabel = (raw: string | undefined): string | undefined =>
  raw === undefined
    ? undefined
    : raw === 'unknown'
      ? 'Delivery unknown'
      : truncate(zoomText(raw), LABEL_MAX_CHARS);

const deliveryLabel = (message: SmsMessage): string | undefined => {
  if (message.status === 'unknown') return rawLabel(message.rawStatus);
  if (message.status === 'failed' && message.failure !== undefined) {
    return FAILURE_LABELS[message.failure];
  }
  return DELIVERY_LABELS[message.status];
};

/** A direction the app has no word for, as the source wrote it; known directions go unsaid. */
const directionLabel = (message: SmsMessage): string | undefined =>
  message.direction === 'unknown' && message.rawDirection !== undefined
    ? truncate(zoomText(message.rawDirection), LABEL_MAX_CHARS)
    : undefined;

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

/**
 * What `views.open` shows at once, while Zoom is asked for the messages: Slack's `trigger_id`
 * lives 3 seconds, far less than Zoom may take. https://docs.slack.dev/surfaces/modals
 */
export const renderConversationLoading = (): ModalView =>
  conversationModal([
    {
      type: 'section',
      text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: Loading messages…' },
    },
  ]);

/** Who sent a message: their name, else their number (the "With:" line has the numbers). */
const senderLabel = (party: Participant | undefined): string => {
  const name = party?.name?.trim();
  if (name) return `*${truncate(zoomText(name), SENDER_NAME_MAX_CHARS)}*`;
  const phone = party?.phoneNumber?.trim();
  return phone ? phoneLabel(phone) : '*Unknown sender*';
};

const byteSize = (bytes: number | undefined): string | undefined => {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return undefined;
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
};

const attachmentLabel = (attachment: Attachment): string => {
  const name = truncate(zoomText(attachment.name?.trim() || 'Unnamed file'), FILE_NAME_MAX_CHARS);
  const facts = [
    attachment.rawType === undefined
      ? undefined
      : truncate(zoomText(attachment.rawType), LABEL_MAX_CHARS),
    byteSize(attachment.sizeBytes),
  ].filter((fact) => fact !== undefined);
  return facts.length === 0 ? name : `${name} (${facts.join(', ')})`;
};

const messageBlocks = (message: SmsMessage, ctx: RenderContext): KnownBlock[] => {
  const heading = [
    senderLabel(message.sender),
    directionLabel(message),
    (message.sentAt === undefined
      ? undefined
      : slackDate(message.sentAt, 'dateTime', ctx.timeZone)) ?? 'unknown time',
    deliveryLabel(message),
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(heading, TEXT_MAX_CHARS), verbatim: true }],
    },
  ];
  const text = message.text?.trim();
  if (text) {
    blocks.push({
      type: 'section',
      text: { type: 'plain_text', text: truncate(text, TEXT_MAX_CHARS), emoji: false },
    });
  }
  const files = message.attachments;
  if (files.length > 0) {
    const list = `:paperclip: ${files.map(attachmentLabel).join(', ')}`;
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(list, TEXT_MAX_CHARS), verbatim: true }],
    });
  }
  return blocks;
};

/** The other parties of a page: everyone who is not an account's own line, once each by number. */
const outsideParties = (messages: readonly SmsMessage[]): Participant[] => {
  const seen = new Map<string, Participant>();
  for (const message of messages) {
    for (const party of [message.sender, ...message.recipients]) {
      if (party === undefined || party.owner !== undefined) continue;
      const key = party.phoneNumber ?? party.name ?? '';
      if (!seen.has(key)) seen.set(key, party);
    }
  }
  return [...seen.values()];
};

const pagerButton = (
  text: string,
  actionId: string,
  cursor: ConversationCursor,
  primary = false,
): Button[] => {
  const value = encodeConversationCursor(cursor);
  return value === undefined
    ? []
    : [
        {
          type: 'button',
          text: { type: 'plain_text', text },
          action_id: actionId,
          value,
          ...(primary ? { style: 'primary' as const } : {}),
        },
      ];
};

const pager = (cursor: ConversationCursor, nextPageToken: string): ActionsBlock | undefined => {
  const newer = newerCursor(cursor);
  const elements = [
    ...(nextPageToken === ''
      ? []
      : pagerButton(
          '← Older',
          SESSION_ACTION_IDS.conversationOlder,
          olderCursor(cursor, nextPageToken),
          true,
        )),
    ...(newer !== undefined
      ? pagerButton('Newer →', SESSION_ACTION_IDS.conversationNewer, newer)
      : cursor.page > 1
        ? pagerButton('Newest', SESSION_ACTION_IDS.conversationNewest, newestCursor(cursor))
        : []),
  ];
  return elements.length === 0
    ? undefined
    : { type: 'actions', block_id: SESSION_BLOCK_IDS.conversationPager, elements };
};

const windowText = (cursor: ConversationCursor, ctx: RenderContext): string =>
  `${slackDate(cursor.from, 'dateTime', ctx.timeZone) ?? cursor.from} – ${
    slackDate(cursor.to, 'dateTime', ctx.timeZone) ?? cursor.to
  }`;

/**
 * One page of a conversation as a modal (`views.update` after the loading view), titled with the
 * contact's name: who the other parties are (with their numbers) and whose conversation it is,
 * then each message oldest to newest — its sender's name (a number only when there is no name),
 * time as a Slack date token (each viewer's own zone), delivery status for texts sent, the
 * text as plain text (never formatted, links and mentions inert) and attachments by name, type
 * and size — then Older / Newer buttons carrying conversation cursors. Zoom sends pages newest
 * first, so page 1 is the latest messages and Older walks back. Pure; inside a modal's 100
 * blocks for any page (at most {@link MESSAGES_PER_VIEW_MAX} messages are shown).
 * https://docs.slack.dev/reference/views/modal-views
 */
export const renderConversation = (model: ConversationModel, ctx: RenderContext): ModalView => {
  const { cursor } = model;
  const shown = model.messages.slice(0, MESSAGES_PER_VIEW_MAX);
  const others = outsideParties(shown);
  const context = [
    `*Person:* ${subjectName(model.subject)}`,
    windowText(cursor, ctx),
    `Page ${cursor.page}${cursor.page === 1 ? ' (newest)' : ''}`,
  ];
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*With:* ${others.length === 0 ? 'nobody else listed' : participantsLabel(others, WITH_MAX_CHARS)}`,
        verbatim: true,
      },
    },
    { type: 'context', elements: context.map((text) => ({ type: 'mrkdwn', text })) },
    { type: 'divider' },
  ];
  if (shown.length === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          cursor.page === 1
            ? 'No messages in this conversation during these 30 days.'
            : 'No older messages in these 30 days.',
      },
    });
  }
  for (const message of [...shown].reverse()) blocks.push(...messageBlocks(message, ctx));
  const buttons = pager(cursor, model.nextPageToken);
  if (buttons !== undefined) blocks.push(buttons);
  return conversationModal(blocks, conversationTitle(others));
};
