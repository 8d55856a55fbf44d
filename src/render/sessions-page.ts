import type { ActionsBlock, ContextBlock, KnownBlock } from '@slack/types';
import type { PageCursor } from '../query/cursor.js';
import type { WindowNote } from '../query/types.js';
import { ACTION_IDS, BLOCK_IDS, SESSION_BLOCK_IDS } from '../surface/ids.js';
import { openPickerButton } from './conversation-open.js';
import { truncate } from './escape.js';
import { exportButton } from './export-button.js';
import { subjectName, subjectWho } from './identity-subject.js';
import { PAGE_FRAME_ELEMENT_MAX_CHARS, PAGE_HEADER_MAX_CHARS } from './limits.js';
import {
  describeListing,
  emptyListingText,
  pageLabel,
  pagePosition,
  skippedBody,
  skippedMonths,
  skippedNotes,
  type WideningWords,
} from './listing-range.js';
import {
  isPackedLayout,
  mrkdwn,
  type PagerIds,
  pagerBlock,
  SEPARATOR,
  sessionListBlocks,
} from './session-list.js';
import { shareButton } from './share-button.js';
import type { RenderContext, RenderedMessage, SessionsPageModel } from './types.js';

const HEADER_TEXT = 'SMS conversations';

/** A message widens a search with command options. */
const COMMAND_WORDS: WideningWords = { lead: '', allTypes: '`type:all`', noPhone: 'no `phone:`' };

const PAGER_IDS: PagerIds = {
  previous: ACTION_IDS.pagePrevious,
  startOver: ACTION_IDS.pageStartOver,
  next: ACTION_IDS.pageNext,
  block: BLOCK_IDS.pager,
};

/** What a listing offers beyond paging and opening, as the app is configured. */
export interface SessionsPageOptions {
  /** `SHARE_ENABLED`: offer "Share to channel"; `maskNumbers` is `SHARE_MASK_NUMBERS`. */
  readonly share?: { readonly maskNumbers: boolean };
}

const listActionsBlock = (
  cursor: PageCursor,
  packed: boolean,
  options: SessionsPageOptions,
): ActionsBlock => ({
  type: 'actions',
  block_id: SESSION_BLOCK_IDS.listActions,
  elements: [
    ...(packed ? [openPickerButton(cursor)] : []),
    exportButton(cursor),
    ...(options.share === undefined ? [] : [shareButton(cursor, options.share.maskNumbers)]),
  ],
});

const frameContext = (texts: readonly string[]): ContextBlock => ({
  type: 'context',
  elements: texts.map((text) => mrkdwn(truncate(text, PAGE_FRAME_ELEMENT_MAX_CHARS))),
});

const noteText = (note: WindowNote): string => {
  switch (note.kind) {
    case 'default-window':
      return `:information_source: No dates given: showing the past ${note.days} days.`;
    case 'open-ended':
      return `:information_source: \`from:\` given without \`to:\`, so showing the ${note.days} days after it${note.clippedToNow ? ' (up to now)' : ''}.`;
    case 'open-start':
      return `:information_source: \`to:\` given without \`from:\`, so showing the ${note.days} days up to it.`;
  }
};

/**
 * One page of a person's Zoom Phone SMS conversations as an ephemeral message: a header, who was
 * searched and how (window in the viewer's zone, type, filter, phone, page; for a range asked a
 * month at a time, the month and how many are left), how missing dates were read and which
 * empty months were passed over, then each session (the other participants, its type, who owns it, last activity as
 * a Slack date token), then Previous / Start over / Next buttons whose values are page cursors.
 * Sessions keep Zoom's order, which is the order its pages follow. Dense lines leave out who owns
 * a session (its type, shown when the search covers every type, says as much).
 *
 * Pure, and inside Slack's limits by construction for any page of up to 100 sessions of up to 10
 * participants with names of any length: up to {@link DETAILED_LAYOUT_MAX_SESSIONS} sessions get
 * a section and a context each; more are packed one line each into shared sections, and every
 * session is cut to its share of the message ({@link sessionCharBudget}), extra participants
 * becoming "+N more". All Zoom text is escaped.
 *
 * A page with sessions also offers Open on each session (or, when they are packed, one "Open a
 * conversation…" that lists them in a modal), Export CSV and, when `options.share` is set, Share
 * to channel; all re-checked when used, their text counted in the page's budget.
 * https://docs.slack.dev/reference/block-kit/blocks
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const renderSessionsPage = (
  model: SessionsPageModel,
  ctx: RenderContext,
  options: SessionsPageOptions = {},
): RenderedMessage => {
  const { subject, cursor, page } = model;
  const described = describeListing(cursor, ctx.timeZone);
  const mention = subjectName(subject);
  const filters = [
    `*Type:* ${described.type}`,
    described.filter,
    ...(described.phone === undefined ? [] : [`*Phone:* ${described.phone}`]),
  ].join(SEPARATOR);
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(HEADER_TEXT, PAGE_HEADER_MAX_CHARS), emoji: true },
    },
    frameContext([
      `*Who:* ${subjectWho(subject)}`,
      `*When:* ${described.from} – ${described.to}`,
      `${filters}${SEPARATOR}${pagePosition(cursor)}`,
    ]),
  ];
  const notes = [...model.notes.map(noteText), ...skippedNotes(model)];
  if (notes.length > 0) blocks.push(frameContext([notes.join(' ')]));
  blocks.push({ type: 'divider' });

  if (page.sessions.length === 0) {
    blocks.push({
      type: 'section',
      text: mrkdwn(skippedBody(model) ?? emptyListingText(model, described, COMMAND_WORDS)),
    });
  } else {
    blocks.push(
      ...sessionListBlocks(
        { sessions: page.sessions, subject, query: cursor.query, openFor: cursor.subject },
        ctx,
      ),
      listActionsBlock(
        cursor,
        isPackedLayout({ sessions: page.sessions, query: cursor.query }),
        options,
      ),
    );
  }
  const buttons = pagerBlock(cursor, page, PAGER_IDS);
  if (buttons !== undefined) blocks.push(buttons);

  const n = page.sessions.length;
  const text =
    n > 0
      ? `${n} SMS conversation${n === 1 ? '' : 's'} for ${mention}, ${pageLabel(cursor)}`
      : skippedBody(model) === undefined
        ? `No SMS conversations for ${mention} between ${described.from} and ${described.to}, ${pageLabel(cursor)}`
        : `No SMS conversations for ${mention} in ${skippedMonths(model)}`;
  return { text, blocks };
};
