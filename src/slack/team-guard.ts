import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { renderError } from '../render/error-message.js';
import type { WorkspaceBoundary } from '../users/workspace.js';

type Body = Record<string, unknown>;

const UNKNOWN_WORKSPACE =
  "I couldn't check which Slack workspace I'm installed in (Slack didn't answer), so I can't serve this yet. Try again in a minute.";

const record = (value: unknown): Body =>
  typeof value === 'object' && value !== null ? (value as Body) : {};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The team and organization a payload comes from: `team_id` / `enterprise_id` of a slash
 * command or an Events API envelope, `team.id` / `enterprise.id` of an interaction.
 * https://docs.slack.dev/reference/interaction-payloads
 */
export const payloadTeam = (raw: unknown) => {
  const body = record(raw);
  return {
    teamId: text(body.team_id) ?? text(record(body.team).id),
    enterpriseId: text(body.enterprise_id) ?? text(record(body.enterprise).id),
  };
};

/**
 * Bolt global middleware that serves only this workspace: a request from any team or organization
 * the {@link WorkspaceBoundary} does not admit is acknowledged (so Slack does not retry it), told
 * why when it can be (a command's answer), logged with its team id, and goes no further. While
 * the installation's own team is unknown (Slack did not answer `auth.test`), nothing is served.
 * https://docs.slack.dev/tools/bolt-js/concepts/global-middleware
 */
export const createTeamGuard = (deps: {
  readonly boundary: WorkspaceBoundary;
  readonly logger: AppLogger;
  readonly clock: Clock;
}): Middleware<AnyMiddlewareArgs> => {
  const logger = deps.logger.child({ component: 'team-guard' });
  return async (args) => {
    const { teamId, enterpriseId } = payloadTeam(args.body);
    const ack =
      'ack' in args && typeof args.ack === 'function'
        ? (args.ack as (response?: unknown) => Promise<void>)
        : async () => {};
    let admitted: boolean;
    try {
      admitted = await deps.boundary.admits(teamId, enterpriseId);
    } catch (error) {
      logger.error({ err: error }, 'auth.test failed: cannot tell which workspace this is');
      await ack(
        'command' in args ? { response_type: 'ephemeral', text: UNKNOWN_WORKSPACE } : undefined,
      );
      return;
    }
    if (admitted) {
      await args.next();
      return;
    }
    logger.warn(
      { team: teamId, enterprise: enterpriseId },
      'request from another workspace refused',
    );
    if ('command' in args) {
      const message = renderError(new AppError('OUTSIDE_WORKSPACE', 'foreign team'), {
        now: deps.clock.now(),
        timeZone: 'UTC',
      });
      await ack({ response_type: 'ephemeral', ...message });
      return;
    }
    await ack();
  };
};
