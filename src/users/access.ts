import { AppError } from '../errors.js';

/** Why a viewer may see a person's sessions. */
export type AccessGrant = 'self' | 'admin';

/**
 * The one rule for who may see whose SMS sessions, enforced at every entry point (the command,
 * every button, every Home action). Button values are untrusted: callers pass the *clicker* as
 * the actor, never an id read from the button.
 */
export interface AccessPolicy {
  /**
   * @returns how the actor is allowed to see the subject's sessions.
   * @throws AppError `FORBIDDEN` when the actor is neither the subject nor an admin.
   */
  assertCanView(actorSlackUserId: string, subjectSlackUserId: string): AccessGrant;
  /** Whether the actor may look at other people's sessions at all (e.g. to show a user picker). */
  isAdmin(actorSlackUserId: string): boolean;
}

/** Admins are the Slack user ids in `ADMIN_SLACK_USER_IDS`; everyone may see their own sessions. */
export const createAccessPolicy = (options: {
  adminSlackUserIds: readonly string[];
}): AccessPolicy => {
  const admins = new Set(options.adminSlackUserIds);
  const isAdmin = (actor: string) => admins.has(actor);
  return {
    isAdmin,
    assertCanView: (actor, subject) => {
      if (actor === subject) return 'self';
      if (isAdmin(actor)) return 'admin';
      throw new AppError('FORBIDDEN', 'Only admins may view other people’s SMS sessions');
    },
  };
};
