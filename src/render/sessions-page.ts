import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import {
  encodeCursor,
  firstCursor,
  nextCursor,
  type PageCursor,
  previousCursor,
} from '../query/cursor.js';
import type { WindowNote } from '../query/types.js';
import { ACTION_IDS, type ActionId, BLOCK_IDS } from '../slack/ids.js';
import type { ZoomParticipant, ZoomSmsSession } from '../zoom/schemas.js';
import { escapeMrkdwn, truncate } from './escape.js';
import {
  codeSpan,
  describeQuery,
  ownerTypeLabel,
  participantsLabel,
  type QueryDescription,
  type SlackDateFormat,
  sessionTypeLabel,
  slackDate,
  slackMention,
} from './format.js';
import {
  DETAILED_LAYOUT_MAX_SESSIONS,
  OWNER_NAME_MAX_CHARS,
  PAGE_FRAME_ELEMENT_MAX_CHARS,
  PAGE_HEADER_MAX_CHARS,
  PAGER_BUTTON_TEXT_MAX_CHARS,
  sessionCharBudget,
  TEXT_MAX_CHARS,
} from './limits.js';
import type { RenderContext, RenderedMessage, SessionsPageModel, SubjectModel } from './types.js';

const HEADER_TEXT = 'SMS conversations';
const SEPARATOR = ' · ';
const LINE_BREAK = '\n';
const BULLET = '• ';

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });

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

const counterparts = (session: ZoomSmsSession): readonly ZoomParticipant[] => {
  const all = session.participants ?? [];
  const others = all.filter((p) => p.is_session_owner !== true);
  return others.length > 0 ? others : all;
};

const ownership = (session: ZoomSmsSession, subject: SubjectModel): string | undefined => {
  const owner = session.participants?.find((p) => p.is_session_owner === true);
  if (owner === undefined) return undefined;
  const type = owner.owner?.type;
  if (type === undefined || type === 'user') {
    return subject.isSelf ? 'You own this' : `${slackMention(subject.slackUserId)} owns this`;
  }
  const name = owner.display_name?.trim();
  const named = name ? ` ${truncate(escapeMrkdwn(name), OWNER_NAME_MAX_CHARS)}` : '';
  return `Owned by ${ownerTypeLabel(type).toLowerCase()}${named}`;
};

const lastActivity = (session: ZoomSmsSession, format: SlackDateFormat, ctx: RenderContext) =>
  (session.last_access_time === undefined
    ? undefined
    : slackDate(session.last_access_time, format, ctx.timeZone)) ?? 'unknown';

const detailedBlocks = (
  sessions: readonly ZoomSmsSession[],
  subject: SubjectModel,
  budget: number,
  ctx: RenderContext,
): KnownBlock[] =>
  sessions.flatMap((session): KnownBlock[] => {
    const meta = [
      sessionTypeLabel(session.session_type),
      ownership(session, subject),
      `Last activity: ${lastActivity(session, 'dateTime', ctx)}`,
    ]
      .filter((part) => part !== undefined)
      .join(SEPARATOR);
    const who = participantsLabel(
      counterparts(session),
      Math.min(TEXT_MAX_CHARS, budget - meta.length),
    );
    return [
      { type: 'section', text: mrkdwn(who) },
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
  sessions: readonly ZoomSmsSession[],
  showType: boolean,
  budget: number,
  ctx: RenderContext,
): SectionBlock[] =>
  packLines(
    sessions.map((session) => {
      const type = showType ? `${SEPARATOR}${sessionTypeLabel(session.session_type)}` : '';
      const tail = `${type}${SEPARATOR}${lastActivity(session, 'compactDateTime', ctx)}`;
      const room = budget - LINE_BREAK.length - BULLET.length - tail.length;
      return `${BULLET}${participantsLabel(counterparts(session), room)}${tail}`;
    }),
  );

const emptyText = (model: SessionsPageModel, described: QueryDescription): string => {
  if (model.cursor.page > 1) return 'No more SMS conversations: this is the end of the list.';
  const phone = described.phone === undefined ? '' : `, with ${described.phone}`;
  const tips = [
    'a wider window',
    ...(model.cursor.query.sessionType === 'all' ? [] : ['`type:all`']),
    ...(described.phone === undefined ? [] : ['no `phone:`']),
  ];
  const last = tips.pop();
  const advice = tips.length === 0 ? last : `${tips.join(', ')} or ${last}`;
  return (
    `No SMS conversations for ${slackMention(model.subject.slackUserId)} between ${described.from} and ${described.to} ` +
    `(${described.type}, ${described.filter}${phone}).${LINE_BREAK}Try ${advice}.`
  );
};

const button = (text: string, actionId: ActionId, cursor: PageCursor, primary = false): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(text, PAGER_BUTTON_TEXT_MAX_CHARS), emoji: true },
  action_id: actionId,
  value: encodeCursor(cursor),
  ...(primary ? { style: 'primary' as const } : {}),
});

const pager = (model: SessionsPageModel): ActionsBlock | undefined => {
  const previous = previousCursor(model.cursor);
  const buttons: Button[] = [];
  if (previous !== undefined) buttons.push(button('Previous', ACTION_IDS.pagePrevious, previous));
  else if (model.cursor.page > 1) {
    buttons.push(button('Start over', ACTION_IDS.pageStartOver, firstCursor(model.cursor)));
  }
  if (model.page.nextPageToken !== '') {
    const next = nextCursor(model.cursor, model.page.nextPageToken);
    buttons.push(button('Next', ACTION_IDS.pageNext, next, true));
  }
  return buttons.length === 0
    ? undefined
    : { type: 'actions', block_id: BLOCK_IDS.pager, elements: buttons };
};

/**
 * One page of a person's Zoom Phone SMS conversations as an ephemeral message: a header, who was
 * searched and how (window in the viewer's zone, type, filter, phone, page), how missing dates
 * were read, then each session (the other participants, its type, who owns it, last activity as
 * a Slack date token), then Previous / Start over / Next buttons whose values are page cursors.
 * Sessions keep Zoom's order, which is the order its pages follow. Dense lines leave out who owns
 * a session (its type, shown when the search covers every type, says as much).
 *
 * Pure, and inside Slack's limits by construction for any page of up to 100 sessions of up to 10
 * participants with names of any length: up to {@link DETAILED_LAYOUT_MAX_SESSIONS} sessions get
 * a section and a context each; more are packed one line each into shared sections, and every
 * session is cut to its share of the message ({@link sessionCharBudget}), extra participants
 * becoming "+N more". All Zoom text is escaped.
 * https://docs.slack.dev/reference/block-kit/blocks
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const renderSessionsPage = (
  model: SessionsPageModel,
  ctx: RenderContext,
): RenderedMessage => {
  const { subject, cursor, page } = model;
  const described = describeQuery(cursor.query, ctx.timeZone);
  const mention = slackMention(subject.slackUserId);
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
      `*Who:* ${mention} (Zoom user ${codeSpan(subject.zoomUser)})`,
      `*When:* ${described.from} – ${described.to}`,
      `${filters}${SEPARATOR}*Page ${cursor.page}*`,
    ]),
  ];
  if (model.notes.length > 0) blocks.push(frameContext([model.notes.map(noteText).join(' ')]));
  blocks.push({ type: 'divider' });

  const count = Math.max(cursor.query.pageSize, page.sessions.length);
  const budget = sessionCharBudget(count);
  if (page.sessions.length === 0) {
    blocks.push({ type: 'section', text: mrkdwn(emptyText(model, described)) });
  } else if (count <= DETAILED_LAYOUT_MAX_SESSIONS) {
    blocks.push(...detailedBlocks(page.sessions, subject, budget, ctx));
  } else {
    blocks.push(...compactBlocks(page.sessions, cursor.query.sessionType === 'all', budget, ctx));
  }
  const buttons = pager(model);
  if (buttons !== undefined) blocks.push(buttons);

  const n = page.sessions.length;
  const text =
    n === 0
      ? `No SMS conversations for ${mention} between ${described.from} and ${described.to}, page ${cursor.page}`
      : `${n} SMS conversation${n === 1 ? '' : 's'} for ${mention}, page ${cursor.page}`;
  return { text, blocks };
};
