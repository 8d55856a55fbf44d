import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { UnansweredConversation } from '../core/inbox/unanswered.js';
import type { SmsSession } from '../domain/sms.js';
import { HOME_BLOCK_IDS } from '../surface/home-ids.js';
import { encodeInboxReplyValue, homeReplyActionId, openActionId } from '../surface/ids.js';
import { openValue } from './conversation-open.js';
import { truncate } from './escape.js';
import { ACCESSIBILITY_LABEL_MAX_CHARS, ROW_NAME_MAX_CHARS } from './limits.js';
import { mrkdwn } from './session-list.js';
import { contactName, rowTitle } from './session-row.js';
import { slackDate } from './slack-date.js';
import type { RenderContext } from './types.js';

/** Most conversations the section lists (the core asks the store for no more). */
export const UNANSWERED_MAX_ROWS = 10;

/**
 * Where the Open buttons of the section start their indexes, past any listing's (at most 100
 * sessions), so every `action_id` of the Home view stays its own.
 */
export const UNANSWERED_OPEN_INDEX_BASE = 1000;

/** Blocks of the section at most: the heading, two per conversation and a divider. */
export const UNANSWERED_MAX_BLOCKS = 2 + 2 * UNANSWERED_MAX_ROWS;

/** What a row adds when it waits because the viewer's newest reply was not delivered. */
const REPLY_FAILED_NOTE = 'Your last reply was not delivered';

/** What the Home tab's section of conversations waiting for a reply shows. */
export interface HomeUnansweredModel {
  /** The viewer: the conversations are of their own number, and Open reads them as theirs. */
  readonly viewer: string;
  /** Newest first. */
  readonly conversations: readonly UnansweredConversation[];
}

/** The conversation as a session for the shared row helpers: its contact, when known. */
const asSession = (conversation: UnansweredConversation): SmsSession => ({
  id: conversation.sessionId,
  kind: 'user',
  lastActivityAt: conversation.receivedAt,
  participants:
    conversation.contact === undefined ? [] : [{ ...conversation.contact, isOwner: false }],
});

const label = (text: string): string => truncate(text, ACCESSIBILITY_LABEL_MAX_CHARS);

const row = (
  conversation: UnansweredConversation,
  index: number,
  model: HomeUnansweredModel,
  ctx: RenderContext,
): KnownBlock[] => {
  const session = asSession(conversation);
  const name = contactName(session);
  const when = slackDate(conversation.receivedAt, 'ago', ctx.timeZone, ctx.now) ?? 'recently';
  const failed = conversation.replyFailed === true ? ` · ${REPLY_FAILED_NOTE}` : '';
  const text: SectionBlock = {
    type: 'section',
    text: mrkdwn(`${rowTitle(session, ROW_NAME_MAX_CHARS)}\nTexted ${when}${failed}`),
  };
  const reply: Button = {
    type: 'button',
    action_id: homeReplyActionId(index),
    text: { type: 'plain_text', text: 'Reply' },
    value: encodeInboxReplyValue({ sessionId: conversation.sessionId }),
    accessibility_label: label(`Reply to ${name}`),
  };
  const value = openValue(session, { kind: 'slack-user', slackUserId: model.viewer }, ctx.now);
  const open: Button[] =
    value === undefined
      ? []
      : [
          {
            type: 'button',
            action_id: openActionId(UNANSWERED_OPEN_INDEX_BASE + index),
            text: { type: 'plain_text', text: 'Open' },
            value,
            accessibility_label: label(`Open conversation with ${name}`),
          },
        ];
  const actions: ActionsBlock = { type: 'actions', elements: [reply, ...open] };
  return [text, actions];
};

/**
 * The Home tab's first section: the viewer's own conversations whose last text came in and has
 * not been answered (or whose last reply Zoom could not send), newest first, each as who wrote
 * (bold name and number, or "Unknown contact"), when ("Texted 5 minutes ago", a Slack date token,
 * then {@link REPLY_FAILED_NOTE} when the last reply failed), **Reply** (the reply modal; who
 * may reply is decided when the text is sent) and **Open**; then a divider. Nothing at all when
 * none is waiting. Pure; at most {@link UNANSWERED_MAX_BLOCKS} blocks, all contact text escaped.
 * https://docs.slack.dev/surfaces/app-home
 */
export const renderHomeUnanswered = (
  model: HomeUnansweredModel,
  ctx: RenderContext,
): KnownBlock[] => {
  const shown = model.conversations.slice(0, UNANSWERED_MAX_ROWS);
  if (shown.length === 0) return [];
  return [
    {
      type: 'section',
      block_id: HOME_BLOCK_IDS.unanswered,
      text: mrkdwn(`*Waiting for your reply* (${shown.length})`),
    },
    ...shown.flatMap((conversation, index) => row(conversation, index, model, ctx)),
    { type: 'divider' },
  ];
};
