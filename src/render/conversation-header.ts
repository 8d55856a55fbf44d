import type { KnownBlock } from '@slack/types';
import type { Participant, SmsMessage } from '../domain/sms.js';
import type { ConversationCursor } from '../query/conversation-cursor.js';
import { subjectName } from './identity-subject.js';
import { participantsLabel } from './participants-label.js';
import { slackDate } from './slack-date.js';
import type { RenderContext, SubjectModel } from './types.js';

/** Characters of the "With:" line listing the other parties. */
const WITH_MAX_CHARS = 1000;

/**
 * The other parties of a page: everyone who is not an account's own line, once each by number
 * (else by name), in the order they first appear.
 */
export const outsideParties = (messages: readonly SmsMessage[]): Participant[] => {
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

const windowText = (cursor: ConversationCursor, ctx: RenderContext): string =>
  `${slackDate(cursor.from, 'dateTime', ctx.timeZone) ?? cursor.from} – ${
    slackDate(cursor.to, 'dateTime', ctx.timeZone) ?? cursor.to
  }`;

/**
 * The top of a page of a conversation, in three blocks: "With:" the other parties (names with
 * their numbers, within {@link WITH_MAX_CHARS}), then whose conversation it is, the window it
 * covers as Slack date tokens (each viewer's own zone) and which page this is, then a divider.
 * Pure. https://docs.slack.dev/reference/block-kit/blocks/context-block
 */
export const conversationHeader = (
  subject: SubjectModel,
  others: readonly Participant[],
  cursor: ConversationCursor,
  ctx: RenderContext,
): KnownBlock[] => {
  const context = [
    `*Person:* ${subjectName(subject)}`,
    windowText(cursor, ctx),
    `Page ${cursor.page}${cursor.page === 1 ? ' (newest)' : ''}`,
  ];
  return [
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
};
