import type { HomeView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import {
  DEFAULT_HOME_FILTERS,
  filtersForViewer,
  type HomeFilters,
} from '../../core/home-filters.js';
import { beginHomeUpdate, type HomeUpdate } from '../../core/home-publish.js';
import type { UnansweredConversation } from '../../core/inbox/unanswered.js';
import type { ListingStart } from '../../core/listing-start.js';
import { AppError, toAppError } from '../../errors.js';
import type { AppLogger } from '../../logger.js';
import { firstCursor } from '../../query/cursor.js';
import { FALLBACK_TIME_ZONE } from '../../query/time-zone.js';
import type { HomeControlsModel } from '../../render/home-controls.js';
import { type HomeBody, renderHomeLoading, renderHomeView } from '../../render/home-view.js';
import type { RenderContext } from '../../render/types.js';
import { logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import { viewerModel } from '../viewer.js';
import { createHomePublisher } from './home-publish.js';
import { EXPIRED_NOTICE } from './paging.js';

/** Who asked for a Home update, and the tab they saw. */
export interface HomeRequest {
  readonly deps: SlackDeps;
  readonly client: WebClient;
  /** The person whose tab it is: the event's `user` or the clicker, never a payload value. */
  readonly actor: string;
  /** `hash` of the view the person acted on, when Slack sent one. */
  readonly hash: string | undefined;
  readonly logger: AppLogger;
}

/** What one Home update asks for. */
export interface HomeWork {
  /**
   * The filters to list with, given the stored ones (already limited to what the actor may
   * see): the same object, or new filters the person's action asked for. May refuse
   * (`BAD_BUTTON`), in which case the stored filters stay and nothing is asked of Zoom.
   */
  filters(stored: HomeFilters): HomeFilters;
  /** Where the listing starts: page 1 of the filters, or a button's cursor. */
  locate(filters: HomeFilters): Promise<ListingStart>;
}

/** The viewer's context, or UTC at the app's clock when even that cannot be read. */
const fallbackContext = (deps: SlackDeps, actor: string): Promise<RenderContext> =>
  deps.core
    .viewerContext(actor)
    .catch(() => ({ now: deps.clock.now(), timeZone: FALLBACK_TIME_ZONE }));

/**
 * The viewer's own conversations waiting for a reply, with contacts from the page shown when it
 * is their own; `undefined` (no section) when they cannot be read, which never costs the tab.
 */
const waitingForReply = async (
  request: HomeRequest,
  body: HomeBody,
): Promise<readonly UnansweredConversation[] | undefined> => {
  const known = body.kind === 'listing' && body.page.subject.isSelf ? body.page.page.sessions : [];
  try {
    return await request.deps.unanswered(request.actor, known);
  } catch (error) {
    request.logger.warn(
      { code: toAppError(error).code },
      'the conversations waiting for a reply could not be read',
    );
    return undefined;
  }
};

const publishFailure = (logger: AppLogger, error: unknown) => {
  const { code, data } = (error ?? {}) as { code?: unknown; data?: { error?: unknown } };
  logger.warn(
    { code: typeof code === 'string' ? code : undefined, slackError: data?.error },
    'views.publish refused the Home view',
  );
};

/**
 * Runs one update of a person's Home tab after the event or action was acknowledged, and always
 * ends with a view: the filters (possibly changed by the action, and then saved so they survive
 * a re-open) and "Loading…" at once, then the page from `SessionsCore.page`, or one clear
 * explanation of what failed, with Try again / Start over where they can help. A page whose Zoom
 * token has expired is answered at once with page 1 and one line saying so, as under a listing
 * message (the button carries the whole query). The viewer's own conversations waiting for a
 * reply come first, read after the listing (whose rows name their contacts). Every path, a picked
 * person included, goes through `SessionsCore.page`, which checks that the actor may see the
 * subject before any Zoom call and audits the attempt; only what the actor may see is saved
 * ({@link filtersForViewer}), so a forged pick is refused and stored nowhere. Home actions have
 * no `response_url`, so every answer goes through `views.publish`, ordered by
 * {@link beginHomeUpdate} (hash and newest-update check). A view Slack refuses is logged (its
 * error code only), since there is nobody left to tell.
 * https://docs.slack.dev/surfaces/app-home
 */
export const deliverHome = async (request: HomeRequest, work: HomeWork): Promise<void> => {
  const { deps, actor, logger } = request;
  const publish = createHomePublisher(request.client, logger);
  let update: HomeUpdate<HomeView> | undefined;
  let controls: HomeControlsModel = {
    viewer: actor,
    canPickUser: false,
    filters: DEFAULT_HOME_FILTERS,
  };
  let start: ListingStart | undefined;
  let body: HomeBody;
  let notice: string | undefined;
  let ctx: RenderContext | undefined;
  try {
    update = await beginHomeUpdate({ state: deps.home, publish }, actor, request.hash);
    const isAdmin = await deps.access.isAdmin(actor);
    const stored = filtersForViewer(await deps.home.filters(actor), actor, isAdmin);
    const notify = (await deps.inbox.notify(actor)).on;
    controls = { viewer: actor, canPickUser: isAdmin, filters: stored, notify };
    const chosen = work.filters(stored);
    if (chosen !== stored)
      await deps.home.saveFilters(actor, filtersForViewer(chosen, actor, isAdmin));
    controls = { ...controls, filters: chosen };
    const early = await fallbackContext(deps, actor);
    if ((await update.publish(renderHomeLoading(controls, early))) === 'superseded') return;
    start = await work.locate(controls.filters);
    let result: Awaited<ReturnType<SlackDeps['core']['page']>>;
    try {
      result = await deps.core.page(actor, start.cursor, start.notes, 'home');
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'PAGE_EXPIRED') throw error;
      start = { cursor: firstCursor(start.cursor), notes: [] };
      notice = EXPIRED_NOTICE;
      result = await deps.core.page(actor, start.cursor, start.notes, 'home');
    }
    ctx = result.ctx;
    body = { kind: 'listing', page: result.model };
  } catch (caught) {
    const error = toAppError(caught);
    logFailure(logger, error);
    const recovery =
      start === undefined ? {} : { retry: start.cursor, startOver: firstCursor(start.cursor) };
    body = { kind: 'error', error, recovery };
  }
  try {
    ctx ??= await fallbackContext(deps, actor);
    if (body.kind === 'error') {
      const viewer = await viewerModel(deps.access, actor).catch(() => undefined);
      if (viewer !== undefined) ctx = { ...ctx, viewer };
    }
    const listing = {
      share: deps.sharing.policy.enabled,
      ...(notice === undefined ? {} : { notice }),
    };
    const unanswered = await waitingForReply(request, body);
    const view = renderHomeView(
      { ...controls, body, listing, ...(unanswered === undefined ? {} : { unanswered }) },
      ctx,
    );
    if (update === undefined) await publish(actor, view, undefined);
    else if ((await update.publish(view)) === 'superseded') {
      logger.info('a newer update of the Home tab took over');
    }
  } catch (error) {
    publishFailure(logger, error);
  }
};
