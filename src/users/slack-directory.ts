import type { WebClient } from '@slack/web-api';

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
}

/** Reads Slack people (`users.info`). */
export interface SlackDirectory {
  /** @throws the Web API error when Slack does not know the user. */
  getPerson(slackUserId: string): Promise<SlackPerson>;
}

/**
 * A cache for people, shared across replicas when the store is Redis. Entries expire so a
 * changed email or time zone is picked up without a restart.
 */
export interface PersonCache {
  get(slackUserId: string): Promise<SlackPerson | undefined>;
  set(slackUserId: string, person: SlackPerson): Promise<void>;
}

/**
 * `users.info` behind a cache, so repeated commands by the same person cost no Slack call.
 * https://docs.slack.dev/reference/methods/users.info
 */
export const createSlackDirectory = (client: WebClient, cache: PersonCache): SlackDirectory => ({
  getPerson: async (slackUserId) => {
    const cached = await cache.get(slackUserId);
    if (cached !== undefined) return cached;
    const { user } = await client.users.info({ user: slackUserId });
    const person: SlackPerson = {
      id: slackUserId,
      email: user?.profile?.email || undefined,
      timeZone: user?.tz || undefined,
      name: user?.profile?.display_name || user?.real_name || user?.name || slackUserId,
      isWorkspaceAdmin: user?.is_admin === true || user?.is_owner === true,
      deleted: user?.deleted === true,
    };
    await cache.set(slackUserId, person);
    return person;
  },
});
