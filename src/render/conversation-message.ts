import type { KnownBlock } from '@slack/types';
import type { Attachment, Participant, SmsMessage } from '../domain/sms.js';
import { truncate, zoomText } from './escape.js';
import { phoneLabel } from './labels.js';
import { LABEL_MAX_CHARS, TEXT_MAX_CHARS } from './limits.js';
import { slackDate } from './slack-date.js';
import type { RenderContext } from './types.js';

/** Blocks one message takes at most: who/when/status, its text, its attachments. */
export const BLOCKS_PER_MESSAGE = 3;

/** Characters of a sender's name in a message's heading. */
const SENDER_NAME_MAX_CHARS = 60;

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

/**
 * One message of a conversation, in at most {@link BLOCKS_PER_MESSAGE} blocks: a heading with
 * its sender's name (a number only when there is no name), a direction the app has no word for,
 * its time as a Slack date token (each viewer's own zone) and its delivery status; its text as
 * plain text (never formatted, links and mentions inert); its attachments by name, type and
 * size. Every piece is cut to Slack's 3000 characters. Pure.
 * https://docs.slack.dev/reference/block-kit/blocks/context-block
 */
export const messageBlocks = (message: SmsMessage, ctx: RenderContext): KnownBlock[] => {
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
