import type { ActionsBlock, Button } from '@slack/types';
import { listingQuery, type PageCursor, startCursor } from '../query/cursor.js';
import { zoomInstant } from '../query/time-zone.js';
import type { SessionQuery } from '../query/types.js';
import { cursorButton } from './session-list.js';
import type { RenderContext } from './types.js';

/** How far back "Past 90 days" reaches. */
export const WIDER_WINDOW_DAYS = 90;

const DAY_MS = 86_400_000;

/** The `action_id`s and `block_id` of one surface's widening buttons. */
export interface WidenIds {
  readonly days: string;
  readonly types: string;
  readonly phone: string;
  readonly block: string;
}

/**
 * The buttons under an empty listing that each widen its search one way, every one carrying the
 * cursor of page 1 of the wider search (re-authorised when clicked): **Past 90 days** (when the
 * window is shorter and ends about now), **All types** (when the search covers one type), **Clear
 * phone number** (when it filters by one). `undefined` when nothing is left to widen.
 * https://docs.slack.dev/reference/block-kit/blocks/actions-block
 * @throws AppError `INTERNAL` only when Zoom's page token alone cannot fit a button value.
 */
export const widenBlock = (
  cursor: PageCursor,
  ctx: RenderContext,
  ids: WidenIds,
): ActionsBlock | undefined => {
  const query = listingQuery(cursor);
  const restart = (changed: SessionQuery): PageCursor =>
    startCursor(cursor.subject, changed, cursor.range?.timeZone ?? ctx.timeZone);
  const buttons: Button[] = [];
  const nowMs = ctx.now.getTime();
  const fromMs = Date.parse(query.from);
  const endsNow = nowMs - Date.parse(query.to) < DAY_MS;
  if (endsNow && nowMs - fromMs < (WIDER_WINDOW_DAYS - 1) * DAY_MS) {
    const wider = { ...query, from: zoomInstant(nowMs - WIDER_WINDOW_DAYS * DAY_MS) };
    buttons.push(
      cursorButton(
        `Past ${WIDER_WINDOW_DAYS} days`,
        ids.days,
        restart(wider),
        'Search the past 90 days',
      ),
    );
  }
  if (query.sessionType !== 'all') {
    buttons.push(
      cursorButton(
        'All types',
        ids.types,
        restart({ ...query, sessionType: 'all' }),
        'Search every type of conversation',
      ),
    );
  }
  if (query.phoneNumber !== undefined) {
    const { phoneNumber: _dropped, ...rest } = query;
    buttons.push(
      cursorButton(
        'Clear phone number',
        ids.phone,
        restart(rest),
        'Search without the phone number',
      ),
    );
  }
  return buttons.length === 0
    ? undefined
    : { type: 'actions', block_id: ids.block, elements: buttons };
};
