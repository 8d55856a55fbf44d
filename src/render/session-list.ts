import type { ActionsBlock, Button, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import type { LineOwner, Participant, SmsSession, SmsSessionsPage } from '../domain/sms.js';
import type { Subject } from '../domain/subject.js';
import { firstCursor, followingCursor, type PageCursor, previousCursor } from '../query/cursor.js';
import { encodeCursor } from '../query/cursor-wire.js';
import type { SessionQuery } from '../query/types.js';
import { openButton } from './conversation-open.js';
import { escapeMrkdwn, truncate } from './escape.js';
import {
  ownerKindLabel,
  participantsLabel,
  type SlackDateFormat,
  sessionTypeLabel,
  slackDate,
} from './format.js';
import { subjectName } from './identity-subject.js';
import {
  DETAILED_LAYOUT_MAX_SESSIONS,
  OWNER_NAME_MAX_CHARS,
  PAGER_BUTTON_TEXT_MAX_CHARS,
  sessionCharBudget,
  TEXT_MAX_CHARS,
} from './limits.js';
import type { RenderContext, SubjectModel } from './types.js';

/** Between the parts of one line ("Direct · You own this · Last activity: …"). */
export const SEPARATOR = ' · ';

/** Between the lines of one text object. */
export const LINE_BREAK = '\n';

const BULLET = '• ';

/** A `mrkdwn` text object; the text must already be safe (escaped, cut to its limit). */
export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text });

const counterparts = (session: SmsSession): readonly Participant[] => {
  const all = session.participants;
  const others = all.filter((p) => !p.isOwner);
  return others.length > 0 ? others : all;
};

/** An owner of no stated kind is taken as a person, as Zoom's own owner is a user by default. */
const isPersonLine = (line: LineOwner): boolean =>
  line.kind === 'user' || (line.kind === 'other' && line.rawKind === undefined);

const ownership = (session: SmsSession, subject: SubjectModel): string | undefined => {
  const owner = session.participants.find((p) => p.isOwner);
  if (owner === undefined) return undefined;
  const line = owner.owner;
  if (line === undefined || isPersonLine(line)) {
    return subject.isSelf ? 'You own this' : `${subjectName(subject)} owns this`;
  }
  const name = owner.name?.trim();
  const named = name ? ` ${truncate(escapeMrkdwn(name), OWNER_NAME_MAX_CHARS)}` : '';
  return `Owned by ${ownerKindLabel(line).toLowerCase()}${named}`;
};

const lastActivity = (session: SmsSession, format: SlackDateFormat, ctx: RenderContext) =>
  (session.lastActivityAt === undefined
    ? undefined
    : slackDate(session.lastActivityAt, format, ctx.timeZone)) ?? 'unknown';

/** A session's kind in words ("Direct", "Call queue", …; a kind the source added, as it came). */
const sessionKindLabel = (session: SmsSession): string =>
  sessionTypeLabel(session.kind === 'other' ? session.rawKind : session.kind);

const detailedBlocks = (
  sessions: readonly SmsSession[],
  subject: SubjectModel,
  budget: number,
  ctx: RenderContext,
  openFor: Subject | undefined,
): KnownBlock[] =>
  sessions.flatMap((session, index): KnownBlock[] => {
    const meta = [
      sessionKindLabel(session),
      ownership(session, subject),
      `Last activity: ${lastActivity(session, 'dateTime', ctx)}`,
    ]
      .filter((part) => part !== undefined)
      .join(SEPARATOR);
    const who = participantsLabel(
      counterparts(session),
      Math.min(TEXT_MAX_CHARS, budget - meta.length),
    );
    const open =
      openFor === undefined ? undefined : openButton(session, index + 1, openFor, ctx.now);
    return [
      { type: 'section', text: mrkdwn(who), ...(open === undefined ? {} : { accessory: open }) },
      { type: 'context', elements: [mrkdwn(meta)] },
    ];
  });

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

const compactBlocks = (
  sessions: readonly SmsSession[],
  showType: boolean,
  budget: number,
  ctx: RenderContext,
): SectionBlock[] =>
  packLines(
    sessions.map((session) => {
      const type = showType ? `${SEPARATOR}${sessionKindLabel(session)}` : '';
      const tail = `${type}${SEPARATOR}${lastActivity(session, 'compactDateTime', ctx)}`;
      const room = budget - LINE_BREAK.length - BULLET.length - tail.length;
      return `${BULLET}${participantsLabel(counterparts(session), room)}${tail}`;
    }),
  );

/** What {@link sessionListBlocks} lists: one page of sessions, whose they are and how asked. */
export interface SessionListModel {
  readonly sessions: readonly SmsSession[];
  readonly subject: SubjectModel;
  readonly query: Pick<SessionQuery, 'pageSize' | 'sessionType'>;
  /**
   * Whose listing this is, for the Open button beside each session of the detailed layout (it
   * re-checks it when used); absent: no Open buttons. Packed layouts have no room for them: the
   * listing offers "Open a conversation…" instead.
   */
  readonly openFor?: Subject;
}

/**
 * The sessions of one page, for a message or a Home view alike: up to
 * {@link DETAILED_LAYOUT_MAX_SESSIONS} sessions (by page size) get a section (the other
 * participants) and a context (type, who owns it, last activity as a Slack date token) each;
 * more are packed one line each into shared sections, the type shown only when the search covers
 * every type. With `openFor`, each detailed session has an Open button. Each session is cut to
 * its share ({@link sessionCharBudget}) of the page, so any page of up to 100 sessions stays
 * within 44 blocks and 12,000 characters. Sessions keep Zoom's order; all Zoom text is escaped.
 * Empty pages are the caller's to word.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const sessionListBlocks = (model: SessionListModel, ctx: RenderContext): KnownBlock[] => {
  const budget = sessionCharBudget(Math.max(model.query.pageSize, model.sessions.length));
  return isPackedLayout(model)
    ? compactBlocks(model.sessions, model.query.sessionType === 'all', budget, ctx)
    : detailedBlocks(model.sessions, model.subject, budget, ctx, model.openFor);
};

/**
 * Whether {@link sessionListBlocks} packs this page one line a session (more than
 * {@link DETAILED_LAYOUT_MAX_SESSIONS} by page size), leaving no room for a button each.
 */
export const isPackedLayout = (model: Pick<SessionListModel, 'sessions' | 'query'>): boolean =>
  Math.max(model.query.pageSize, model.sessions.length) > DETAILED_LAYOUT_MAX_SESSIONS;

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
  primary = false,
): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(text, PAGER_BUTTON_TEXT_MAX_CHARS), emoji: true },
  action_id: actionId,
  value: encodeCursor(cursor),
  ...(primary ? { style: 'primary' as const } : {}),
});

/**
 * Previous (or Start over, when the trail no longer reaches back) and Next under a page, each
 * carrying the cursor of the page it leads to; `undefined` on a lone first page. Next follows
 * Zoom's `next_page_token` (`''` on a window's last page) and, in a range asked a month at a
 * time, goes on to the next (older) month; Previous goes back across months too.
 * https://docs.slack.dev/reference/block-kit/blocks/actions-block
 */
export const pagerBlock = (
  cursor: PageCursor,
  page: Pick<SmsSessionsPage, 'sessions' | 'nextPageToken'>,
  ids: PagerIds,
): ActionsBlock | undefined => {
  const previous = previousCursor(cursor);
  const next = followingCursor(cursor, page);
  const buttons: Button[] = [];
  if (previous !== undefined) buttons.push(cursorButton('Previous', ids.previous, previous));
  else if (cursor.page > 1) {
    buttons.push(cursorButton('Start over', ids.startOver, firstCursor(cursor)));
  }
  if (next !== undefined) buttons.push(cursorButton('Next', ids.next, next, true));
  return buttons.length === 0
    ? undefined
    : { type: 'actions', block_id: ids.block, elements: buttons };
};
