import { followingCursor, isSamePlace, type PageCursor, previousCursor } from '../query/cursor.js';
import type { SessionsPageResult } from './listing-page.js';
import type { SessionsCore } from './sessions.js';

/**
 * The page a person was reading when its Next (to `next`) failed, shown again
 * ({@link SessionsCore.reshow}: from the cache, or within a few seconds of Zoom) so it can stay in
 * place with a warning. It is found from `next` itself: the page before it (its trail, or the
 * way back kept across months) whose own Next leads to the same place. `undefined` when `next`
 * does not reach back (a cut trail, a page with nothing on it) or that page is not the one whose
 * Next it was: the caller then says the failure in a message of its own, as it does when this
 * throws.
 * @throws AppError as {@link SessionsCore.reshow} does (Zoom busy or refusing that page too).
 */
export const pageBeforeNext = async (
  core: Pick<SessionsCore, 'reshow'>,
  actor: string,
  next: PageCursor,
): Promise<SessionsPageResult | undefined> => {
  const current = previousCursor(next);
  if (current === undefined) return undefined;
  const shown = await core.reshow(actor, current);
  const { model } = shown;
  const onward =
    model.nextCursor === undefined
      ? followingCursor(model.cursor, model.page)
      : (model.nextCursor ?? undefined);
  return onward !== undefined && isSamePlace(onward, next) ? shown : undefined;
};
