import type { ActionsBlock, Button, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import type { SmsSession, SmsSessionsPage } from '../domain/sms.js';
import type { Subject } from '../domain/subject.js';
import { firstCursor, followingCursor, type PageCursor, previousCursor } from '../query/cursor.js';
import { encodeCursor } from '../query/cursor-wire.js';
import { truncate } from './escape.js';
import {
  ACCESSIBILITY_LABEL_MAX_CHARS,
  DETAILED_LAYOUT_MAX_SESSIONS,
  PAGER_BUTTON_TEXT_MAX_CHARS,
  sessionCharBudget,
  TEXT_MAX_CHARS,
} from './limits.js';
import { lastActivity, ROW_SEPARATOR, rowTitle, sessionRow, viaLine } from './session-row.js';
import type { RenderContext } from './types.js';

/** Between the parts of one line ("Past 30 days · Your number · 1–10"). */
export const SEPARATOR = ROW_SEPARATOR;

/** Between the lines of one text object. */
export const LINE_BREAK = '\n';

const BULLET = '• ';

/** A `mrkdwn` text object; the text must already be safe (escaped, cut to its limit). */
export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });

const packLines = (lines: readonly string[]): SectionBlock[] => {
  const texts: string[] = [];
  for (const line of lines) {
    const last = texts.at(-1);
    if (last !== undefined && last.length + LINE_BREAK.length + line.length <= TEXT_MAX_CHARS) {
      texts[texts.length - 1] = `${last}${LINE_BREAK}${line}`;
    } else {
      texts.push(line);
    }
  }
  return texts.map((text) => ({ type: 'section', text: mrkdwn(text) }));
};

/**
 * Fewest characters of the contact's name a packed row keeps before it gives its date token's
 * markup up for the plain date in the viewer's zone ("Nov 26"), so the budget goes to names.
 */
const PACKED_NAME_MIN_CHARS = 60;

const plainDay = (session: SmsSession, ctx: RenderContext): string => {
  const token = lastActivity(session, 'shortDay', ctx);
  return /^<!date\^\d+\^[^|]*\|(.*)>$/.exec(token)?.[1] ?? token;
};

const packedBlocks = (
  sessions: readonly SmsSession[],
  budget: number,
  ctx: RenderContext,
): SectionBlock[] =>
  packLines(
    sessions.map((session) => {
      const via = viaLine(session);
      const line = (date: string) => {
        const tail = `${SEPARATOR}${date}${via === undefined ? '' : `${SEPARATOR}${via}`}`;
        const room = budget - LINE_BREAK.length - BULLET.length - tail.length;
        return { tail, nameMax: room - rowTitle(session, 0, false).length };
      };
      let { tail, nameMax } = line(lastActivity(session, 'shortDay', ctx));
      if (nameMax < PACKED_NAME_MIN_CHARS) ({ tail, nameMax } = line(plainDay(session, ctx)));
      return truncate(`${BULLET}${rowTitle(session, nameMax, false)}${tail}`, budget);
    }),
  );

/** What {@link sessionListBlocks} lists: one page of sessions. */
export interface SessionListModel {
  readonly sessions: readonly SmsSession[];
  /**
   * Whose listing this is, for the Open button beside each session of the detailed layout (it
   * re-checks it when used); absent: no Open buttons. Packed layouts have no room for them: the
   * listing offers "Open a conversation…" instead.
   */
  readonly openFor?: Subject;
}

/**
 * The sessions of one page, for a message or a Home view alike, laid out by how many there
 * actually are: up to {@link DETAILED_LAYOUT_MAX_SESSIONS} get a section each (bold contact,
 * number, how many others; last activity as a relative Slack date; "via" a queue or
 * receptionist; with `openFor`, an Open button labelled with its target); more (only from a
 * larger page of an older button) are packed one line each, every line cut to its share
 * ({@link sessionCharBudget}) with the contact's name first. Any page of up to 100 sessions
 * stays within 44 blocks and 12,000 characters. Sessions keep Zoom's order; all Zoom text is
 * escaped. Empty pages are the caller's to word.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const sessionListBlocks = (model: SessionListModel, ctx: RenderContext): KnownBlock[] =>
  isPackedLayout(model)
    ? packedBlocks(model.sessions, sessionCharBudget(model.sessions.length), ctx)
    : model.sessions.map((session, index) => sessionRow(session, index + 1, ctx, model.openFor));

/**
 * Whether {@link sessionListBlocks} packs this page one line a session (more than
 * {@link DETAILED_LAYOUT_MAX_SESSIONS} sessions on it), leaving no room for a button each.
 */
export const isPackedLayout = (model: Pick<SessionListModel, 'sessions'>): boolean =>
  model.sessions.length > DETAILED_LAYOUT_MAX_SESSIONS;

/** The `action_id`s and `block_id` of one surface's pager (messages and the Home tab differ). */
export interface PagerIds {
  readonly previous: string;
  readonly startOver: string;
  readonly next: string;
  readonly block: string;
}

/**
 * A button whose value is an encoded page cursor (at most 2,000 characters, by construction of
 * `encodeCursor`). https://docs.slack.dev/reference/block-kit/block-elements/button-element
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const cursorButton = (
  text: string,
  actionId: string,
  cursor: PageCursor,
  label?: string,
): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(text, PAGER_BUTTON_TEXT_MAX_CHARS), emoji: true },
  action_id: actionId,
  value: encodeCursor(cursor),
  ...(label === undefined
    ? {}
    : { accessibility_label: truncate(label, ACCESSIBILITY_LABEL_MAX_CHARS) }),
});

const PREVIOUS_LABEL = 'Previous page of SMS conversations';
const NEXT_LABEL = 'Next page of SMS conversations';
const START_OVER_LABEL = 'First page of SMS conversations';
const RETRY_NEXT_LABEL = 'Try the next page of SMS conversations again';

/**
 * Previous (or Start over, when the trail no longer reaches back) and Next under a page, each
 * carrying the cursor of the page it leads to; `undefined` on a lone first page. Next follows
 * Zoom's `next_page_token` (`''` on a window's last page) and, in a range asked a month at a
 * time, goes on to the next (older) month; Previous goes back across months too. No button is
 * styled `primary` (paging is not an affirmation); each has an `accessibility_label`. `onward`,
 * when given, is where Next goes instead (a page filled across windows; `null`: nowhere).
 * `retryNext`: the next page just failed to load, so Next reads "Try again" (it asks for that
 * very page again), the one recovery button beside Previous.
 * https://docs.slack.dev/reference/block-kit/blocks/actions-block
 */
export const pagerBlock = (
  cursor: PageCursor,
  page: Pick<SmsSessionsPage, 'sessions' | 'nextPageToken'>,
  ids: PagerIds,
  onward?: PageCursor | null,
  retryNext = false,
): ActionsBlock | undefined => {
  const previous = previousCursor(cursor);
  const next = onward === undefined ? followingCursor(cursor, page) : (onward ?? undefined);
  const buttons: Button[] = [];
  if (previous !== undefined) {
    buttons.push(cursorButton('Previous', ids.previous, previous, PREVIOUS_LABEL));
  } else if (cursor.page > 1) {
    buttons.push(cursorButton('Start over', ids.startOver, firstCursor(cursor), START_OVER_LABEL));
  }
  if (next !== undefined) {
    buttons.push(
      retryNext
        ? cursorButton('Try again', ids.next, next, RETRY_NEXT_LABEL)
        : cursorButton('Next', ids.next, next, NEXT_LABEL),
    );
  }
  return buttons.length === 0
    ? undefined
    : { type: 'actions', block_id: ids.block, elements: buttons };
};
