import type { WebClient } from '@slack/web-api';
import { AppError } from '../errors.js';
import type { SlackDirectory, SlackPerson } from './slack-directory.js';

/** The workspace (and organization) the app is installed in, as `auth.test` says. */
export interface Workspace {
  readonly teamId: string;
  readonly enterpriseId: string | undefined;
}

/**
 * Who counts as "this workspace": the installation's team, its Enterprise Grid organization,
 * and the teams or organizations listed in `SLACK_ALLOWED_TEAM_IDS`.
 */
export interface WorkspaceBoundary {
  /**
   * Learns the installation's team from `auth.test` (once; a failed call is tried again on the
   * next use). https://docs.slack.dev/reference/methods/auth.test
   */
  load(): Promise<Workspace>;
  /** Whether a request from this team (and organization) is served. */
  admits(teamId: string | undefined, enterpriseId: string | undefined): Promise<boolean>;
  /**
   * Whether a person is one of ours: not a Slack Connect stranger (`is_stranger`), and of an
   * admitted team or organization.
   */
  isMember(person: SlackPerson): Promise<boolean>;
}

/** Builds the {@link WorkspaceBoundary} of the app's installation. */
export const createWorkspaceBoundary = (deps: {
  readonly client: Pick<WebClient, 'auth'>;
  /** `SLACK_ALLOWED_TEAM_IDS`: more teams (`T…`) or organizations (`E…`) to serve. */
  readonly allowedTeamIds: readonly string[];
}): WorkspaceBoundary => {
  const allowed = new Set(deps.allowedTeamIds);
  let learned: Promise<Workspace> | undefined;
  const load = () => {
    learned ??= deps.client.auth.test().then(
      (answer) => {
        if (typeof answer.team_id !== 'string' || answer.team_id === '') {
          throw new Error('auth.test did not name the team');
        }
        return {
          teamId: answer.team_id,
          enterpriseId:
            typeof answer.enterprise_id === 'string' && answer.enterprise_id !== ''
              ? answer.enterprise_id
              : undefined,
        };
      },
      (error: unknown) => {
        learned = undefined;
        throw error;
      },
    );
    return learned;
  };
  const admits = async (teamId: string | undefined, enterpriseId: string | undefined) => {
    const ours = await load();
    if (teamId !== undefined && (teamId === ours.teamId || allowed.has(teamId))) return true;
    if (enterpriseId === undefined) return false;
    return enterpriseId === ours.enterpriseId || allowed.has(enterpriseId);
  };
  return {
    load,
    admits,
    isMember: async (person) => !person.isStranger && admits(person.teamId, person.enterpriseId),
  };
};

/**
 * Whether a Slack person is an outsider (see {@link WorkspaceBoundary.isMember}), read through
 * the directory's cache. A person Slack does not know is an outsider; any other failure to ask
 * Slack is thrown, so it reads as Slack failing, not as a refusal.
 */
export const createOutsiderCheck =
  (deps: { readonly directory: SlackDirectory; readonly boundary: WorkspaceBoundary }) =>
  async (slackUserId: string): Promise<boolean> => {
    let person: SlackPerson;
    try {
      person = await deps.directory.getPerson(slackUserId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'SLACK_USER_NOT_FOUND') return true;
      throw error;
    }
    return !(await deps.boundary.isMember(person));
  };
