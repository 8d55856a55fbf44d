import type { KnownBlock, ModalView, PlainTextInput } from '@slack/types';
import type { ReplyConversation, SentReply } from '../core/reply/reply-core.js';
import type { Participant, SmsMessage } from '../domain/sms.js';
import type { AppError } from '../errors.js';
import { encodeInboxReplyValue, type InboxReplyValue, REPLY_IDS } from '../surface/ids.js';
import { SMS_MAX_CHARS } from '../zoom/send-sms.js';
import { explain } from './error-explanation.js';
import { ELLIPSIS, escapeMrkdwn, truncate } from './escape.js';
import { phoneLabel } from './labels.js';
import { TEXT_MAX_CHARS } from './limits.js';
import { slackDate } from './slack-date.js';
import type { RenderContext } from './types.js';

/** The modal's title (Slack allows 24 characters). */
export const REPLY_TITLE = 'Reply by text';

/** Characters of one earlier message shown above the text box. */
export const CONTEXT_MESSAGE_MAX_CHARS = 600;

/** Why a submission is refused in the 3-second ack, beside the text box. */
export type ReplyTextProblem = 'empty' | 'too-long' | 'bad-form';

const modal = (
  target: InboxReplyValue,
  blocks: KnownBlock[],
  options: { readonly submit: boolean; readonly close?: string },
): ModalView => ({
  type: 'modal',
  callback_id: REPLY_IDS.callbackId,
  private_metadata: encodeInboxReplyValue(target),
  title: { type: 'plain_text', text: REPLY_TITLE },
  ...(options.submit ? { submit: { type: 'plain_text', text: 'Send' } } : {}),
  close: { type: 'plain_text', text: options.close ?? 'Cancel' },
  blocks,
});

const textBox = (text: string | undefined): KnownBlock => {
  const element: PlainTextInput = {
    type: 'plain_text_input',
    action_id: REPLY_IDS.textAction,
    multiline: true,
    placeholder: { type: 'plain_text', text: 'Write a text…' },
    ...(text === undefined || text === '' ? {} : { initial_value: text }),
  };
  return {
    type: 'input',
    block_id: REPLY_IDS.textBlock,
    label: { type: 'plain_text', text: 'Your reply' },
    hint: {
      type: 'plain_text',
      text: `Sent as a text from the conversation's number, at most ${SMS_MAX_CHARS} characters.`,
    },
    element,
  };
};

const who = (party: Participant | undefined): string => {
  const name = party?.name?.trim();
  if (name) return `*${truncate(escapeMrkdwn(name), 60)}*`;
  return party?.phoneNumber === undefined ? '*Unknown*' : `*${phoneLabel(party.phoneNumber)}*`;
};

const messageBlock = (message: SmsMessage, ctx: RenderContext): KnownBlock => {
  const when =
    message.sentAt === undefined ? undefined : slackDate(message.sentAt, 'dateTime', ctx.timeZone);
  const text = message.text?.trim()
    ? truncate(escapeMrkdwn(message.text), CONTEXT_MESSAGE_MAX_CHARS)
    : `_${message.attachments.length > 0 ? 'Attachment only' : 'No text'}_`;
  const head = `${message.direction === 'out' ? ':outbox_tray:' : ':inbox_tray:'} ${who(message.sender)}${when === undefined ? '' : ` · ${when}`}`;
  return { type: 'section', text: { type: 'mrkdwn', text: `${head}\n${text}` } };
};

const problemBlock = (title: string, body: string): KnownBlock => ({
  type: 'context',
  block_id: REPLY_IDS.problemBlock,
  elements: [
    {
      type: 'mrkdwn',
      text: truncate(`:warning: *${title}*\n${body}`, TEXT_MAX_CHARS),
    },
  ],
});

/** The modal Reply opens at once (the click's `trigger_id` lives 3 seconds): the text box and a loading line. */
export const renderReplyLoading = (target: InboxReplyValue): ModalView =>
  modal(
    target,
    [
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `:hourglass_flowing_sand: Loading the conversation${ELLIPSIS}` },
        ],
      },
      textBox(undefined),
    ],
    { submit: true },
  );

/**
 * The reply modal: the conversation's last few messages (oldest first), then the text box with
 * `text` kept, and, after a failed send, what went wrong right under it. Pure.
 * https://docs.slack.dev/surfaces/modals
 */
export const renderReplyForm = (
  conversation: ReplyConversation,
  ctx: RenderContext,
  options: { readonly text?: string; readonly error?: AppError } = {},
): ModalView => {
  const heading: KnownBlock = {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text:
          conversation.lineName === undefined
            ? 'Your reply goes out from your Zoom Phone number to everyone else in this conversation.'
            : `Your reply goes out from ${escapeMrkdwn(truncate(conversation.lineName, 60))}'s number to everyone else in this conversation.`,
      },
    ],
  };
  const explained = options.error === undefined ? undefined : explain(options.error, ctx);
  return modal(
    conversation.target,
    [
      heading,
      ...(conversation.messages.length === 0
        ? []
        : [
            { type: 'divider' } as KnownBlock,
            ...conversation.messages.map((message) => messageBlock(message, ctx)),
            { type: 'divider' } as KnownBlock,
          ]),
      textBox(options.text),
      ...(explained === undefined ? [] : [problemBlock(explained.title, explained.body)]),
    ],
    { submit: true },
  );
};

/** A reply that cannot go ahead (refused, unknown conversation): the reason, no text box. */
export const renderReplyRefused = (
  target: InboxReplyValue,
  error: AppError,
  ctx: RenderContext,
): ModalView => {
  const { title, body, admin } = explain(error, ctx);
  return modal(
    target,
    [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${body}` } },
      ...(admin === undefined
        ? []
        : [{ type: 'context', elements: [{ type: 'mrkdwn', text: admin }] } as KnownBlock]),
    ],
    { submit: false, close: 'Close' },
  );
};

/** What the modal shows while Zoom sends (the submission's answer). */
export const renderReplySending = (target: InboxReplyValue, text: string): ModalView =>
  modal(
    target,
    [
      { type: 'section', text: { type: 'mrkdwn', text: `:outbox_tray: Sending${ELLIPSIS}` } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(text), TEXT_MAX_CHARS) }],
      },
    ],
    { submit: false, close: 'Close' },
  );

/** The modal once Zoom accepted the text (saying where it shows, when it has a thread). */
export const renderReplySent = (
  target: InboxReplyValue,
  sent: SentReply,
  ctx: RenderContext,
): ModalView => {
  const when = slackDate(sent.sentAt, 'dateTime', ctx.timeZone);
  return modal(
    target,
    [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:white_check_mark: *Sent*${when === undefined ? '' : ` ${when}`}.${sent.thread === undefined ? '' : " It shows in the conversation's thread."}`,
        },
      },
    ],
    { submit: false, close: 'Done' },
  );
};

/** The sentence beside the text box when a submission is refused in the ack. */
export const replyTextProblem = (problem: ReplyTextProblem, length: number): string => {
  switch (problem) {
    case 'empty':
      return 'Write the text to send first.';
    case 'too-long':
      return `A text can have at most ${SMS_MAX_CHARS} characters, and this one has ${length}. Shorten it, or send it in two parts.`;
    case 'bad-form':
      return 'This reply form is from an older version of the app. Close it and press Reply again.';
  }
};
