import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Link, Store } from '../store/types.js';
import { nextLinkGeneration } from './link-generation.js';
import type { SlackDirectory, SlackPerson } from './slack-directory.js';

/** How long a resolved Slack → Zoom mapping is reused before it is worked out again. */
export const IDENTITY_CACHE_TTL_MS = 5 * 60 * 1000;

/** Versioned: identities cached before people from other workspaces were told apart are not read. */
const NAMESPACE = 'zoom-identity:v2';

const identitySchema = z.object({
  slackUserId: z.string(),
  zoomUser: z.string().min(1),
  how: z.enum(['link', 'email']),
});

/** A Slack person's Zoom user, and how the app found it (shown to people, recorded in audits). */
export type ZoomIdentity = z.infer<typeof identitySchema>;

/** Why a Slack person has no Zoom user. */
export type UnresolvedReason = 'no-email' | 'deactivated' | 'outside-workspace';

/** How a Slack person resolves, with the evidence, for `who` and `whoami`. */
export type Resolution =
  | { readonly kind: 'link'; readonly identity: ZoomIdentity; readonly link: Link }
  | { readonly kind: 'email'; readonly identity: ZoomIdentity }
  | { readonly kind: 'none'; readonly slackUserId: string; readonly reason: UnresolvedReason };

/**
 * Slack person → Zoom user, and the admin-set links that override the email. Resolved identities
 * are cached in the store (shared by every replica on Redis); setting or removing a link
 * rewrites that cache entry at once, so the change applies on every replica with no wait.
 */
export interface IdentityResolver {
  /**
   * The Zoom user whose sessions a Slack person's listing shows (cached).
   * @throws AppError `NOT_LINKED` (`detail.value` the Slack id) when the person has no link and
   * no usable profile email; `SLACK_USER_NOT_FOUND` when Slack does not know them.
   */
  resolve(slackUserId: string): Promise<ZoomIdentity>;
  /** How the person resolves right now, read fresh (never from the cache), and why. */
  explain(slackUserId: string): Promise<Resolution>;
  /** Stores a link (durable once resolved) and makes it the cached identity. */
  setLink(link: Link): Promise<void>;
  /** Removes a link and forgets the cached identity; resolves to the link that was removed. */
  removeLink(slackUserId: string): Promise<Link | undefined>;
}

const byEmail = (person: SlackPerson, isMember: boolean): Resolution => {
  if (person.deleted) return { kind: 'none', slackUserId: person.id, reason: 'deactivated' };
  if (!isMember) return { kind: 'none', slackUserId: person.id, reason: 'outside-workspace' };
  if (person.email === undefined) {
    return { kind: 'none', slackUserId: person.id, reason: 'no-email' };
  }
  return {
    kind: 'email',
    identity: { slackUserId: person.id, zoomUser: person.email.toLowerCase(), how: 'email' },
  };
};

/**
 * Resolution order: an explicit link set by an admin → the email on the Slack profile, compared
 * case-insensitively (Zoom accepts an email as `userId`, so no lookup call is needed) → not
 * linked. A link wins even for a deactivated Slack account, since an admin chose it; email
 * matching does not apply to deactivated accounts, nor to people from another workspace or
 * organization (`isMember`): another organization controls their email, so it proves nothing.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const createIdentityResolver = (deps: {
  store: Store;
  directory: SlackDirectory;
  ttlMs?: number;
  /** Whether a person is of this workspace (src/users/workspace.ts); everyone when absent. */
  isMember?: (person: SlackPerson) => Promise<boolean>;
}): IdentityResolver => {
  const isMember = deps.isMember ?? (async () => true);
  const ttlMs = deps.ttlMs ?? IDENTITY_CACHE_TTL_MS;
  const remember = (identity: ZoomIdentity) =>
    deps.store.cacheSet(NAMESPACE, identity.slackUserId, identity, ttlMs);

  const explain = async (slackUserId: string): Promise<Resolution> => {
    const link = await deps.store.getLink(slackUserId);
    if (link !== undefined) {
      return {
        kind: 'link',
        link,
        identity: { slackUserId, zoomUser: link.zoomUser, how: 'link' },
      };
    }
    const person = await deps.directory.getPerson(slackUserId);
    return byEmail(person, await isMember(person));
  };

  return {
    explain,
    resolve: async (slackUserId) => {
      const cached = identitySchema.safeParse(await deps.store.cacheGet(NAMESPACE, slackUserId));
      if (cached.success && cached.data.slackUserId === slackUserId) return cached.data;
      const resolution = await explain(slackUserId);
      if (resolution.kind === 'none') {
        throw new AppError(
          resolution.reason === 'outside-workspace' ? 'OUTSIDE_WORKSPACE' : 'NOT_LINKED',
          `Slack user cannot be resolved: ${resolution.reason}`,
          { detail: { value: slackUserId } },
        );
      }
      await remember(resolution.identity);
      return resolution.identity;
    },
    setLink: async (link) => {
      await deps.store.setLink(link);
      await nextLinkGeneration(deps.store);
      await remember({ slackUserId: link.slackUserId, zoomUser: link.zoomUser, how: 'link' });
    },
    removeLink: async (slackUserId) => {
      const link = await deps.store.getLink(slackUserId);
      await deps.store.deleteLink(slackUserId);
      await deps.store.cacheDelete(NAMESPACE, slackUserId);
      await nextLinkGeneration(deps.store);
      return link;
    },
  };
};
