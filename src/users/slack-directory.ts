import type { WebClient } from '@slack/web-api';
import { AppError } from '../errors.js';

/** What the app needs to know about a Slack person. */
export interface SlackPerson {
  readonly id: string;
  /** Profile email (needs `users:read.email`); absent when hidden or for bots. */
  readonly email: string | undefined;
  /** IANA time zone from the profile, e.g. `Europe/Paris`; absent for some bots. */
  readonly timeZone: string | undefined;
  readonly name: string;
  /** Workspace admin or owner flags (for `ADMINS_INCLUDE_WORKSPACE_ADMINS`). */
  readonly isWorkspaceAdmin: boolean;
  readonly deleted: boolean;
  /** The person's home workspace (`team_id`), and organization when on Enterprise Grid. */
  readonly teamId: string | undefined;
  readonly enterpriseId: string | undefined;
  /** Slack says the person is from an organization not connected to ours (Slack Connect). */
  readonly isStranger: boolean;
}

/** Reads Slack people (`users.info`). */
export interface SlackDirectory {
  /**
   * The person, from the cache when it has them.
   * @throws AppError `SLACK_USER_NOT_FOUND` when Slack does not know the user; the Web API
   * error for any other failure.
   */
  getPerson(slackUserId: string): Promise<SlackPerson>;
  /**
   * The person as Slack says now, skipping (and then refreshing) the cache: for facts that must
   * not be stale for long, such as whether someone is still a workspace admin.
   * @throws as {@link SlackDirectory.getPerson}.
   */
  refreshPerson(slackUserId: string): Promise<SlackPerson>;
}

/**
 * A cache for people, shared across replicas when the store is Redis. Entries expire so a
 * changed email or time zone is picked up without a restart.
 */
export interface PersonCache {
  get(slackUserId: string): Promise<SlackPerson | undefined>;
  set(slackUserId: string, person: SlackPerson): Promise<void>;
}

const isUserNotFound = (error: unknown): boolean => {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return data?.error === 'user_not_found';
};

/**
 * `users.info` behind a cache, so repeated commands by the same person cost no Slack call.
 * Slack's `user_not_found` (a mention of someone outside the workspace, or a forged id) becomes
 * `SLACK_USER_NOT_FOUND`, so the person reads why instead of an apology.
 * https://docs.slack.dev/reference/methods/users.info
 */
export const createSlackDirectory = (client: WebClient, cache: PersonCache): SlackDirectory => {
  const fetchPerson = async (slackUserId: string): Promise<SlackPerson> => {
    let user: Awaited<ReturnType<WebClient['users']['info']>>['user'];
    try {
      ({ user } = await client.users.info({ user: slackUserId }));
    } catch (error) {
      if (!isUserNotFound(error)) throw error;
      throw new AppError('SLACK_USER_NOT_FOUND', 'Slack does not know this user', {
        cause: error,
        detail: { value: slackUserId },
      });
    }
    const person: SlackPerson = {
      id: slackUserId,
      email: user?.profile?.email || undefined,
      timeZone: user?.tz || undefined,
      name: user?.profile?.display_name || user?.real_name || user?.name || slackUserId,
      isWorkspaceAdmin: user?.is_admin === true || user?.is_owner === true,
      deleted: user?.deleted === true,
      teamId: user?.team_id || undefined,
      enterpriseId: user?.enterprise_user?.enterprise_id || undefined,
      isStranger: user?.is_stranger === true,
    };
    await cache.set(slackUserId, person);
    return person;
  };
  return {
    getPerson: async (slackUserId) => (await cache.get(slackUserId)) ?? fetchPerson(slackUserId),
    refreshPerson: fetchPerson,
  };
};
