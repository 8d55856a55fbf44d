import { AppError } from '../errors.js';
import type { PageCursor } from '../query/cursor.js';
import type { RenderContext, SessionsPageModel } from '../render/types.js';
import type { ZoomApi } from '../zoom/types.js';
import type { AuditTrail } from './audit-trail.js';
import type { SessionsCore } from './sessions.js';
import { queryFilters, type SubjectGate } from './subject-gate.js';

/** A page about to be posted to a channel for everyone in it to read. */
export interface SharedPageModel {
  /** The page as the sharer saw it (no notes: those were for the sharer). */
  readonly page: SessionsPageModel;
  /** The Slack person who shared it, named on the copy. */
  readonly sharedBy: string;
  /** `SHARE_MASK_NUMBERS`: numbers show only their country code, area and last four digits. */
  readonly maskNumbers: boolean;
}

/** How sharing is set up (`SHARE_ENABLED`, `SHARE_MASK_NUMBERS`). */
export interface SharePolicy {
  readonly enabled: boolean;
  readonly maskNumbers: boolean;
}

/** Sharing one page of a listing to the channel it was asked in, on purpose. */
export interface ShareCore {
  /** `SHARE_ENABLED` and `SHARE_MASK_NUMBERS`: whether the Share button is offered, and how. */
  readonly policy: SharePolicy;
  /**
   * Fetches the page `cursor` points at for `actor` (re-authorised against its subject; Zoom is
   * not called on a refusal) and hands it to `post`, which puts it in `channelId`. One `share`
   * audit entry records the channel and the outcome, the post's failure included.
   * @throws AppError `SHARE_DISABLED` (sharing is off: nothing else runs), `FORBIDDEN`,
   * `NOT_LINKED`, `PAGE_EXPIRED`, a `ZOOM_*` code, or what `post` throws.
   */
  share(
    actor: string,
    cursor: PageCursor,
    channelId: string,
    post: (model: SharedPageModel, ctx: RenderContext) => Promise<void>,
  ): Promise<void>;
}

/** What {@link createShareCore} needs. */
export interface ShareCoreDeps {
  readonly zoom: Pick<ZoomApi, 'listUserSmsSessions'>;
  readonly gate: SubjectGate;
  readonly audit: AuditTrail;
  readonly sessions: Pick<SessionsCore, 'viewerContext'>;
  readonly policy: SharePolicy;
}

/**
 * Builds the share core. Turning sharing off (`SHARE_ENABLED=false`) removes the button and
 * refuses a forged or old Share action here, before Zoom, with its own audit entry.
 */
export const createShareCore = (deps: ShareCoreDeps): ShareCore => ({
  policy: deps.policy,
  share: async (actor, cursor, channelId, post) => {
    const filters = { ...queryFilters(cursor.query), page: cursor.page, channel: channelId };
    if (!deps.policy.enabled) {
      await deps.audit.record({
        actorSlackUserId: actor,
        ...(cursor.subject.kind === 'slack-user'
          ? { subjectSlackUserId: cursor.subject.slackUserId }
          : { subjectZoomUser: cursor.subject.zoomUser }),
        action: 'share',
        filters,
        allowed: false,
        reason: 'SHARE_DISABLED',
      });
      throw new AppError('SHARE_DISABLED', 'Sharing to channels is turned off');
    }
    const ctx = await deps.sessions.viewerContext(actor);
    await deps.gate.run(actor, cursor.subject, { action: 'share', filters }, async (subject) => {
      const page = await deps.zoom.listUserSmsSessions(
        subject.zoomUser,
        cursor.query,
        cursor.token,
      );
      await post(
        {
          page: { subject, cursor, page, notes: [] },
          sharedBy: actor,
          maskNumbers: deps.policy.maskNumbers,
        },
        ctx,
      );
      return { value: undefined, resultCount: page.sessions.length };
    });
  },
});
