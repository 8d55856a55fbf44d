import { type Clock, systemClock } from '../clock.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { loggerOptionsFor } from '../logger.js';
import { createLogRedactor } from '../ops/log-redaction.js';
import { checkInbox } from './inbox-check.js';
import { type CheckResult, formatCheck, formatSummary } from './report.js';
import { checkSlack } from './slack-checks.js';
import { checkStore } from './store-check.js';
import { checkZoom } from './zoom-checks.js';

/** What {@link runDoctor} reads and writes; tests pass their own. */
export interface DoctorDeps {
  /** The environment to check, as the app would read it. */
  readonly env: Record<string, string | undefined>;
  readonly out: { write(text: string): unknown };
  readonly fetch?: typeof globalThis.fetch;
  readonly clock?: Clock;
}

const describeConfig = (config: Config) =>
  [
    config.slack.appToken === undefined ? 'HTTP mode' : 'Socket Mode',
    `Zoom ${config.zoom.cloud} (${config.zoom.apiBaseUrl})`,
    config.store.redisUrl === undefined ? 'SQLite store' : 'Redis store',
    config.metrics.enabled ? 'metrics on' : 'metrics off',
  ].join('; ');

/**
 * `npm run doctor` / `node dist/cli.js doctor`: checks a deployment's configuration end to end —
 * the environment parses, Zoom issues a token with the scopes the app needs for the right cloud,
 * Slack accepts the bot token with the manifest's scopes (and the app-level token in Socket Mode),
 * and the store answers. Prints one PASS/WARN/FAIL/SKIP line a check, each failure with its fix,
 * and resolves with the exit code: 1 when anything failed, else 0. Output is redacted like logs.
 */
export const runDoctor = async (deps: DoctorDeps): Promise<number> => {
  const clock = deps.clock ?? systemClock;
  const fetch = deps.fetch ?? globalThis.fetch;
  const checks: CheckResult[] = [];
  let redact = createLogRedactor({ logPhoneNumbers: true }).text;
  const report = (results: readonly CheckResult[]) => {
    for (const result of results) {
      checks.push(result);
      deps.out.write(redact(formatCheck(result)));
    }
  };

  deps.out.write('sms-sessions doctor\n\n');
  let config: Config;
  try {
    config = loadConfig(deps.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report([
      {
        name: 'configuration',
        status: 'fail',
        summary: error.message,
        fix: 'set the variables named above (README.md, "Configuration"; .env.example)',
      },
    ]);
    deps.out.write(formatSummary(checks));
    return 1;
  }
  redact = createLogRedactor({ ...loggerOptionsFor(config), logPhoneNumbers: true }).text;
  report([{ name: 'configuration', status: 'pass', summary: describeConfig(config) }]);
  report(await checkZoom({ zoom: config.zoom, clock, fetch }));
  report(await checkSlack({ slack: config.slack, fetch }));
  report([await checkStore(config.store, clock)]);
  report([checkInbox(config)]);
  deps.out.write(formatSummary(checks));
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
};
