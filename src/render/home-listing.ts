import type { ActionsBlock, Button, ContextBlock, KnownBlock } from '@slack/types';
import type { PageCursor } from '../query/cursor.js';
import { encodeCursor } from '../query/cursor-wire.js';
import type { WindowNote } from '../query/types.js';
import { HOME_ACTION_IDS, HOME_BLOCK_IDS } from '../surface/home-ids.js';
import { withDayGroups } from './day-groups.js';
import { EXPORT_BUTTON_TEXT } from './export-button.js';
import { subjectName } from './identity-subject.js';
import { frameContext, frameLine, personLine } from './listing-frame.js';
import {
  describeListing,
  emptyListingText,
  skippedBody,
  skippedNotes,
  type WideningWords,
} from './listing-range.js';
import {
  isPackedLayout,
  mrkdwn,
  type PagerIds,
  pagerBlock,
  sessionListBlocks,
} from './session-list.js';
import { SHARE_BUTTON_TEXT } from './share-button.js';
import type { RenderContext, SessionsPageModel, SubjectModel } from './types.js';

/** The Home tab widens a search with its Filters… modal. */
const HOME_WORDS: WideningWords = {
  lead: ':mag: ',
  allTypes: '*Type: All*',
  noPhone: 'no phone number',
};

/** What the Home listing offers beyond paging and opening, and what it says first. */
export interface HomeListingOptions {
  /**
   * One line said above the listing, e.g. "That page link had expired, so this is page 1
   * again." (safe mrkdwn).
   */
  readonly notice?: string;
  /** `SHARE_ENABLED`: offer "Share to channel" (the channel is picked, then confirmed, in a modal). */
  readonly share?: boolean;
}

const HOME_PAGER_IDS: PagerIds = {
  previous: HOME_ACTION_IDS.pagePrevious,
  startOver: HOME_ACTION_IDS.pageStartOver,
  next: HOME_ACTION_IDS.pageNext,
  block: HOME_BLOCK_IDS.pager,
};

const noteText = (note: WindowNote): string | undefined => {
  switch (note.kind) {
    case 'default-window':
      return undefined;
    case 'open-ended':
      return `:information_source: No end date: showing the ${note.days} days from the start date${note.clippedToNow ? ' (up to now)' : ''}.`;
    case 'open-start':
      return `:information_source: No start date: showing the ${note.days} days up to the end date.`;
    case 'page-capped':
      return `:information_source: Showing ${note.shown} a page.`;
  }
};

const listButton = (text: string, actionId: string, cursor: PageCursor, label: string): Button => ({
  type: 'button',
  text: { type: 'plain_text', text },
  action_id: actionId,
  value: encodeCursor(cursor),
  accessibility_label: label,
});

/**
 * Export CSV and Share to channel under the Home listing, each carrying the page cursor shown
 * (re-authorised and audited when clicked, as under a listing message). Share has no
 * confirmation dialog here: its modal asks for the channel, then to confirm.
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
const listActions = (cursor: PageCursor, share: boolean): ActionsBlock => ({
  type: 'actions',
  block_id: HOME_BLOCK_IDS.listActions,
  elements: [
    listButton(
      EXPORT_BUTTON_TEXT,
      HOME_ACTION_IDS.exportCsv,
      cursor,
      'Export these SMS conversations to a CSV file',
    ),
    ...(share
      ? [
          listButton(
            SHARE_BUTTON_TEXT,
            HOME_ACTION_IDS.share,
            cursor,
            'Share this page of SMS conversations to a channel',
          ),
        ]
      : []),
  ],
});

/**
 * Whose conversations the Home tab shows ("Person: @Bob") and their Zoom user with how the app
 * found it, when worth saying (not for the viewer's own email match); `undefined` when there is
 * nothing to say.
 */
export const renderHomeIdentity = (subject: SubjectModel): ContextBlock | undefined => {
  const line = personLine(subject);
  return line === undefined ? undefined : frameContext([line]);
};

/**
 * One page of SMS conversations in the Home tab: what was searched (the window in the viewer's
 * zone, type, "dates match", phone, page), how missing dates were read (in the words of the date
 * pickers), then the sessions laid out as in the command's answer ({@link sessionListBlocks}),
 * each with an Open button for reading the conversation, or, when there are none, the filters
 * repeated with what to widen; then Previous / Start over / Next with the Home tab's own action
 * ids, whose values are page cursors; then Export CSV and Share to channel (when on). A notice
 * (`options.notice`) comes first. Pure; at most 45 blocks (notice, frame, notes, 40 for
 * sessions, pager, actions) for any page of up to 100 sessions.
 * https://docs.slack.dev/surfaces/app-home
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const renderHomeListing = (
  model: SessionsPageModel,
  ctx: RenderContext,
  options: HomeListingOptions = {},
): KnownBlock[] => {
  const { subject, cursor, page } = model;
  const described = describeListing(cursor, ctx.timeZone);
  const whose = subject.isSelf ? undefined : subjectName(subject);
  const blocks: KnownBlock[] = [
    ...(options.notice === undefined
      ? []
      : [{ ...frameContext([options.notice]), block_id: HOME_BLOCK_IDS.notice }]),
    frameContext([frameLine(model, ctx, whose)]),
  ];
  const notes = [
    ...model.notes.map(noteText).filter((note) => note !== undefined),
    ...skippedNotes(model),
  ];
  if (notes.length > 0) blocks.push(frameContext([notes.join(' ')]));
  if (page.sessions.length === 0) {
    blocks.push({
      type: 'section' as const,
      text: mrkdwn(skippedBody(model) ?? emptyListingText(model, described, HOME_WORDS)),
    });
  } else if (isPackedLayout(page)) {
    blocks.push(...sessionListBlocks({ sessions: page.sessions, openFor: cursor.subject }, ctx));
  } else {
    const rows = sessionListBlocks({ sessions: page.sessions, openFor: cursor.subject }, ctx);
    blocks.push(...withDayGroups(page.sessions, rows, ctx));
  }
  const pager = pagerBlock(cursor, page, HOME_PAGER_IDS, model.nextCursor);
  if (pager !== undefined) blocks.push(pager);
  if (page.sessions.length > 0) blocks.push(listActions(cursor, options.share === true));
  return blocks;
};
