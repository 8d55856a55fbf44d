import type { Subject } from '../domain/subject.js';

/** Why a viewer may see a person's sessions. */
export type AccessGrant = 'self' | 'admin';

/**
 * What a Slack person may do: `admin` is listed in `ADMIN_SLACK_USER_IDS`; `workspace-admin` is
 * a Slack workspace admin or owner counted as an admin (`ADMINS_INCLUDE_WORKSPACE_ADMINS=true`);
 * `member` is everybody else.
 */
export type AccessRole = 'admin' | 'workspace-admin' | 'member';

/**
 * What someone asks to do: see a subject's SMS sessions (a command, a button, a Home action), or
 * run an admin command (`link`, `unlink`, `who`, `audit`).
 */
export type AccessRequest =
  | { readonly kind: 'view'; readonly subject: Subject }
  | { readonly kind: 'administer' };

/** The answer to an {@link AccessRequest}; a refusal carries the error code to show. */
export type AccessDecision =
  | { readonly allowed: true; readonly grant: AccessGrant }
  | { readonly allowed: false; readonly code: 'FORBIDDEN' | 'ADMIN_ONLY' | 'OUTSIDE_WORKSPACE' };

/**
 * The one rule for who may do what, enforced at every entry point (the command, every button,
 * every Home action, every admin command). Button values and `private_metadata` are untrusted:
 * callers pass the *clicker* as the actor, never an id read from the payload.
 */
export interface AccessPolicy {
  /**
   * Decides one request. Everyone may see their own sessions (any `type`); admins may see
   * anyone's, and name a Zoom user directly; only admins may administer. A `zoom:` subject is
   * never "self", even when it is the actor's own Zoom user: naming Zoom users is an admin tool.
   */
  authorize(actorSlackUserId: string, request: AccessRequest): Promise<AccessDecision>;
  /** The actor's role, for `whoami` and for deciding what to offer (e.g. a user picker). */
  roleOf(actorSlackUserId: string): Promise<AccessRole>;
  /** Whether {@link AccessPolicy.roleOf} is an admin role. */
  isAdmin(actorSlackUserId: string): Promise<boolean>;
  /** Who the admins are, so answers can name them ("Ask @Alice Martin") instead of settings. */
  roster(): AdminRoster;
}

/** The app's admins as a person can be pointed to them. */
export interface AdminRoster {
  /** The Slack people named as admins, in the configured order. */
  readonly slackUserIds: readonly string[];
  /** Whether Slack workspace admins and owners are admins of the app too. */
  readonly workspaceAdmins: boolean;
}

/** What {@link createAccessPolicy} needs. */
export interface AccessPolicyOptions {
  /** `ADMIN_SLACK_USER_IDS`. */
  readonly adminSlackUserIds: readonly string[];
  /**
   * Whether a Slack person is a workspace admin or owner right now; given only when
   * `ADMINS_INCLUDE_WORKSPACE_ADMINS=true` (see `createWorkspaceAdminCheck`).
   */
  readonly isWorkspaceAdmin?: (slackUserId: string) => Promise<boolean>;
  /**
   * Whether a Slack person belongs to another workspace or organization than the app's (see
   * `createMembership`); such a person is never an admin, whatever the lists say. Everyone is
   * taken as a member when absent (unit tests).
   */
  readonly isOutsider?: (slackUserId: string) => Promise<boolean>;
}

/**
 * Builds the access policy. The configured admins are known without any call; Slack is asked
 * about workspace admins only when the option is on and only when it decides the answer (never
 * for people looking at their own sessions).
 */
export const createAccessPolicy = (options: AccessPolicyOptions): AccessPolicy => {
  const admins = new Set(options.adminSlackUserIds);
  const isOutsider = options.isOutsider ?? (async () => false);
  const roleOf = async (actor: string): Promise<AccessRole> => {
    if (await isOutsider(actor)) return 'member';
    if (admins.has(actor)) return 'admin';
    if (options.isWorkspaceAdmin !== undefined && (await options.isWorkspaceAdmin(actor))) {
      return 'workspace-admin';
    }
    return 'member';
  };
  const isAdmin = async (actor: string) => (await roleOf(actor)) !== 'member';
  const roster: AdminRoster = {
    slackUserIds: [...admins],
    workspaceAdmins: options.isWorkspaceAdmin !== undefined,
  };
  return {
    roleOf,
    isAdmin,
    roster: () => roster,
    authorize: async (actor, request) => {
      if (request.kind === 'view') {
        const { subject } = request;
        if (subject.kind === 'slack-user' && subject.slackUserId === actor) {
          return { allowed: true, grant: 'self' };
        }
        if (await isOutsider(actor)) return { allowed: false, code: 'OUTSIDE_WORKSPACE' };
        return (await isAdmin(actor))
          ? { allowed: true, grant: 'admin' }
          : { allowed: false, code: 'FORBIDDEN' };
      }
      if (await isOutsider(actor)) return { allowed: false, code: 'OUTSIDE_WORKSPACE' };
      return (await isAdmin(actor))
        ? { allowed: true, grant: 'admin' }
        : { allowed: false, code: 'ADMIN_ONLY' };
    },
  };
};
