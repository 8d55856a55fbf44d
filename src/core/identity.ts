import type { Clock } from '../clock.js';
import type { AccountUser } from '../domain/account.js';
import { AppError, type ErrorCode } from '../errors.js';
import type { AuditEntry, Link, Store } from '../store/types.js';
import type { AccessPolicy, AccessRole } from '../users/access.js';
import { looksAlike } from '../users/resemblance.js';
import type { IdentityResolver, Resolution } from '../users/resolve-identity.js';
import type { SlackDirectory } from '../users/slack-directory.js';
import type { ZoomApi } from '../zoom/types.js';
import type { AuditTrail } from './audit-trail.js';

/** The admin commands, as recorded in the audit trail's `action`. */
export type AdminCommand = 'link' | 'unlink' | 'who' | 'audit';

/** Why a link was refused after checking Zoom. */
export type LinkRefusal = 'no-zoom-user' | 'no-zoom-phone';

/** What `link` did. */
export type LinkOutcome =
  | {
      readonly kind: 'linked';
      readonly link: Link;
      /** The link this one replaced, if any. */
      readonly previous?: Link;
      /** The Zoom user's name, for the confirmation. */
      readonly zoomName?: string;
    }
  | {
      readonly kind: 'refused';
      readonly slackUserId: string;
      readonly zoomUser: string;
      readonly reason: LinkRefusal;
    }
  | {
      /**
       * Not linked yet: the Zoom user's name and email do not resemble the Slack profile, so
       * the admin is asked to confirm (nothing was stored).
       */
      readonly kind: 'unconfirmed';
      readonly slackUserId: string;
      /** The Zoom user as the link would store it (Zoom's email, else its id). */
      readonly zoomUser: string;
      readonly zoomName?: string;
      /** The name on the Slack profile. */
      readonly slackName: string;
      /** The link this one would replace, if any. */
      readonly previous?: Link;
    };

/** How `link` may go ahead. */
export interface LinkOptions {
  /**
   * The admin already confirmed this pair ("Link anyway"), so a Zoom user who does not resemble
   * the Slack profile is linked all the same.
   */
  readonly confirmed?: boolean;
}

/** What `unlink` did, and how the person resolves now. */
export interface UnlinkOutcome {
  readonly slackUserId: string;
  /** The link that was removed; absent when there was none. */
  readonly removed?: Link;
  readonly now: Resolution;
}

/** How someone resolves, and (for `whoami`) what they may see. */
export interface WhoAmI {
  readonly resolution: Resolution;
  readonly role: AccessRole;
  /**
   * Whether their Zoom user has Zoom Phone (asked of Zoom): `none` means no licence, so no SMS
   * conversations; `unknown` when there is no Zoom user or Zoom could not say.
   */
  readonly phone: 'licensed' | 'none' | 'unknown';
}

/**
 * The identity and access use cases behind `/sms-sessions link | unlink | who | whoami | audit`.
 * Admin commands are decided by the same {@link AccessPolicy} as every listing; a refusal is
 * written to the audit trail and thrown as `ADMIN_ONLY` (`detail.value` the command).
 */
export interface IdentityCore {
  /**
   * Verifies that the Zoom user exists (`GET /users/{userId}`) and has Zoom Phone
   * (`GET /phone/users/{userId}`), then links the Slack person to it; a refusal says why. When
   * the Zoom user's name and email do not resemble the Slack profile (`looksAlike`), nothing is
   * stored unless `options.confirmed`: the outcome is `unconfirmed`, for the admin to confirm.
   * @throws AppError `ADMIN_ONLY`, `SLACK_USER_NOT_FOUND`, or a `ZOOM_*` code Zoom's answer
   * cannot be read as a refusal (credentials, scopes, rate limit, outage).
   */
  link(
    actor: string,
    slackUserId: string,
    zoomUser: string,
    options?: LinkOptions,
  ): Promise<LinkOutcome>;
  /** @throws AppError `ADMIN_ONLY`, `SLACK_USER_NOT_FOUND`. */
  unlink(actor: string, slackUserId: string): Promise<UnlinkOutcome>;
  /** @throws AppError `ADMIN_ONLY`, `SLACK_USER_NOT_FOUND`. */
  who(actor: string, slackUserId: string): Promise<Resolution>;
  /** Anyone: how the actor resolves, their role, and whether they have Zoom Phone. */
  whoami(actor: string): Promise<WhoAmI>;
  /**
   * The newest audit entries, optionally only those about one Slack person.
   * @throws AppError `ADMIN_ONLY`.
   */
  auditEntries(
    actor: string,
    query: { readonly subjectSlackUserId?: string; readonly limit: number },
  ): Promise<AuditEntry[]>;
}

/** Dependencies of {@link createIdentityCore}. */
export interface IdentityCoreDeps {
  readonly zoom: ZoomApi;
  readonly store: Store;
  readonly directory: SlackDirectory;
  readonly identities: IdentityResolver;
  readonly access: AccessPolicy;
  readonly audit: AuditTrail;
  readonly clock: Clock;
}

const NO_ZOOM_USER: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ZOOM_USER_NOT_FOUND',
  'ZOOM_INVALID_USER',
]);

/** Zoom answers 404 / 1001 on the phone API for a user who exists but has no Zoom Phone. */
const NO_ZOOM_PHONE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ZOOM_PHONE_NOT_ENABLED',
  'ZOOM_USER_NOT_FOUND',
  'ZOOM_INVALID_USER',
]);

const REFUSAL_CODES: Readonly<Record<LinkRefusal, ErrorCode>> = {
  'no-zoom-user': 'ZOOM_USER_NOT_FOUND',
  'no-zoom-phone': 'ZOOM_PHONE_NOT_ENABLED',
};

const isRefusal = (error: unknown, codes: ReadonlySet<ErrorCode>): boolean =>
  error instanceof AppError && codes.has(error.code);

/**
 * Builds the identity core. A link stores the Zoom user's email as Zoom returns it (lowercased),
 * or its id when Zoom has no email for it, so the link reads well and matches how email
 * resolution names Zoom users.
 * https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId}
 * https://developers.zoom.us/docs/api/phone/#tag/users/GET/phone/users/{userId}
 */
export const createIdentityCore = (deps: IdentityCoreDeps): IdentityCore => {
  const requireAdmin = async (
    actor: string,
    command: AdminCommand,
    about: { subjectSlackUserId?: string; subjectZoomUser?: string } = {},
  ): Promise<void> => {
    const decision = await deps.access.authorize(actor, { kind: 'administer' });
    if (decision.allowed) return;
    await deps.audit.record({
      actorSlackUserId: actor,
      ...about,
      action: command,
      filters: {},
      allowed: false,
      reason: decision.code,
    });
    throw new AppError(decision.code, `Only admins may run ${command}`, {
      detail: { value: command },
    });
  };

  const verifyZoomUser = async (
    typed: string,
  ): Promise<{ zoomUser: string; user: AccountUser } | LinkRefusal> => {
    let user: AccountUser;
    try {
      user = await deps.zoom.getUser(typed);
    } catch (error) {
      if (isRefusal(error, NO_ZOOM_USER)) return 'no-zoom-user';
      throw error;
    }
    const zoomUser = user.email?.toLowerCase() || user.id;
    try {
      await deps.zoom.getPhoneUser(zoomUser);
    } catch (error) {
      if (isRefusal(error, NO_ZOOM_PHONE)) return 'no-zoom-phone';
      throw error;
    }
    return { zoomUser, user };
  };

  const phoneOf = async (resolution: Resolution): Promise<WhoAmI['phone']> => {
    if (resolution.kind === 'none') return 'unknown';
    try {
      await deps.zoom.getPhoneUser(resolution.identity.zoomUser);
      return 'licensed';
    } catch (error) {
      if (isRefusal(error, NO_ZOOM_PHONE)) return 'none';
      return 'unknown';
    }
  };

  return {
    link: async (actor, slackUserId, typed, options = {}) => {
      await requireAdmin(actor, 'link', {
        subjectSlackUserId: slackUserId,
        subjectZoomUser: typed,
      });
      const person = await deps.directory.getPerson(slackUserId);
      const verified = await verifyZoomUser(typed);
      if (typeof verified === 'string') {
        await deps.audit.record({
          actorSlackUserId: actor,
          subjectSlackUserId: slackUserId,
          subjectZoomUser: typed,
          action: 'link',
          filters: {},
          allowed: true,
          reason: REFUSAL_CODES[verified],
        });
        return { kind: 'refused', slackUserId, zoomUser: typed, reason: verified };
      }
      const previous = await deps.store.getLink(slackUserId);
      const zoomSide = {
        name: verified.user.name,
        email: verified.user.email ?? verified.zoomUser,
      };
      if (
        options.confirmed !== true &&
        !looksAlike({ name: person.name, email: person.email }, zoomSide)
      ) {
        return {
          kind: 'unconfirmed',
          slackUserId,
          zoomUser: verified.zoomUser,
          slackName: person.name,
          ...(verified.user.name === undefined ? {} : { zoomName: verified.user.name }),
          ...(previous === undefined ? {} : { previous }),
        };
      }
      const link: Link = {
        slackUserId,
        zoomUser: verified.zoomUser,
        setBy: actor,
        setAt: deps.clock.now().toISOString(),
      };
      await deps.identities.setLink(link);
      await deps.audit.record({
        actorSlackUserId: actor,
        subjectSlackUserId: slackUserId,
        subjectZoomUser: link.zoomUser,
        action: 'link',
        filters: {},
        allowed: true,
      });
      const name = verified.user.name;
      return {
        kind: 'linked',
        link,
        ...(previous === undefined ? {} : { previous }),
        ...(name === undefined ? {} : { zoomName: name }),
      };
    },
    unlink: async (actor, slackUserId) => {
      await requireAdmin(actor, 'unlink', { subjectSlackUserId: slackUserId });
      await deps.directory.getPerson(slackUserId);
      const removed = await deps.identities.removeLink(slackUserId);
      if (removed !== undefined) {
        await deps.audit.record({
          actorSlackUserId: actor,
          subjectSlackUserId: slackUserId,
          subjectZoomUser: removed.zoomUser,
          action: 'unlink',
          filters: {},
          allowed: true,
        });
      }
      const now = await deps.identities.explain(slackUserId);
      return { slackUserId, ...(removed === undefined ? {} : { removed }), now };
    },
    who: async (actor, slackUserId) => {
      await requireAdmin(actor, 'who', { subjectSlackUserId: slackUserId });
      return deps.identities.explain(slackUserId);
    },
    whoami: async (actor) => {
      const [resolution, role] = await Promise.all([
        deps.identities.explain(actor),
        deps.access.roleOf(actor),
      ]);
      return { resolution, role, phone: await phoneOf(resolution) };
    },
    auditEntries: async (actor, query) => {
      await requireAdmin(
        actor,
        'audit',
        query.subjectSlackUserId === undefined
          ? {}
          : { subjectSlackUserId: query.subjectSlackUserId },
      );
      await deps.audit.flush();
      return deps.store.listAudit(query);
    },
  };
};
