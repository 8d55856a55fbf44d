import type { Clock } from '../clock.js';
import type { AuditEntry, Link, Store } from '../store/types.js';
import type { AccessPolicy, AccessRole } from '../users/access.js';
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
