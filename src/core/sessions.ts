import type { Clock } from '../clock.js';
import type { SmsSession } from '../domain/sms.js';
import type { Subject } from '../domain/subject.js';
import { AppError, toAppError } from '../errors.js';
import { buildQuery } from '../query/build-query.js';
import { followingCursor, type PageCursor, startCursor } from '../query/cursor.js';
import { safeTimeZone } from '../query/time-zone.js';
import type { Target, WindowNote } from '../query/types.js';
import { isRangeWithinMonths } from '../query/window.js';
import { MESSAGE_MAX_SESSIONS } from '../render/limits.js';
import type { RenderContext, SessionsPageModel, SubjectModel } from '../render/types.js';
import type { ListArgs } from '../slack/commands/grammar.js';
import type { AccessPolicy } from '../users/access.js';
import type { IdentityResolver } from '../users/resolve-identity.js';
import type { SlackDirectory } from '../users/slack-directory.js';
import { runWithDeadline } from '../zoom/call-budget.js';
import type { ZoomApi } from '../zoom/types.js';
import type { AuditTrail } from './audit-trail.js';
import { resolveSubjectModel } from './subject-model.js';

/** A page ready for a renderer, with the viewer's context. */
export interface SessionsPageResult {
  readonly model: SessionsPageModel;
  readonly ctx: RenderContext;
}

/**
 * Where a listing request came from, recorded as the audit entry's `action`: `list` for the
 * slash command, `page` for a button on a listing (Next, Previous, Start over, Try again),
 * `home` for the App Home tab.
 */
export type ListingAction = 'list' | 'page' | 'home';

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
   * still missing, until the page is full or {@link MAX_ZOOM_CALLS_PER_CLICK} calls were made;
   * the page says which leading windows were empty (`model.skipped`) and where Next goes
   * (`model.nextCursor`).
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

/** Where a new listing starts. */
export interface ListingStart {
  readonly cursor: PageCursor;
  readonly notes: readonly WindowNote[];
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
 * Zoom calls one click may make to fill a page of a long range (asked a month at a time): when a
 * month runs out before the page is full, the next (older) month is read for the rest, and
 * empty months are passed over, until the page is full or this many calls were made. So a page
 * costs at most this many calls (and about as many fifths of a second at Zoom's 5 a second);
 * a page left short says so, and Next carries on where the reading stopped.
 */
export const MAX_ZOOM_CALLS_PER_CLICK = 4;

/**
 * How long {@link SessionsCore.reshow} may take: a Zoom call at its turn answers well within it,
 * and the rate limiter tells a "queued" note only for waits longer than this
 * (`DEFAULT_QUEUE_NOTICE_AFTER_MS`), so showing a page again never posts one.
 */
export const RESHOW_PATIENCE_MS = 3_000;

/** Empty months one click passes over at most: every call but the one that finds sessions. */
export const MAX_EMPTY_WINDOWS_PER_CLICK = MAX_ZOOM_CALLS_PER_CLICK - 1;

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
 * Where Next goes from a page filled across windows (`onward`), remembering for Previous the
 * page's own start (`start`) rather than the windows read to fill it: Previous from there shows
 * the very same page again. A position inside a window becomes that window's "page 1" with an
 * empty trail, so Previous goes straight back to `start`; when `start`'s own trail was cut
 * short, nothing is remembered and Previous becomes Start over.
 */
const backTo = (start: PageCursor, onward: PageCursor): PageCursor => {
  if (start.range === undefined || onward.range === undefined) return onward;
  const whole = start.trail.length === start.page - 1;
  const earlier = whole
    ? [
        ...start.range.earlier,
        { window: start.range.window, tokens: [...start.trail, start.token] },
      ]
    : [];
  return { ...onward, trail: [], page: 1, range: { ...onward.range, earlier } };
};

/** The query as the audit trail keeps it: what was asked, in Zoom's terms, and which page. */
const auditFilters = (cursor: PageCursor): Record<string, string | number> => ({
  from: cursor.query.from,
  to: cursor.query.to,
  type: cursor.query.sessionType,
  filter: cursor.query.filterType,
  ...(cursor.query.phoneNumber === undefined ? {} : { phone: cursor.query.phoneNumber }),
  size: cursor.query.pageSize,
  page: cursor.page,
  ...(cursor.range === undefined ? {} : { window: cursor.range.window + 1 }),
});

/**
 * Builds the core. Every path authorises the actor against the subject before any Zoom call, so
 * a forged or replayed button never reaches Zoom for someone the clicker may not see; a Slack
 * subject is resolved to a Zoom user on every page, so a link changed meanwhile applies at once.
 */
export const createSessionsCore = (deps: SessionsCoreDeps): SessionsCore => {
  const viewerContext = async (actor: string): Promise<RenderContext> => {
    const viewer = await deps.directory.getPerson(actor);
    return { now: deps.clock.now(), timeZone: safeTimeZone(viewer.timeZone) };
  };

  const subjectModel = (subject: Subject, isSelf: boolean): Promise<SubjectModel> =>
    resolveSubjectModel(deps.identities, subject, isSelf);

  const load = async (
    actor: string,
    cursor: PageCursor,
    notes: readonly WindowNote[],
    action: ListingAction,
  ): Promise<SessionsPageResult> => {
    const ctx = await viewerContext(actor);
    const entry = (at: PageCursor) => ({
      actorSlackUserId: actor,
      ...(at.subject.kind === 'slack-user'
        ? { subjectSlackUserId: at.subject.slackUserId }
        : { subjectZoomUser: at.subject.zoomUser }),
      action,
      filters: auditFilters(at),
    });
    const decision = await deps.access.authorize(actor, { kind: 'view', subject: cursor.subject });
    if (!decision.allowed) {
      await deps.audit.record({ ...entry(cursor), allowed: false, reason: decision.code });
      throw new AppError(decision.code, 'Not allowed to view these SMS sessions');
    }
    let subject: SubjectModel | undefined;
    let at = cursor;
    try {
      const resolved = await subjectModel(cursor.subject, decision.grant === 'self');
      subject = resolved;
      const { pageSize } = cursor.query;
      const skipped: number[] = [];
      const sessions: SmsSession[] = [];
      let startAt: PageCursor | undefined;
      for (let calls = 1; ; calls += 1) {
        const want = pageSize - sessions.length;
        const query = want < pageSize ? { ...at.query, pageSize: want } : at.query;
        const page = await deps.zoom.listUserSmsSessions(resolved.zoomUser, query, at.token);
        await deps.audit.record({
          ...entry(at),
          subjectZoomUser: resolved.zoomUser,
          resultCount: page.sessions.length,
          allowed: true,
        });
        if (page.sessions.length > 0 && startAt === undefined) startAt = at;
        sessions.push(...page.sessions);
        const exhausted = page.nextPageToken === '';
        if (exhausted && page.sessions.length === 0 && startAt === undefined && at.range) {
          if (at.page === 1) skipped.push(at.range.window);
        }
        const onward = followingCursor(at, page);
        const full = sessions.length >= pageSize;
        if (full || !exhausted || onward === undefined || calls >= MAX_ZOOM_CALLS_PER_CLICK) {
          const model: SessionsPageModel = {
            subject: resolved,
            cursor: startAt ?? at,
            page: { sessions, nextPageToken: page.nextPageToken },
            notes,
            ...(startAt === undefined || startAt === at
              ? {}
              : { nextCursor: onward === undefined ? null : backTo(startAt, onward) }),
            ...(skipped.length === 0 ? {} : { skipped }),
          };
          return { model, ctx };
        }
        at = onward;
      }
    } catch (error) {
      await deps.audit.record({
        ...entry(at),
        ...(subject === undefined ? {} : { subjectZoomUser: subject.zoomUser }),
        allowed: true,
        reason: toAppError(error).code,
      });
      throw error;
    }
  };

  const admit = (cursor: PageCursor): PageCursor => {
    if (cursor.range !== undefined && !isRangeWithinMonths(cursor.range, deps.maxRangeMonths)) {
      throw new AppError('BAD_BUTTON', 'Button range is longer than MAX_RANGE_MONTHS');
    }
    return cursor;
  };

  return {
    viewerContext,
    admit,
    start: async (actor, args) => {
      const ctx = await viewerContext(actor);
      const built = buildQuery(args, ctx, { maxMonths: deps.maxRangeMonths });
      const capped = built.query.pageSize > MESSAGE_MAX_SESSIONS;
      const query = capped ? { ...built.query, pageSize: MESSAGE_MAX_SESSIONS } : built.query;
      const notes: WindowNote[] = capped
        ? [
            ...built.notes,
            { kind: 'page-capped', asked: built.query.pageSize, shown: MESSAGE_MAX_SESSIONS },
          ]
        : [...built.notes];
      return { cursor: startCursor(subjectOf(actor, args.target), query, ctx.timeZone), notes };
    },
    page: async (actor, cursor, notes = [], action = 'page') =>
      load(actor, admit(cursor), notes, action),
    reshow: async (actor, cursor) =>
      runWithDeadline(deps.clock.now().getTime() + RESHOW_PATIENCE_MS, () =>
        load(actor, admit(cursor), [], 'page'),
      ),
  };
};
