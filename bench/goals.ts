import { count, mib, ms, perPage, ratio, table, us } from './format.js';
import {
  type BenchResults,
  bareCpuPerAckMs,
  callsPerPage,
  cpuPerAnswerMs,
  lightLoadStep,
  overheadMs,
  steadyCallsPerPage,
} from './results.js';
import { roundsAppOverBare } from './rounds-report.js';

/** Issues #9 and #14: ack p99 at the load rate. */
export const ACK_P99_GOAL_MS = 100;
/** Issue #14: app CPU per answer over bare Bolt's CPU per ack, cached pages and pages from Zoom. */
export const CPU_RATIO_GOAL = 3;
/** Issue #9: time to answer minus Zoom's latency, median. */
export const OVERHEAD_P50_GOAL_MS = 5;
/** Issue #14: no synchronous step on the request path longer than this. */
export const SYNC_STEP_GOAL_US = 1_000;
/** Issue #14: the app's resident size after the memory run, over bare Bolt's. */
export const RSS_OVER_BARE_GOAL_BYTES = 40 * 1024 * 1024;
/** What "flat" means for heap used after a full GC over the second half of the memory run. */
export const FLAT_HEAP_GOAL_BYTES = 2 * 1024 * 1024;
/** Issue #12: `npm start` on an unchanged tree to `/healthz`. */
export const NPM_START_GOAL_MS = 2_000;

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
  const bareCpu = bareCpuPerAckMs(bare);
  const light = lightLoadStep(app);
  const overhead = overheadMs(app.load.answer.p50, plan.zoomLatencyMs);
  const steady = steadyCallsPerPage(app);
  const cached = callsPerPage(app.loadCached);
  const repeats = app.pageCalls?.slice(2) ?? [];
  const repeatZoomCalls = repeats.map((view) =>
    view.calls === undefined ? Number.NaN : view.calls.zoomList + view.calls.zoomToken,
  );
  const roundsRatio = roundsAppOverBare(results.rounds);
  const steps = [
    ['cached pages', app.loadCached, 'cached'],
    ['pages from Zoom', app.load, 'zoom'],
  ] as const;
  const checks: GoalCheck[] = steps.flatMap(([name, step, workload]) => {
    const cpu = cpuPerAnswerMs(step);
    return [
      {
        goal: `${name}: every command acked and answered at ${rate}`,
        measured: `${count(step.acked)} / ${count(step.sent)} acked, ${count(step.answered)} answered`,
        met: step.acked === step.sent && step.answered === step.sent,
      },
      {
        goal: `${name}: ack p99 under ${ACK_P99_GOAL_MS} ms at ${rate}`,
        measured: ms(step.ack.p99),
        met: (step.ack.p99 ?? Number.POSITIVE_INFINITY) < ACK_P99_GOAL_MS,
      },
      {
        goal: `${name}: app CPU per answer at most ${CPU_RATIO_GOAL}× bare Bolt's CPU per ack (median of the alternating rounds)`,
        measured: `${roundsRatio[workload] === undefined ? '—' : `${roundsRatio[workload].toFixed(1)}×`}; in the load step above ${ms(cpu)} vs ${ms(bareCpu)}: ${ratio(cpu, bareCpu)}`,
        met: (roundsRatio[workload] ?? Number.POSITIVE_INFINITY) <= CPU_RATIO_GOAL,
      },
    ];
  });
  checks.push(
    {
      goal: `overhead (time to answer minus Zoom's latency) p50 under ${OVERHEAD_P50_GOAL_MS} ms at ${rate}`,
      measured: `${ms(overhead)}; under light load (${light === undefined ? '—' : `${count(light.ratePerSecond)}/s`}) ${ms(overheadMs(light?.answer.p50, plan.zoomLatencyMs))}`,
      met: overhead !== undefined && overhead < OVERHEAD_P50_GOAL_MS,
    },
    {
      goal: 'cached pages: no Zoom call (every page from the cache)',
      measured: `${perPage(cached.zoomList)} list calls per page`,
      met: cached.zoomList === 0 && cached.zoomToken === 0,
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
  );
  const typical = results.render[0];
  const measuredSteps = [
    ...(typical === undefined ? [] : [{ step: typical.page, p99: typical.us.p99 }]),
    ...results.syncSteps.map((r) => ({ step: r.step, p99: r.us.p99 })),
  ];
  const worst = measuredSteps.reduce<(typeof measuredSteps)[number] | undefined>(
    (top, step) => (top === undefined || (step.p99 ?? 0) > (top.p99 ?? 0) ? step : top),
    undefined,
  );
  if (worst !== undefined) {
    checks.push({
      goal: `no synchronous step on the request path over ${us(SYNC_STEP_GOAL_US)} (p99; rendering a typical page, a store write, a log line)`,
      measured: `worst: ${worst.step}, ${us(worst.p99)}`,
      met: (worst.p99 ?? Number.POSITIVE_INFINITY) <= SYNC_STEP_GOAL_US,
    });
  }
  const appLast = results.memory?.readings.at(-1);
  const bareLast = results.bareMemory?.readings.at(-1);
  if (appLast !== undefined && bareLast !== undefined) {
    const over = appLast.rssBytes - bareLast.rssBytes;
    checks.push({
      goal: `RSS after ${count(appLast.commands)} commands at most ${mib(RSS_OVER_BARE_GOAL_BYTES)} above bare Bolt's`,
      measured: `${mib(appLast.rssBytes)} vs ${mib(bareLast.rssBytes)}: ${mib(over, true)}`,
      met: over <= RSS_OVER_BARE_GOAL_BYTES,
    });
  }
  const readings = results.memory?.readings ?? [];
  const half = readings[Math.floor((readings.length - 1) / 2) + 1];
  if (appLast !== undefined && half !== undefined && half !== appLast) {
    const growth = appLast.heapUsedBytes - half.heapUsedBytes;
    checks.push({
      goal: `heap used after a full GC flat over the second half (under ${mib(FLAT_HEAP_GOAL_BYTES, true)})`,
      measured: `${mib(half.heapUsedBytes)} after ${count(half.commands)}, ${mib(appLast.heapUsedBytes)} after ${count(appLast.commands)}: ${mib(growth, true)}`,
      met: growth < FLAT_HEAP_GOAL_BYTES,
    });
  }
  const npmStart = results.startups.find((s) => s.name.includes('npm start'));
  if (npmStart !== undefined) {
    checks.push({
      goal: `\`npm start\` on an unchanged tree answers /healthz within ${ms(NPM_START_GOAL_MS)}`,
      measured: ms(npmStart.medianMs),
      met: npmStart.medianMs < NPM_START_GOAL_MS,
    });
  }
  return checks;
};

/** The goals as a Markdown section: target, measured, met. */
export const renderGoals = (results: BenchResults): string =>
  [
    '### Against the targets of issues #9, #12 and #14',
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
