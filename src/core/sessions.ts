import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { PageCursor } from '../query/cursor.js';
import type { ListArgs, WindowNote } from '../query/types.js';
import { isRangeWithinMonths } from '../query/window.js';
import type { RenderContext } from '../render/types.js';
import type { AccessPolicy } from '../users/access.js';
import type { IdentityResolver } from '../users/resolve-identity.js';
import type { SlackDirectory } from '../users/slack-directory.js';
import { runWithDeadline } from '../zoom/call-budget.js';
import type { ZoomApi } from '../zoom/types.js';
import type { AuditTrail } from './audit-trail.js';
import { createPageLoader, type ListingAction, type SessionsPageResult } from './listing-page.js';
import { type ListingStart, startListing } from './listing-start.js';
import { createViewerContext } from './viewer-context.js';

/** The core of the product: who may see what, and one page of Zoom SMS sessions. */
export interface SessionsCore {
  /** The viewer's render context (time zone from Slack), for answers that are not pages. */
  viewerContext(actorSlackUserId: string): Promise<RenderContext>;
  /**
   * Turns command arguments into the cursor of page 1 (in the actor's time zone; a range longer
   * than a month is split into its calendar months there) and the notes on how the dates were
   * read. Pure of Zoom: bad dates and a range over `MAX_RANGE_MONTHS` fail here, before any call.
   * A `size:` above what one chat message lists (`MESSAGE_MAX_SESSIONS`) pages that many at a
   * time, with a `page-capped` note saying so.
   */
  start(actorSlackUserId: string, args: ListArgs): Promise<ListingStart>;
  /**
   * The page a cursor points at (page 1 from {@link SessionsCore.start}, or a button's). The
   * actor is whoever asked or clicked, re-authorised against the cursor's subject every time,
   * and every attempt, allowed or refused, is written to the audit trail as `action`, one entry
   * per Zoom call. In a range split into windows, a page is filled across windows: a window
   * that runs out (or is empty) is followed by the next (older) one, asked only for the rows
   * still missing, until the page is full or `MAX_ZOOM_CALLS_PER_CLICK` calls were made
   * (src/core/listing-page.ts); the page says which leading windows were empty
   * (`model.skipped`) and where Next goes (`model.nextCursor`).
   * @throws AppError `FORBIDDEN` (Zoom is not called), `NOT_LINKED`, or a `ZOOM_*` code.
   */
  page(
    actorSlackUserId: string,
    cursor: PageCursor,
    notes?: readonly WindowNote[],
    action?: ListingAction,
  ): Promise<SessionsPageResult>;
  /**
   * The page a person was reading, shown again to keep it in place beside news of a side action
   * (an export's progress, a Next that failed): {@link page} with the same checks and audit
   * (`action` `page`), but it gives up after {@link RESHOW_PATIENCE_MS} instead of waiting its
   * turn for Zoom. A page fetched in the last `ZOOM_CACHE_TTL_SECONDS` costs no Zoom call; one
   * that is not, while Zoom is busy, is better replaced by a small message of its own than
   * waited for.
   * @throws AppError as {@link page} does, `ZOOM_RATE_LIMITED` or `ZOOM_UNAVAILABLE` past the
   * patience.
   */
  reshow(actorSlackUserId: string, cursor: PageCursor): Promise<SessionsPageResult>;
  /**
   * Refuses a cursor no typed command could have produced now: a range longer than
   * `MAX_RANGE_MONTHS` (a button written under a larger setting, or edited). {@link page} checks
   * it first; so does every other use of a button's cursor, before any Zoom call.
   * @throws AppError `BAD_BUTTON`
   */
  admit(cursor: PageCursor): PageCursor;
}

/** Dependencies of {@link createSessionsCore}. */
export interface SessionsCoreDeps {
  readonly zoom: ZoomApi;
  readonly directory: SlackDirectory;
  readonly identities: IdentityResolver;
  readonly access: AccessPolicy;
  readonly audit: AuditTrail;
  readonly clock: Clock;
  /** `MAX_RANGE_MONTHS`: the longest range a listing may cover. */
  readonly maxRangeMonths: number;
}

/**
 * How long {@link SessionsCore.reshow} may take: a Zoom call at its turn answers well within it,
 * and the rate limiter tells a "queued" note only for waits longer than this
 * (`DEFAULT_QUEUE_NOTICE_AFTER_MS`), so showing a page again never posts one.
 */
export const RESHOW_PATIENCE_MS = 3_000;

/**
 * Builds the core. Every path authorises the actor against the subject before any Zoom call, so
 * a forged or replayed button never reaches Zoom for someone the clicker may not see; a Slack
 * subject is resolved to a Zoom user on every page, so a link changed meanwhile applies at once.
 */
export const createSessionsCore = (deps: SessionsCoreDeps): SessionsCore => {
  const viewerContext = createViewerContext(deps);
  const load = createPageLoader({ ...deps, viewerContext });

  const admit = (cursor: PageCursor): PageCursor => {
    if (cursor.range !== undefined && !isRangeWithinMonths(cursor.range, deps.maxRangeMonths)) {
      throw new AppError('BAD_BUTTON', 'Button range is longer than MAX_RANGE_MONTHS');
    }
    return cursor;
  };

  return {
    viewerContext,
    admit,
    start: async (actor, args) =>
      startListing(actor, args, await viewerContext(actor), deps.maxRangeMonths),
    page: async (actor, cursor, notes = [], action = 'page') =>
      load(actor, admit(cursor), notes, action),
    reshow: async (actor, cursor) =>
      runWithDeadline(deps.clock.now().getTime() + RESHOW_PATIENCE_MS, () =>
        load(actor, admit(cursor), [], 'page'),
      ),
  };
};
