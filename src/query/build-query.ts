import { DEFAULT_PAGE_SIZE, type ListArgs, type SessionQuery, type WindowNote } from './types.js';
import { type RangeLimits, resolveWindow, type WindowContext } from './window.js';

/**
 * The exact Zoom question for what a person asked: their dates resolved to UTC instants (see
 * {@link resolveWindow}) and the defaults made explicit (`session_type` `all`: everything the
 * person can see, their own number and the call queues and receptionists they are in, so the
 * newest texts are never hidden by a default; `filter_type` `last_message_time`) with {@link DEFAULT_PAGE_SIZE} sessions a page, so a Next
 * button replays the same query even if a default changes later. `from`/`to` are the whole
 * range, which may be longer than Zoom answers at once: the page cursor asks for it a window at
 * a time (`startCursor`). `args.target` is not part of the query: who may be searched is decided
 * elsewhere.
 * @throws AppError `INVALID_ARGS` when the dates cannot form a range (see {@link resolveWindow}).
 */
export const buildQuery = (
  args: ListArgs,
  ctx: WindowContext,
  limits: RangeLimits,
): { query: SessionQuery; notes: WindowNote[] } => {
  const window = resolveWindow(args, ctx, limits);
  return {
    query: {
      sessionType: args.sessionType ?? 'all',
      filterType: args.filterType ?? 'last_message_time',
      from: window.from,
      to: window.to,
      ...(args.phoneNumber === undefined ? {} : { phoneNumber: args.phoneNumber }),
      pageSize: args.pageSize ?? DEFAULT_PAGE_SIZE,
    },
    notes: window.notes,
  };
};
