import type { Button, KnownBlock } from '@slack/types';
import type { InboxEventKind } from '../domain/inbox.js';
import type { Attachment, DeliveryStatus, Participant } from '../domain/sms.js';
import { formatPhoneNumber } from '../query/phone.js';
import {
  encodeInboxReplyValue,
  INBOX_ACTION_IDS,
  INBOX_BLOCK_IDS,
  openActionId,
} from '../surface/ids.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { TEXT_MAX_CHARS } from './limits.js';
import { maskPhoneNumber } from './share-mask.js';
import { slackDate } from './slack-date.js';
import type { RenderContext, RenderedMessage } from './types.js';

/** Characters of a name shown in a delivered text. */
export const INBOX_NAME_MAX_CHARS = 80;

/** Characters of the text in a notification's top-level `text` (what a phone's banner shows). */
export const INBOX_PREVIEW_MAX_CHARS = 150;

/** "Open in Zoom" buttons under one text (MMS carry up to 10 files; the rest are listed only). */
export const INBOX_ATTACHMENT_BUTTONS_MAX = 3;

/** One delivered text, as the renderer needs it: no Zoom or Slack wire names. */
export interface InboxMessageModel {
  /**
   * `received`: a contact wrote; `sent`: the account's line wrote (from Zoom or from Slack);
   * `failed`: what the line wrote could not be sent (rendered by `renderInboxSendFailed`).
   */
  readonly kind: InboxEventKind;
  /** The first post of the session here (starts the thread) or a reply in the thread. */
  readonly position: 'first' | 'thread';
  readonly sessionId: string;
  /** The channel the post goes to (for the Reply button's value). */
  readonly channelId: string;
  /** The outside party (the contact). */
  readonly contact?: Participant;
  /** Who wrote a sent text, when Zoom named them. */
  readonly author?: Participant;
  /** A routed line's name, for channel posts ("to Support"). */
  readonly lineName?: string;
  /** The text, when known and shown; `undefined` hides it (`NOTIFY_SHOW_TEXT=false`). */
  readonly text?: string;
  /** `false` when this replica no longer holds the text (restart, another replica received it). */
  readonly textKnown: boolean;
  readonly sentAt?: string;
  readonly status: DeliveryStatus;
  readonly attachments: readonly Attachment[];
  /** Numbers shown as `+1 415 •••• 0100` (channel posts with `SHARE_MASK_NUMBERS`). */
  readonly maskNumbers: boolean;
  /** The conversation cursor the Open button carries; no button when absent. */
  readonly openValue?: string;
  /** Zoom's reason a `failed` text was not sent, when it gave one (third-party text). */
  readonly failureReason?: string;
}

const KIND_LABELS: Readonly<Record<Attachment['kind'], string>> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  file: 'file',
};

const byteSize = (bytes: number | undefined): string | undefined => {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return undefined;
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
};

const numberLabel = (phoneNumber: string | undefined, mask: boolean): string | undefined => {
  if (phoneNumber === undefined) return undefined;
  return escapeMrkdwn(mask ? maskPhoneNumber(phoneNumber) : formatPhoneNumber(phoneNumber));
};

/** A participant's name for `mrkdwn`, escaped, one line, at most {@link INBOX_NAME_MAX_CHARS}. */
export const nameLabel = (party: Participant | undefined): string | undefined => {
  const name = party?.name?.trim();
  return name ? truncate(escapeMrkdwn(name.replace(/\s+/g, ' ')), INBOX_NAME_MAX_CHARS) : undefined;
};

/**
 * "*Dana Whitfield* (+1 810 800 1001)", "+1 810 800 1001" or "an unknown number", for `mrkdwn`:
 * the number formatted, or masked when `mask` (channel posts with `SHARE_MASK_NUMBERS`).
 */
export const partyLabel = (party: Participant | undefined, mask: boolean): string => {
  const name = nameLabel(party);
  const number = numberLabel(party?.phoneNumber, mask);
  if (name !== undefined && number !== undefined) return `*${name}* (${number})`;
  return name === undefined ? (number ?? 'an unknown number') : `*${name}*`;
};

/** The number (formatted or masked), else the name, for a notification's top-level `text`. */
export const plainParty = (party: Participant | undefined, mask: boolean): string => {
  const number =
    party?.phoneNumber === undefined
      ? undefined
      : mask
        ? maskPhoneNumber(party.phoneNumber)
        : formatPhoneNumber(party.phoneNumber);
  return escapeMrkdwn(number ?? party?.name?.trim() ?? 'an unknown number');
};

const attachmentLine = (file: Attachment): string => {
  const name = truncate(escapeMrkdwn(file.name?.trim() || 'Unnamed file'), INBOX_NAME_MAX_CHARS);
  const facts = [KIND_LABELS[file.kind], byteSize(file.sizeBytes)].filter((f) => f !== undefined);
  return `${name} (${facts.join(', ')})`;
};

/** The routed line's name for `mrkdwn`, bold, escaped and cut; `undefined` for a person's own. */
export const lineLabel = (model: InboxMessageModel): string | undefined =>
  model.lineName === undefined
    ? undefined
    : `*${truncate(escapeMrkdwn(model.lineName), INBOX_NAME_MAX_CHARS)}*`;

const heading = (model: InboxMessageModel): string => {
  const line = lineLabel(model);
  const to = line === undefined ? '' : ` to ${line}`;
  if (model.kind === 'received') {
    const lead = model.position === 'first' ? ':speech_balloon: New text from ' : '';
    return `${lead}${partyLabel(model.contact, model.maskNumbers)}${to}`;
  }
  const author = nameLabel(model.author) ?? 'Your line';
  const failed = model.status === 'failed' ? ' :warning: *not sent*' : '';
  return `*${author}* → ${partyLabel(model.contact, model.maskNumbers)}${failed}`;
};

/**
 * The text itself, verbatim as `plain_text` (a stranger's words: nothing in it is formatted), or
 * a pointer to the conversation when this replica no longer holds it; nothing when hidden.
 */
export const inboxBodyBlocks = (model: InboxMessageModel): KnownBlock[] => {
  if (!model.textKnown) {
    return [
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Open the conversation to read this text.' }],
      },
    ];
  }
  const text = model.text?.trim();
  return text
    ? [
        {
          type: 'section',
          text: { type: 'plain_text', text: truncate(text, TEXT_MAX_CHARS), emoji: false },
        },
      ]
    : [];
};

/** **Open** and **Reply** on a thread's first post, then **Open in Zoom** per attachment. */
const inboxButtons = (model: InboxMessageModel): Button[] => {
  const list: Button[] = [];
  if (model.position === 'first' && model.openValue !== undefined) {
    list.push({
      type: 'button',
      text: { type: 'plain_text', text: 'Open' },
      action_id: openActionId(0),
      value: model.openValue,
    });
  }
  if (model.position === 'first') {
    list.push({
      type: 'button',
      text: { type: 'plain_text', text: 'Reply' },
      action_id: INBOX_ACTION_IDS.reply,
      value: encodeInboxReplyValue({ sessionId: model.sessionId, channelId: model.channelId }),
      style: 'primary',
    });
  }
  model.attachments
    .flatMap((file) => (file.openUrl === undefined ? [] : [file.openUrl]))
    .slice(0, INBOX_ATTACHMENT_BUTTONS_MAX)
    .forEach((url, index) => {
      list.push({
        type: 'button',
        text: { type: 'plain_text', text: 'Open in Zoom' },
        action_id: `${INBOX_ACTION_IDS.openAttachment}.${index}`,
        url,
      });
    });
  return list;
};

/** The actions block of {@link inboxButtons}, or nothing when there is no button. */
export const inboxActionBlocks = (model: InboxMessageModel): KnownBlock[] => {
  const elements = inboxButtons(model);
  return elements.length === 0
    ? []
    : [{ type: 'actions', block_id: INBOX_BLOCK_IDS.actions, elements }];
};

const notificationText = (model: InboxMessageModel): string => {
  const who = plainParty(model.contact, model.maskNumbers);
  const lead = model.kind === 'received' ? `New text from ${who}` : `Text sent to ${who}`;
  const text = model.textKnown ? model.text?.replace(/\s+/g, ' ').trim() : undefined;
  if (!text) return model.attachments.length > 0 ? `${lead} (with attachments)` : lead;
  return `${lead}: ${truncate(escapeMrkdwn(text), INBOX_PREVIEW_MAX_CHARS)}`;
};

/** The text's time as a Slack date token (each reader sees their own zone), when known. */
export const inboxSentAt = (model: InboxMessageModel, ctx: RenderContext): string | undefined =>
  model.sentAt === undefined ? undefined : slackDate(model.sentAt, 'dateTime', ctx.timeZone);

/** The attachments in one grey line (kind, name, size), or nothing. */
export const inboxAttachmentBlocks = (model: InboxMessageModel): KnownBlock[] =>
  model.attachments.length === 0
    ? []
    : [
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: truncate(
                `:paperclip: ${model.attachments.map(attachmentLine).join(', ')}`,
                TEXT_MAX_CHARS,
              ),
            },
          ],
        },
      ];

/**
 * A text Zoom reported, as a Slack message: the first of a session starts a thread (who wrote,
 * their number, the text, the time as a Slack date token, **Open** for the whole conversation and
 * **Reply**); later texts of the session, either direction, are replies in that thread. The text
 * is a stranger's: shown verbatim as `plain_text` (no formatting, links or mentions), escaped in
 * the notification text. Attachments are described (kind, name, size) with **Open in Zoom**,
 * never fetched. A `failed` text has its own message (`renderInboxSendFailed`). Pure.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export const renderInboxMessage = (
  model: InboxMessageModel,
  ctx: RenderContext,
): RenderedMessage => {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(heading(model), TEXT_MAX_CHARS) } },
    ...inboxBodyBlocks(model),
    ...inboxAttachmentBlocks(model),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: inboxSentAt(model, ctx) ?? 'unknown time' }],
    },
    ...inboxActionBlocks(model),
  ];
  return { text: notificationText(model), blocks };
};
