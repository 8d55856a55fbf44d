import type { Subject } from '../domain/subject.js';
import { buildQuery } from '../query/build-query.js';
import { type PageCursor, startCursor } from '../query/cursor.js';
import type { ListArgs, Target, WindowNote } from '../query/types.js';
import { MESSAGE_MAX_SESSIONS } from '../render/limits.js';
import type { RenderContext } from '../render/types.js';

/** Where a new listing starts. */
export interface ListingStart {
  readonly cursor: PageCursor;
  readonly notes: readonly WindowNote[];
}

/** Whose sessions a command names: the actor's own, a mentioned person's, or a Zoom user's. */
const subjectOf = (actor: string, target: Target): Subject => {
  switch (target.kind) {
    case 'self':
      return { kind: 'slack-user', slackUserId: actor };
    case 'slack-user':
      return { kind: 'slack-user', slackUserId: target.userId };
    case 'zoom-user':
      return { kind: 'zoom-user', zoomUser: target.zoomUser };
  }
};

/**
 * The cursor of page 1 for command arguments, in the viewer's time zone (`ctx`; a range longer
 * than a month is split into its calendar months there), and the notes on how the dates were
 * read. Pure of Zoom: bad dates and a range over `maxRangeMonths` fail here, before any call. A
 * `size:` above what one chat message lists ({@link MESSAGE_MAX_SESSIONS}) pages that many at a
 * time, with a `page-capped` note saying so.
 * @throws AppError `INVALID_ARGS` for dates that cannot be read or a range that is too long.
 */
export const startListing = (
  actor: string,
  args: ListArgs,
  ctx: RenderContext,
  maxRangeMonths: number,
): ListingStart => {
  const built = buildQuery(args, ctx, { maxMonths: maxRangeMonths });
  const capped = built.query.pageSize > MESSAGE_MAX_SESSIONS;
  const query = capped ? { ...built.query, pageSize: MESSAGE_MAX_SESSIONS } : built.query;
  const notes: WindowNote[] = capped
    ? [
        ...built.notes,
        { kind: 'page-capped', asked: built.query.pageSize, shown: MESSAGE_MAX_SESSIONS },
      ]
    : [...built.notes];
  return { cursor: startCursor(subjectOf(actor, args.target), query, ctx.timeZone), notes };
};
