import type { SmsSession } from '../domain/sms.js';
import type { Subject } from '../domain/subject.js';
import { AppError, toAppError } from '../errors.js';
import { followingCursor, type PageCursor } from '../query/cursor.js';
import type { WindowNote } from '../query/types.js';
import type { RenderContext, SessionsPageModel, SubjectModel } from '../render/types.js';
import type { AccessPolicy } from '../users/access.js';
import type { IdentityResolver } from '../users/resolve-identity.js';
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

/**
 * Zoom calls one click may make to fill a page of a long range (asked a month at a time): when a
 * month runs out before the page is full, the next (older) month is read for the rest, and
 * empty months are passed over, until the page is full or this many calls were made. So a page
 * costs at most this many calls (and about as many fifths of a second at Zoom's 5 a second);
 * a page left short says so, and Next carries on where the reading stopped.
 */
export const MAX_ZOOM_CALLS_PER_CLICK = 4;

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

/** What {@link createPageLoader} needs. */
export interface PageLoaderDeps {
  readonly zoom: ZoomApi;
  readonly identities: IdentityResolver;
  readonly access: AccessPolicy;
  readonly audit: AuditTrail;
  /** The viewer's render context (src/core/viewer-context.ts). */
  readonly viewerContext: (actor: string) => Promise<RenderContext>;
}

/**
 * The page `cursor` points at, for `actor`, checked and audited: the actor is authorised against
 * the cursor's subject before any Zoom call (a refusal is audited and thrown), the subject is
 * resolved to a Zoom user on every page (a link changed meanwhile applies at once), and every
 * Zoom call is written to the audit trail as `action`, failures with their code. In a range split
 * into windows, a page is filled across windows: a window that runs out (or is empty) is followed
 * by the next (older) one, asked only for the rows still missing, until the page is full or
 * {@link MAX_ZOOM_CALLS_PER_CLICK} calls were made; the page says which leading windows were
 * empty (`model.skipped`) and where Next goes (`model.nextCursor`).
 * @throws AppError `FORBIDDEN` (Zoom is not called), `NOT_LINKED`, or a `ZOOM_*` code.
 */
export const createPageLoader = (deps: PageLoaderDeps) => {
  const subjectModel = (subject: Subject, isSelf: boolean): Promise<SubjectModel> =>
    resolveSubjectModel(deps.identities, subject, isSelf);

  return async (
    actor: string,
    cursor: PageCursor,
    notes: readonly WindowNote[],
    action: ListingAction,
  ): Promise<SessionsPageResult> => {
    const ctx = await deps.viewerContext(actor);
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
};
