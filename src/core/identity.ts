import type { AccountUser } from '../domain/account.js';
import { AppError, type ErrorCode } from '../errors.js';
import type { Link } from '../store/types.js';
import { looksAlike } from '../users/resemblance.js';
import type { Resolution } from '../users/resolve-identity.js';
import type {
  AdminCommand,
  IdentityCore,
  IdentityCoreDeps,
  LinkRefusal,
  WhoAmI,
} from './identity-types.js';

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
