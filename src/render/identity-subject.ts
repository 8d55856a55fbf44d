import { codeSpan, slackMention } from './format.js';
import type { SubjectModel } from './types.js';

/** How a page says where its Zoom user came from, keyed by `SubjectModel.resolvedBy`. */
const RESOLVED_BY_TEXT: Readonly<Record<NonNullable<SubjectModel['resolvedBy']>, string>> = {
  link: 'linked by an admin',
  email: 'matched by email',
  'zoom-target': 'named directly',
};

/**
 * Whose sessions these are, in a few words of safe mrkdwn: the Slack mention (`<@U123>`, shown
 * to each viewer as the person's current name), or "Zoom user `carol@example.com`" when an admin
 * named a Zoom user directly with `zoom:`.
 * https://docs.slack.dev/messaging/formatting-message-text#mentioning-users
 */
export const subjectName = (subject: SubjectModel): string =>
  subject.slackUserId === undefined
    ? `Zoom user ${codeSpan(subject.zoomUser)}`
    : slackMention(subject.slackUserId);

/**
 * The "Who" of a listing: the person, their Zoom user and how the app found it — "matched by
 * email" (their Slack profile's email), "linked by an admin" (`/sms-sessions link`) or "named
 * directly" (`zoom:`) — so nobody mistakes whose conversations they are reading.
 */
export const subjectWho = (subject: SubjectModel): string => {
  const details = [
    ...(subject.slackUserId === undefined ? [] : [`Zoom user ${codeSpan(subject.zoomUser)}`]),
    ...(subject.resolvedBy === undefined ? [] : [RESOLVED_BY_TEXT[subject.resolvedBy]]),
  ];
  const name = subjectName(subject);
  return details.length === 0 ? name : `${name} (${details.join(', ')})`;
};
