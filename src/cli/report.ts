/** How one doctor check went. `warn` and `skip` do not fail the run; `fail` does. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One line of the doctor's report, with the fix when something is wrong. */
export interface CheckResult {
  /** Short and stable (`zoom scopes`), so a runbook can refer to it. */
  readonly name: string;
  readonly status: CheckStatus;
  /** What was found, in one sentence; never a secret. */
  readonly summary: string;
  /** What to do about a `fail` or `warn`. */
  readonly fix?: string;
}

const LABELS: Readonly<Record<CheckStatus, string>> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skip: 'SKIP',
};

/** Width of the check-name column, so the summaries line up. */
const NAME_WIDTH = 18;

/** One check as printed: `FAIL  zoom scopes       …`, more lines indented, then `fix: …`. */
export const formatCheck = (check: CheckResult): string => {
  const [first = '', ...rest] = check.summary.split('\n');
  const lines = [
    `${LABELS[check.status]}  ${check.name.padEnd(NAME_WIDTH)}${first}`,
    ...rest.map((line) => `${' '.repeat(6 + NAME_WIDTH)}${line}`),
  ];
  if (check.fix !== undefined) lines.push(`      fix: ${check.fix}`);
  return `${lines.join('\n')}\n`;
};

/** The closing line: how many checks failed and warned, or that all passed. */
export const formatSummary = (checks: readonly CheckResult[]): string => {
  const failed = checks.filter((check) => check.status === 'fail').length;
  const warned = checks.filter((check) => check.status === 'warn').length;
  if (failed === 0 && warned === 0) return '\nAll checks passed.\n';
  const parts = [
    failed === 0 ? undefined : `${failed} failed`,
    warned === 0 ? undefined : `${warned} with warnings`,
  ].filter((part) => part !== undefined);
  return `\n${parts.join(', ')}. See README.md, "Troubleshooting".\n`;
};
