import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { buildQuery } from '../query/build-query.js';
import type { PageCursor } from '../query/cursor.js';
import { safeTimeZone } from '../query/time-zone.js';
import type { Target, WindowNote } from '../query/types.js';
import type { RenderContext, SessionsPageModel } from '../render/types.js';
import type { ListArgs } from '../slack/commands/grammar.js';
import type { AccessPolicy } from '../users/access.js';
import { resolveZoomIdentity } from '../users/resolve-identity.js';
import type { SlackDirectory } from '../users/slack-directory.js';
import type { ZoomApi } from '../zoom/types.js';

/** A page ready for a renderer, with the viewer's context. */
export interface SessionsPageResult {
  readonly model: SessionsPageModel;
  readonly ctx: RenderContext;
}

/** The core of the product: who may see what, and one page of Zoom SMS sessions. */
export interface SessionsCore {
  /** The viewer's render context (time zone from Slack), for answers that are not pages. */
  viewerContext(actorSlackUserId: string): Promise<RenderContext>;
  /**
   * Turns command arguments into the cursor of page 1 (in the actor's time zone) and the notes on
   * how the dates were read. Pure of Zoom: bad dates fail here, before any call.
   */
  start(actorSlackUserId: string, args: ListArgs): Promise<ListingStart>;
  /**
   * The page a cursor points at (page 1 from {@link SessionsCore.start}, or a button's). The
   * actor is whoever asked or clicked, re-authorised against the cursor's subject every time.
   */
  page(
    actorSlackUserId: string,
    cursor: PageCursor,
    notes?: readonly WindowNote[],
  ): Promise<SessionsPageResult>;
}

/** Where a new listing starts. */
export interface ListingStart {
  readonly cursor: PageCursor;
  readonly notes: readonly WindowNote[];
}

/** Dependencies of {@link createSessionsCore}. */
export interface SessionsCoreDeps {
  readonly zoom: ZoomApi;
  readonly directory: SlackDirectory;
  readonly access: AccessPolicy;
  readonly clock: Clock;
}

const subjectOf = (actor: string, target: Target) =>
  target.kind === 'self' ? actor : target.userId;

/**
 * Builds the core. Every path authorises the actor against the subject before any Zoom call, so
 * a forged or replayed button never reaches Zoom for someone the clicker may not see.
 */
export const createSessionsCore = (deps: SessionsCoreDeps): SessionsCore => {
  const viewerContext = async (actor: string): Promise<RenderContext> => {
    const viewer = await deps.directory.getPerson(actor);
    return { now: deps.clock.now(), timeZone: safeTimeZone(viewer.timeZone) };
  };

  const load = async (
    actor: string,
    cursor: PageCursor,
    notes: readonly WindowNote[],
    ctx: RenderContext,
  ): Promise<SessionsPageResult> => {
    const grant = deps.access.assertCanView(actor, cursor.subject);
    const person = await deps.directory.getPerson(cursor.subject);
    if (person.deleted) {
      throw new AppError('NOT_LINKED', 'Slack user is deactivated', {
        detail: { value: person.id },
      });
    }
    const identity = resolveZoomIdentity(person);
    const page = await deps.zoom.listUserSmsSessions(identity.zoomUser, cursor.query, cursor.token);
    return {
      model: {
        subject: {
          slackUserId: cursor.subject,
          zoomUser: identity.zoomUser,
          isSelf: grant === 'self',
        },
        cursor,
        page,
        notes,
      },
      ctx,
    };
  };

  return {
    viewerContext,
    start: async (actor, args) => {
      const { query, notes } = buildQuery(args, await viewerContext(actor));
      const subject = subjectOf(actor, args.target);
      return { cursor: { subject, query, token: '', trail: [], page: 1 }, notes };
    },
    page: async (actor, cursor, notes = []) =>
      load(actor, cursor, notes, await viewerContext(actor)),
  };
};
