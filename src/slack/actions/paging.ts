import type { BlockButtonAction } from '@slack/bolt';
import type { SessionsPageResult } from '../../core/listing-page.js';
import { pageBeforeNext } from '../../core/page-before.js';
import { AppError, toAppError } from '../../errors.js';
import type { AppLogger } from '../../logger.js';
import { firstCursor, type PageCursor } from '../../query/cursor.js';
import { decodeCursor } from '../../query/cursor-wire.js';
import { renderSessionsPage } from '../../render/sessions-page.js';
import { ACTION_IDS, PAGE_ACTION_IDS } from '../../surface/ids.js';
import { deliver, logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { listingOptions } from '../listing-options.js';
import { viewerModel } from '../viewer.js';

/** Said above page 1 when the page a button pointed at had expired at Zoom. */
export const EXPIRED_NOTICE =
  ':information_source: That page link had expired, so this is page 1 again.';

const isFirstPage = (cursor: PageCursor): boolean =>
  cursor.page === 1 && (cursor.range === undefined || cursor.range.window === 0);

/**
 * The page whose Next to `next` just failed, shown again ({@link pageBeforeNext}); `undefined`
 * (logged) when it cannot be, so the failure is said in a message of its own.
 */
const keptPage = async (
  deps: SlackDeps,
  actor: string,
  next: PageCursor,
  logger: AppLogger,
): Promise<SessionsPageResult | undefined> => {
  try {
    const kept = await pageBeforeNext(deps.core, actor, next);
    if (kept === undefined) logger.info({}, 'the page before a failed Next is not known');
    return kept;
  } catch (error) {
    logger.info(
      { code: toAppError(error).code },
      'the page before a failed Next could not be shown again',
    );
    return undefined;
  }
};

/**
 * Next / Previous / Start over / Try again (and an empty listing's widening buttons) on a listing
 * message. The button's value is untrusted: it is decoded strictly, and the core re-checks that
 * the *clicker* may see its subject before any Zoom call, so a button replayed in a shared
 * channel leaks nothing. The answer replaces the message through the click's own `response_url`
 * (ephemeral messages cannot be changed any other way).
 *
 * The button carries the whole query, so a page whose Zoom token has expired is answered at
 * once with page 1 of the same listing and one line saying so. A `Retry-After` of a few seconds
 * is waited out by the Zoom client, unseen (src/zoom/resilient-zoom.ts). Any other failure keeps
 * the page the person was reading:
 *
 * - a failed Next shows that page again (its cursor is the one before Next's; served from the
 *   page cache, or one Zoom call of a few seconds at most) with a warning line above the pager
 *   and Next offered again as "Try again", so page 1 has one recovery button, not two;
 * - otherwise (another button, or that page cannot be shown again now) the page is left as it
 *   is and the error comes as its own small ephemeral with one recovery button (Try again;
 *   Start over too only when the failed page was not page 1): an ephemeral message's click
 *   carries no blocks, so nothing else can bring the page back.
 *
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const registerPagingActions = (app: Listeners, deps: SlackDeps): void => {
  for (const actionId of PAGE_ACTION_IDS) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const actor = body.user.id;
      const logger = deps.logger.child({ kind: 'action', action: actionId, user: actor });
      let cursor: PageCursor | undefined;
      await deliver(
        {
          respond,
          logger,
          replaceOriginal: true,
          keepOriginalOnError: true,
          viewerContext: () => deps.core.viewerContext(actor),
          viewer: () => viewerModel(deps.access, actor),
          now: () => deps.clock.now(),
          recovery: () =>
            cursor === undefined
              ? {}
              : isFirstPage(cursor)
                ? { retry: cursor }
                : { startOver: firstCursor(cursor), retry: cursor },
        },
        async () => {
          cursor = decodeCursor(action.value ?? '');
          const options = listingOptions(deps.sharing);
          try {
            const { model, ctx } = await deps.core.page(actor, cursor);
            return renderSessionsPage(model, ctx, options);
          } catch (error) {
            if (error instanceof AppError && error.code === 'PAGE_EXPIRED') {
              cursor = firstCursor(cursor);
              const { model, ctx } = await deps.core.page(actor, cursor);
              return renderSessionsPage(model, ctx, { ...options, notice: EXPIRED_NOTICE });
            }
            if (actionId !== ACTION_IDS.pageNext) throw error;
            const kept = await keptPage(deps, actor, cursor, logger);
            if (kept === undefined) throw error;
            const failure = toAppError(error);
            logFailure(logger, failure);
            const viewer = await viewerModel(deps.access, actor).catch(() => undefined);
            return renderSessionsPage(
              kept.model,
              viewer === undefined ? kept.ctx : { ...kept.ctx, viewer },
              { ...options, aside: { kind: 'next-failed', error: failure } },
            );
          }
        },
      );
    });
  }
};
