import type { KnownBlock } from '@slack/types';
import type { SmsSession } from '../domain/sms.js';
import { dayjs, safeTimeZone } from '../query/time-zone.js';
import type { RenderContext } from './types.js';

/** The day groups of a Home listing, newest first. */
export const DAY_GROUPS = ['Today', 'Yesterday', 'Earlier this week', 'Earlier'] as const;

/** One of {@link DAY_GROUPS}. */
export type DayGroup = (typeof DAY_GROUPS)[number];

/**
 * Which group a session's last activity falls in, by calendar days of the viewer's zone:
 * today, yesterday, the five days before (earlier this week), or before that; a session Zoom
 * gave no time goes with the earliest.
 */
export const dayGroupOf = (session: SmsSession, ctx: RenderContext): DayGroup => {
  if (session.lastActivityAt === undefined) return 'Earlier';
  const ms = Date.parse(session.lastActivityAt);
  if (Number.isNaN(ms)) return 'Earlier';
  const zone = safeTimeZone(ctx.timeZone);
  const today = dayjs.utc(ctx.now.getTime()).tz(zone).startOf('day');
  const day = dayjs.utc(ms).tz(zone).startOf('day');
  const daysAgo = Math.round(today.diff(day, 'hour') / 24);
  if (daysAgo <= 0) return 'Today';
  if (daysAgo === 1) return 'Yesterday';
  return daysAgo < 7 ? 'Earlier this week' : 'Earlier';
};

/**
 * The blocks of a list of sessions with a bold group line ("*Today*") before the first session
 * of each day group, keeping the sessions' own order and blocks (`rows[i]` for `sessions[i]`).
 * At most {@link DAY_GROUPS}.length extra blocks.
 */
export const withDayGroups = (
  sessions: readonly SmsSession[],
  rows: readonly KnownBlock[],
  ctx: RenderContext,
): KnownBlock[] => {
  const blocks: KnownBlock[] = [];
  let current: DayGroup | undefined;
  for (const [index, row] of rows.entries()) {
    const session = sessions[index];
    const group = session === undefined ? current : dayGroupOf(session, ctx);
    if (group !== undefined && group !== current) {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `*${group}*` }] });
      current = group;
    }
    blocks.push(row);
  }
  return blocks;
};
