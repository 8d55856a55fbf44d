import { z } from 'zod';
import type { Config } from '../config.js';
import type { CheckResult } from './report.js';
import { missingFrom, REQUIRED_SLACK_BOT_SCOPES } from './required-scopes.js';

/** How long one Slack Web API call may take before the check fails. */
export const SLACK_CHECK_TIMEOUT_MS = 10_000;

/** What {@link checkSlack} needs. */
export interface SlackCheckDeps {
  readonly slack: Config['slack'];
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs?: number;
}

const slackAnswerSchema = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  team: z.string().optional(),
  user: z.string().optional(),
  url: z.string().optional(),
});

type SlackAnswer = z.infer<typeof slackAnswerSchema> & { readonly scopes: string[] | undefined };

const BOT_TOKEN_FIX =
  'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions into SLACK_BOT_TOKEN; if the app was uninstalled or the token revoked, install it to the workspace again';

const APP_TOKEN_FIX =
  'create an app-level token with the connections:write scope (Basic Information → App-Level Tokens), put it in SLACK_APP_TOKEN, and turn Socket Mode on in the app settings';

/** Errors that mean the token itself is wrong, as Slack names them. */
const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'not_allowed_token_type',
]);

const call = async (deps: SlackCheckDeps, method: string, token: string): Promise<SlackAnswer> => {
  const response = await deps.fetch(`${deps.slack.apiUrl}${method}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: '',
    signal: AbortSignal.timeout(deps.timeoutMs ?? SLACK_CHECK_TIMEOUT_MS),
  });
  const answer = slackAnswerSchema.safeParse(await response.json().catch(() => undefined));
  if (!answer.success) throw new Error(`Slack answered ${method} with HTTP ${response.status}`);
  const header = response.headers.get('x-oauth-scopes');
  return {
    ...answer.data,
    scopes: header === null ? undefined : header.split(',').map((scope) => scope.trim()),
  };
};

const unreachable = (name: string, deps: SlackCheckDeps, error: unknown): CheckResult => ({
  name,
  status: 'fail',
  summary: `could not call ${deps.slack.apiUrl}: ${error instanceof Error ? error.message : String(error)}`,
  fix: 'allow outbound HTTPS to slack.com (proxy, firewall), or correct SLACK_API_URL',
});

const scopesCheck = (scopes: readonly string[] | undefined): CheckResult => {
  const name = 'slack scopes';
  if (scopes === undefined) {
    return {
      name,
      status: 'warn',
      summary: 'Slack did not list the token’s scopes (no x-oauth-scopes header)',
      fix: `make sure the bot has ${REQUIRED_SLACK_BOT_SCOPES.join(', ')} under OAuth & Permissions`,
    };
  }
  const missing = missingFrom(REQUIRED_SLACK_BOT_SCOPES, scopes);
  if (missing.length === 0) return { name, status: 'pass', summary: 'the bot has every scope' };
  return {
    name,
    status: 'fail',
    summary: `the bot lacks ${missing.join(', ')} (has: ${scopes.join(' ') || 'none'})`,
    fix: 'add them under OAuth & Permissions → Bot Token Scopes (or update the app from manifest.yml), then reinstall the app to the workspace',
  };
};

const socketModeCheck = async (deps: SlackCheckDeps): Promise<CheckResult> => {
  const name = 'slack socket';
  const { appToken } = deps.slack;
  if (appToken === undefined) {
    return { name, status: 'skip', summary: 'HTTP mode (SLACK_APP_TOKEN is not set)' };
  }
  try {
    const answer = await call(deps, 'apps.connections.open', appToken);
    if (answer.ok) return { name, status: 'pass', summary: 'the app-level token can connect' };
    return {
      name,
      status: 'fail',
      summary: `Slack refused the app-level token: ${answer.error ?? 'no reason given'}`,
      fix: APP_TOKEN_FIX,
    };
  } catch (error) {
    return unreachable(name, deps, error);
  }
};

/**
 * Calls `auth.test` with the bot token and compares the scopes Slack lists in its
 * `x-oauth-scopes` header with {@link REQUIRED_SLACK_BOT_SCOPES}; in Socket Mode, also opens a
 * connection URL with the app-level token (`apps.connections.open`, which only hands out a URL).
 * https://docs.slack.dev/reference/methods/auth.test
 */
export const checkSlack = async (deps: SlackCheckDeps): Promise<CheckResult[]> => {
  let answer: SlackAnswer;
  try {
    answer = await call(deps, 'auth.test', deps.slack.botToken);
  } catch (error) {
    return [
      unreachable('slack token', deps, error),
      { name: 'slack scopes', status: 'skip', summary: 'needs auth.test' },
    ];
  }
  if (!answer.ok) {
    const error = answer.error ?? 'unknown_error';
    return [
      {
        name: 'slack token',
        status: 'fail',
        summary: `Slack refused the bot token: ${error}`,
        fix: TOKEN_ERRORS.has(error)
          ? BOT_TOKEN_FIX
          : `see https://docs.slack.dev/reference/methods/auth.test (${error})`,
      },
      { name: 'slack scopes', status: 'skip', summary: 'needs a valid bot token' },
      await socketModeCheck(deps),
    ];
  }
  return [
    {
      name: 'slack token',
      status: 'pass',
      summary: `bot @${answer.user ?? '?'} in ${answer.team ?? 'the workspace'}${answer.url ? ` (${answer.url})` : ''}`,
    },
    scopesCheck(answer.scopes),
    await socketModeCheck(deps),
  ];
};
