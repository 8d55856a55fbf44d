import { count, mib, ms, perPage, ratio, table } from './format.js';
import {
  appCpuPerAnswerMs,
  type BenchResults,
  bareCpuPerAckMs,
  lightLoadStep,
  overheadMs,
  steadyCallsPerPage,
} from './results.js';

/** Issue #9: ack p99 at the load rate. */
export const ACK_P99_GOAL_MS = 100;
/** Issue #9: app CPU per answer over bare Bolt's CPU per ack (an answer costs three HTTP exchanges or more). */
export const CPU_RATIO_GOAL = 3;
/** Issue #9: time to answer minus Zoom's latency, median. */
export const OVERHEAD_P50_GOAL_MS = 5;
/** Issue #9: resident memory after the memory run. */
export const RSS_GOAL_BYTES = 150 * 1024 * 1024;
/** What "flat" means here: growth over the second half of the memory run. */
export const FLAT_GROWTH_GOAL_BYTES = 10 * 1024 * 1024;

/** One goal of the issue against what was measured. Goals never fail a run: they are reported. */
export interface GoalCheck {
  readonly goal: string;
  readonly measured: string;
  readonly met: boolean;
}

/** Checks the measured numbers against issue #9's targets. */
export const checkGoals = (results: BenchResults): GoalCheck[] => {
  const { app, bare, plan } = results;
  const rate = `${plan.loadRatePerSecond}/s`;
  const appCpu = appCpuPerAnswerMs(app);
  const bareCpu = bareCpuPerAckMs(bare);
  const cpuRatio = appCpu === undefined || bareCpu === undefined ? undefined : appCpu / bareCpu;
  const light = lightLoadStep(app);
  const overhead = overheadMs(app.load.answer.p50, plan.zoomLatencyMs);
  const steady = steadyCallsPerPage(app);
  const repeats = app.pageCalls?.slice(2) ?? [];
  const repeatZoomCalls = repeats.map((view) =>
    view.calls === undefined ? Number.NaN : view.calls.zoomList + view.calls.zoomToken,
  );
  const readings = results.memory?.readings ?? [];
  const last = readings.at(-1);
  const half = readings.at(-2);
  const checks: GoalCheck[] = [
    {
      goal: `every command acked and answered at ${rate}`,
      measured: `${count(app.load.acked)} / ${count(app.load.sent)} acked, ${count(app.load.answered)} answered`,
      met: app.load.acked === app.load.sent && app.load.answered === app.load.sent,
    },
    {
      goal: `ack p99 under ${ACK_P99_GOAL_MS} ms at ${rate}`,
      measured: ms(app.load.ack.p99),
      met: (app.load.ack.p99 ?? Number.POSITIVE_INFINITY) < ACK_P99_GOAL_MS,
    },
    {
      goal: `app CPU per answer at most ${CPU_RATIO_GOAL}× bare Bolt's CPU per ack`,
      measured: `${ms(appCpu)} vs ${ms(bareCpu)}: ${ratio(appCpu, bareCpu)}`,
      met: cpuRatio !== undefined && cpuRatio <= CPU_RATIO_GOAL,
    },
    {
      goal: `overhead (time to answer minus Zoom's latency) p50 under ${OVERHEAD_P50_GOAL_MS} ms at ${rate}`,
      measured: `${ms(overhead)}; under light load (${light === undefined ? '—' : `${count(light.ratePerSecond)}/s`}) ${ms(overheadMs(light?.answer.p50, plan.zoomLatencyMs))}`,
      met: overhead !== undefined && overhead < OVERHEAD_P50_GOAL_MS,
    },
    {
      goal: 'at most one Zoom list call and no token or lookup call per page (steady state)',
      measured: `${perPage(steady.zoomList)} list, ${perPage(steady.zoomToken)} token, ${perPage(steady.zoomLookups)} lookups`,
      met: steady.zoomList <= 1 && steady.zoomToken === 0 && steady.zoomLookups === 0,
    },
    {
      goal: 'no Zoom call for a page repeated within the cache TTL',
      measured: `${repeatZoomCalls.map((calls) => (Number.isNaN(calls) ? 'no page' : String(calls))).join(' and ') || '—'} Zoom calls`,
      met: repeatZoomCalls.length > 0 && repeatZoomCalls.every((calls) => calls === 0),
    },
  ];
  if (last !== undefined && half !== undefined) {
    const growth = last.rssBytes - half.rssBytes;
    checks.push({
      goal: `RSS under ${mib(RSS_GOAL_BYTES)} and flat (under ${mib(FLAT_GROWTH_GOAL_BYTES, true)} over the second half)`,
      measured: `${mib(last.rssBytes)} after ${count(last.commands)}; ${mib(growth, true)} from ${count(half.commands)}`,
      met: last.rssBytes < RSS_GOAL_BYTES && growth < FLAT_GROWTH_GOAL_BYTES,
    });
  }
  return checks;
};

/** The goals as a Markdown section: target, measured, met. */
export const renderGoals = (results: BenchResults): string =>
  [
    '### Against the targets of issue #9',
    '',
    table(
      ['target', 'measured', 'met'],
      checkGoals(results).map((check) => [
        check.goal,
        check.measured,
        check.met ? 'yes' : '**no**',
      ]),
    ),
  ].join('\n');
