import type { ContextBlock } from '@slack/types';
import { listingQuery } from '../query/cursor.js';
import { truncate } from './escape.js';
import { codeSpan } from './format.js';
import { subjectName } from './identity-subject.js';
import { filterTypeLabel, listingTypeLabel, phoneLabel } from './labels.js';
import { PAGE_FRAME_ELEMENT_MAX_CHARS } from './limits.js';
import { positionLabel, windowLabel } from './listing-range.js';
import { mrkdwn, SEPARATOR } from './session-list.js';
import type { RenderContext, SessionsPageModel, SubjectModel } from './types.js';

/** How the app found a Zoom user, when the frame says it. */
const RESOLVED_BY: Readonly<Record<NonNullable<SubjectModel['resolvedBy']>, string>> = {
  link: 'linked by an admin',
  email: 'matched by email',
  'zoom-target': 'named directly',
};

/**
 * The frame's people line: whose conversations (when not the viewer's) and their Zoom user
 * with how it was found, when worth saying (never for the viewer's own email match).
 */
export const personLine = (subject: SubjectModel): string | undefined => {
  const parts = [
    ...(subject.isSelf || subject.slackUserId === undefined
      ? []
      : [`Person: ${subjectName(subject)}`]),
    ...(subject.isSelf && subject.resolvedBy === 'email'
      ? []
      : [
          `Zoom user: ${codeSpan(subject.zoomUser)}${subject.resolvedBy === undefined ? '' : ` (${RESOLVED_BY[subject.resolvedBy]})`}`,
        ]),
  ];
  return parts.length === 0 ? undefined : parts.join(SEPARATOR);
};

/**
 * The grey line under a listing's title: window, type, filter (when not the default), phone,
 * position. Safe mrkdwn. A shared copy passes its masked sessions and its own phone label, and no
 * notes (the window's notes speak to the person who searched).
 */
export const frameLine = (
  model: Pick<SessionsPageModel, 'cursor' | 'notes'> & {
    readonly page: Pick<SessionsPageModel['page'], 'sessions'>;
  },
  ctx: RenderContext,
  whose: string | undefined,
  phone: (number: string) => string = phoneLabel,
): string => {
  const query = listingQuery(model.cursor);
  return [
    windowLabel(model.cursor, model.notes, ctx),
    listingTypeLabel(query.sessionType, whose),
    ...(query.filterType === 'last_message_time' ? [] : [filterTypeLabel(query.filterType)]),
    ...(query.phoneNumber === undefined ? [] : [`with ${phone(query.phoneNumber)}`]),
    ...[positionLabel(model.cursor, model.page.sessions, ctx)].filter((p) => p !== undefined),
  ].join(SEPARATOR);
};

/** A grey line of a listing's frame: each text one element, cut to what an element may hold. */
export const frameContext = (texts: readonly string[]): ContextBlock => ({
  type: 'context',
  elements: texts.map((text) => mrkdwn(truncate(text, PAGE_FRAME_ELEMENT_MAX_CHARS))),
});
