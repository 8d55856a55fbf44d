import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { AppError } from '../errors.js';
import type { PageCursor } from '../query/cursor.js';
import type { WindowNote } from '../query/types.js';
import { ACTION_IDS, BLOCK_IDS, SESSION_BLOCK_IDS } from '../surface/ids.js';
import { openPickerButton } from './conversation-open.js';
import { truncate } from './escape.js';
import { exportButton } from './export-button.js';
import { type ExportStatus, exportStatusLine } from './export-messages.js';
import { subjectName } from './identity-subject.js';
import { PAGE_FRAME_ELEMENT_MAX_CHARS, PAGE_HEADER_MAX_CHARS } from './limits.js';
import { type WidenIds, widenBlock } from './listing-empty.js';
import { frameContext, frameLine, personLine } from './listing-frame.js';
import {
  pageLabel,
  skippedBody,
  skippedMonths,
  skippedNotes,
  windowEnds,
} from './listing-range.js';
import { nextFailedLine } from './next-failed.js';
import {
  isPackedLayout,
  mrkdwn,
  type PagerIds,
  pagerBlock,
  sessionListBlocks,
} from './session-list.js';
import { shareButton } from './share-button.js';
import type { RenderContext, RenderedMessage, SessionsPageModel } from './types.js';

const PAGER_IDS: PagerIds = {
  previous: ACTION_IDS.pagePrevious,
  startOver: ACTION_IDS.pageStartOver,
  next: ACTION_IDS.pageNext,
  block: BLOCK_IDS.pager,
};

const WIDEN_IDS: WidenIds = {
  days: ACTION_IDS.pageWidenDays,
  types: ACTION_IDS.pageWidenTypes,
  phone: ACTION_IDS.pageClearPhone,
  block: BLOCK_IDS.widen,
};

/** What a listing offers beyond paging and opening, as the app is configured. */
export interface SessionsPageOptions {
  /** `SHARE_ENABLED`: offer "Share to channel"; `maskNumbers` is `SHARE_MASK_NUMBERS`. */
  readonly share?: { readonly maskNumbers: boolean };
  /**
   * One line said above the listing, e.g. "That page link had expired, so this is page 1
   * again." (safe mrkdwn).
   */
  readonly notice?: string;
  /** How a side action on this page went, in one grey line ({@link PageAside}). */
  readonly aside?: PageAside;
}

/**
 * News of a side action on a listing kept in place, one at a time (so the frame stays within its
 * share of the message, `PAGE_FRAME_MAX_ELEMENTS`):
 *
 * - `next-failed`: the page after this one failed to load; a warning line above the pager says
 *   why ({@link nextFailedLine}) and Next reads "Try again", the one recovery button;
 * - `export`: an export of this listing is under way or over ({@link exportStatusLine}); while it
 *   runs its line takes the place of the Export and Share row (no second export meanwhile), and
 *   once it is over the row is back with the line under it.
 */
export type PageAside =
  | { readonly kind: 'next-failed'; readonly error: AppError }
  | { readonly kind: 'export'; readonly status: ExportStatus };

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

const noteText = (note: WindowNote): string | undefined => {
  switch (note.kind) {
    case 'default-window':
      return undefined;
    case 'open-ended':
      return `\`from:\` given without \`to:\`, so ${note.days} days from it${note.clippedToNow ? ' (up to now)' : ''}.`;
    case 'open-start':
      return `\`to:\` given without \`from:\`, so the ${note.days} days up to it.`;
    case 'page-capped':
      return `A message lists ${note.shown} at a time (you asked for ${note.asked}): *Next* shows more, *Export CSV* has them all.`;
  }
};

/**
 * An empty page in one sentence: the empty months and where Next goes on, the end of the list,
 * a whole range found empty ("No SMS conversations between Feb 1 and Aug 31."), or no match.
 */
const emptyText = (model: SessionsPageModel, ctx: RenderContext): string => {
  const skipped = skippedBody(model);
  if (skipped !== undefined) return skipped;
  if (model.skipped?.[0] === 0) {
    const [from, to] = windowEnds(model.cursor, ctx);
    return `No SMS conversations between ${from} and ${to}.`;
  }
  return model.cursor.page > 1 || (model.cursor.range?.window ?? 0) > 0
    ? 'No more SMS conversations: this is the end of the list.'
    : 'No SMS conversations match this search.';
};

/**
 * One page of a person's Zoom Phone SMS conversations as an ephemeral message, readable at a
 * glance: a title ("Your SMS conversations"), one grey line (window as Slack date tokens, type,
 * filter and phone when given, position "1–10, newest first"; the Zoom user only when it is not
 * the viewer's own email match), notes on how the dates were read, then one block per
 * conversation ({@link sessionListBlocks}: bold contact and number, last activity, Open), the
 * pager right under the rows, then Export CSV and Share to channel. An empty page is one
 * sentence plus buttons that widen the search ({@link widenBlock}). A page kept in place after a
 * side action says how it went in one grey line: a failed Next above the pager, an export's
 * progress and result in or under the Export row ({@link SessionsPageOptions}).
 *
 * Pure, and inside Slack's limits by construction for any page of up to 100 sessions of up to 10
 * participants with names of any length (a chat message is asked for at most 25; a larger page
 * from an older button is packed one line a session). All Zoom text is escaped.
 * https://docs.slack.dev/reference/block-kit/blocks
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const renderSessionsPage = (
  model: SessionsPageModel,
  ctx: RenderContext,
  options: SessionsPageOptions = {},
): RenderedMessage => {
  const { subject, cursor, page } = model;
  const mention = subjectName(subject);
  const whose = subject.isSelf ? undefined : mention;
  const header = subject.isSelf ? 'Your SMS conversations' : 'SMS conversations';
  const person = personLine(subject);
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(header, PAGE_HEADER_MAX_CHARS), emoji: true },
    },
    frameContext([...(person === undefined ? [] : [person]), frameLine(model, ctx, whose)]),
  ];
  const notes = [
    ...(options.notice === undefined ? [] : [options.notice]),
    ...model.notes.map(noteText).filter((note) => note !== undefined),
    ...skippedNotes(model),
  ];
  if (notes.length > 0) blocks.push(frameContext([notes.join(' ')]));

  const n = page.sessions.length;
  const { aside } = options;
  const failed = aside?.kind === 'next-failed' ? aside.error : undefined;
  const exporting = aside?.kind === 'export' ? aside.status : undefined;
  const pager = pagerBlock(cursor, page, PAGER_IDS, model.nextCursor, failed !== undefined);
  const pagerBlocks =
    pager === undefined
      ? []
      : failed === undefined
        ? [pager]
        : [frameContext([nextFailedLine(failed, ctx)]), pager];
  const status =
    exporting === undefined
      ? undefined
      : frameContext([exportStatusLine(exporting, ctx, PAGE_FRAME_ELEMENT_MAX_CHARS)]);
  if (n === 0) {
    blocks.push({ type: 'section', text: mrkdwn(emptyText(model, ctx)) }, ...pagerBlocks);
    const widen =
      cursor.page === 1 && skippedBody(model) === undefined
        ? widenBlock(cursor, ctx, WIDEN_IDS)
        : undefined;
    for (const block of [widen, status]) if (block !== undefined) blocks.push(block);
  } else {
    blocks.push(...sessionListBlocks({ sessions: page.sessions, openFor: cursor.subject }, ctx));
    blocks.push(...pagerBlocks);
    if (exporting?.kind !== 'running') {
      blocks.push(listActionsBlock(cursor, isPackedLayout({ sessions: page.sessions }), options));
    }
    if (status !== undefined) blocks.push(status);
  }

  const text =
    n > 0
      ? `${n} SMS conversation${n === 1 ? '' : 's'} for ${mention}, ${pageLabel(cursor)}`
      : skippedBody(model) === undefined
        ? `No SMS conversations for ${mention}, ${pageLabel(cursor)}`
        : `No SMS conversations for ${mention} in ${skippedMonths(model)}`;
  return { text, blocks };
};
