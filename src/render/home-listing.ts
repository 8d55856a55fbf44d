import type { ContextBlock, KnownBlock } from '@slack/types';
import type { WindowNote } from '../query/types.js';
import { HOME_ACTION_IDS, HOME_BLOCK_IDS } from '../surface/ids.js';
import { truncate } from './escape.js';
import { subjectWho } from './identity-subject.js';
import { PAGE_FRAME_ELEMENT_MAX_CHARS } from './limits.js';
import {
  describeListing,
  emptyListingText,
  pagePosition,
  skippedBody,
  skippedNotes,
  type WideningWords,
} from './listing-range.js';

/** The Home tab widens a search with its controls. */
const HOME_WORDS: WideningWords = {
  lead: ':mag: ',
  allTypes: '*All types*',
  noPhone: 'an empty phone number',
};

import { mrkdwn, type PagerIds, pagerBlock, SEPARATOR, sessionListBlocks } from './session-list.js';
import type { RenderContext, SessionsPageModel, SubjectModel } from './types.js';

const HOME_PAGER_IDS: PagerIds = {
  previous: HOME_ACTION_IDS.pagePrevious,
  startOver: HOME_ACTION_IDS.pageStartOver,
  next: HOME_ACTION_IDS.pageNext,
  block: HOME_BLOCK_IDS.pager,
};

const context = (texts: readonly string[]): ContextBlock => ({
  type: 'context',
  elements: texts.map((text) => mrkdwn(truncate(text, PAGE_FRAME_ELEMENT_MAX_CHARS))),
});

const noteText = (note: WindowNote): string => {
  switch (note.kind) {
    case 'default-window':
      return `:information_source: No dates chosen: showing the past ${note.days} days.`;
    case 'open-ended':
      return `:information_source: No end date: showing the ${note.days} days from the start date${note.clippedToNow ? ' (up to now)' : ''}.`;
    case 'open-start':
      return `:information_source: No start date: showing the ${note.days} days up to the end date.`;
    case 'page-capped':
      return `:information_source: Showing ${note.shown} a page.`;
  }
};

/**
 * Who the listing is about and how the app found their Zoom user ("matched by email", "linked by
 * an admin"), as one context block for the top of the Home tab.
 */
export const renderHomeIdentity = (subject: SubjectModel): ContextBlock =>
  context([`${subject.isSelf ? '*You in Zoom:*' : '*Showing:*'} ${subjectWho(subject)}`]);

/**
 * One page of SMS conversations in the Home tab: what was searched (the window in the viewer's
 * zone, type, "dates match", phone, page), how missing dates were read (in the words of the date
 * pickers), then the sessions laid out as in the command's answer ({@link sessionListBlocks}),
 * each with an Open button for reading the conversation, or, when there are none, the filters repeated with what to widen; then Previous / Start over /
 * Next with the Home tab's own action ids, whose values are page cursors.
 * Pure; at most 43 blocks (frame, notes, 40 for sessions, pager) for any page of up to 100
 * sessions.
 * https://docs.slack.dev/surfaces/app-home
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const renderHomeListing = (model: SessionsPageModel, ctx: RenderContext): KnownBlock[] => {
  const { cursor, page } = model;
  const described = describeListing(cursor, ctx.timeZone);
  const filters = [
    described.type,
    described.filter,
    ...(described.phone === undefined ? [] : [`*Phone:* ${described.phone}`]),
  ].join(SEPARATOR);
  const blocks: KnownBlock[] = [
    context([
      `*When:* ${described.from} – ${described.to}`,
      `${filters}${SEPARATOR}${pagePosition(cursor)}`,
    ]),
  ];
  const notes = [...model.notes.map(noteText), ...skippedNotes(model)];
  if (notes.length > 0) blocks.push(context([notes.join(' ')]));
  blocks.push(
    ...(page.sessions.length === 0
      ? [
          {
            type: 'section' as const,
            text: mrkdwn(skippedBody(model) ?? emptyListingText(model, described, HOME_WORDS)),
          },
        ]
      : sessionListBlocks({ sessions: page.sessions, openFor: cursor.subject }, ctx)),
  );
  const pager = pagerBlock(cursor, page, HOME_PAGER_IDS, model.nextCursor);
  if (pager !== undefined) blocks.push(pager);
  return blocks;
};
