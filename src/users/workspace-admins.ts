import type { Store } from '../store/types.js';
import type { SlackDirectory } from './slack-directory.js';

/**
 * How long "is a workspace admin" is trusted before Slack is asked again: briefly, so someone
 * whose admin role is removed in Slack loses access to other people's SMS within a minute.
 */
export const WORKSPACE_ADMIN_CACHE_TTL_MS = 60 * 1000;

const NAMESPACE = 'workspace-admin';

/**
 * Whether a Slack person is a workspace admin or owner (`users.info` → `is_admin` /
 * `is_owner`), read fresh from Slack and cached in the store for
 * {@link WORKSPACE_ADMIN_CACHE_TTL_MS} (shared by every replica). Deactivated people never are.
 * https://docs.slack.dev/reference/methods/users.info
 */
export const createWorkspaceAdminCheck =
  (deps: { directory: SlackDirectory; store: Store; ttlMs?: number }) =>
  async (slackUserId: string): Promise<boolean> => {
    const cached = await deps.store.cacheGet<boolean>(NAMESPACE, slackUserId);
    if (typeof cached === 'boolean') return cached;
    const person = await deps.directory.refreshPerson(slackUserId);
    const isAdmin = person.isWorkspaceAdmin && !person.deleted;
    await deps.store.cacheSet(
      NAMESPACE,
      slackUserId,
      isAdmin,
      deps.ttlMs ?? WORKSPACE_ADMIN_CACHE_TTL_MS,
    );
    return isAdmin;
  };
