import { AppError } from '../../errors.js';
import type { IdentityResolver } from '../../users/resolve-identity.js';
import type { ZoomApi } from '../../zoom/types.js';

/** A Slack person's own Zoom user: as the listing finds it, and Zoom's canonical id for it. */
export interface OwnLine {
  /** The Zoom user id or email the listing uses (an admin's link, else the profile email). */
  readonly zoomUser: string;
  /** Zoom's id of that user, as its webhooks name the owner of a text (`owner.id`). */
  readonly zoomUserId: string;
}

/** The Slack person's own line, or `undefined` when they have no Zoom user. */
export type FindOwnLine = (slackUserId: string) => Promise<OwnLine | undefined>;

/**
 * Slack person → their Zoom user's canonical id, through the same identity resolution as every
 * listing (an admin's link, else the profile email) and `GET /users/{userId}` (cached like every
 * Zoom read), so texts Zoom reports by user id can be matched to the person. `undefined` for a
 * person with no Zoom user (`NOT_LINKED`, `ZOOM_USER_NOT_FOUND`).
 * @throws AppError for a Zoom or Slack failure a retry may fix.
 */
export const createOwnLine =
  (deps: {
    readonly identities: Pick<IdentityResolver, 'resolve'>;
    readonly zoom: Pick<ZoomApi, 'getUser'>;
  }): FindOwnLine =>
  async (slackUserId) => {
    try {
      const { zoomUser } = await deps.identities.resolve(slackUserId);
      const user = await deps.zoom.getUser(zoomUser);
      return { zoomUser, zoomUserId: user.id };
    } catch (error) {
      if (error instanceof AppError && ['NOT_LINKED', 'ZOOM_USER_NOT_FOUND'].includes(error.code)) {
        return undefined;
      }
      throw error;
    }
  };
