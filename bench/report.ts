import { count, mib, ms, perPage, ratio, table, us } from './format.js';
import { renderGoals } from './goals.js';
import {
  appCpuPerAnswerMs,
  type BenchResults,
  bareCpuPerAckMs,
  lightLoadStep,
  overheadMs,
  steadyCallsPerPage,
} from './results.js';
import { renderSaturation } from './saturation-report.js';
import type { TargetResult } from './scenario.js';
import type { StepResult } from './step.js';

const GIB = 1024 ** 3;

const saturationText = (target: TargetResult): string => {
  const result = target.saturation;
  if (result === undefined) return '—';
  if (result.highestPassingRate === undefined)
    return `below ${count(result.steps[0]?.ratePerSecond ?? 0)}/s`;
  return `${result.ceilingReached ? '≥ ' : ''}${count(result.highestPassingRate)}/s`;
};

const machineSection = ({ machine, plan }: BenchResults): string => {
  const runtime =
    plan.runtime === 'dist' ? '`node dist/index.js`' : '`node --import tsx src/index.ts`';
  return [
    `${machine.cores} × ${machine.cpuModel}, ${(machine.memoryBytes / GIB).toFixed(1)} GiB RAM, ${machine.kernel}, Node ${machine.node}; load average ${machine.loadAverage.toFixed(2)} as the run ended.`,
    `Commit ${machine.commit}, ${machine.date}. App run as ${runtime} (NODE_ENV=production, LOG_LEVEL=info, SQLite store); bare Bolt as \`node --import tsx bench/bare-bolt.ts\`.`,
    `Fake Zoom latency ${plan.zoomLatencyMs} ms; ${count(plan.users)} people; warm-up ${count(plan.warmupCommands)} commands.${plan.quick ? ' **Quick run: the numbers only show that the harness works.**' : ''}`,
  ].join('\n');
};

const loadSection = ({ app, bare, plan }: BenchResults): string => {
  const appCpu = appCpuPerAnswerMs(app);
  const bareCpu = bareCpuPerAckMs(bare);
  const a = app.load;
  const b = bare.load;
  const benchPer = (step: StepResult) =>
    step.sent === 0 ? undefined : step.benchCpuMs / step.sent;
  return [
    `### Under load: ${count(plan.loadRatePerSecond)} commands a second for ${plan.loadDurationS} s, side by side`,
    '',
    table(
      ['', 'app (full processing)', 'bare Bolt (ack only)', 'app ÷ bare'],
      [
        ['commands sent', count(a.sent), count(b.sent), ''],
        ['acked (HTTP 200 within 3 s)', count(a.acked), count(b.acked), ''],
        ['answered with a page at `response_url`', count(a.answered), '—', ''],
        ['answered with something else (an error)', count(a.answeredOtherwise), '—', ''],
        ['ack p50', ms(a.ack.p50), ms(b.ack.p50), ratio(a.ack.p50, b.ack.p50)],
        ['ack p99', ms(a.ack.p99), ms(b.ack.p99), ratio(a.ack.p99, b.ack.p99)],
        [
          'CPU per command (app: per answer; bare: per ack)',
          ms(appCpu),
          ms(bareCpu),
          ratio(appCpu, bareCpu),
        ],
        [
          'saturation: highest rate with every command acked within 1 s (and answered within 1 s more than Zoom takes)',
          saturationText(app),
          saturationText(bare),
          '',
        ],
        [
          'RSS after start',
          mib(app.startRssBytes),
          mib(bare.startRssBytes),
          ratio(app.startRssBytes, bare.startRssBytes),
        ],
        [
          'RSS after the load step',
          mib(app.loadRssBytes),
          mib(bare.loadRssBytes),
          ratio(app.loadRssBytes, bare.loadRssBytes),
        ],
        ['bench process CPU per command (driver and fakes)', ms(benchPer(a)), ms(benchPer(b)), ''],
        [
          'driver lag p99 (how late the driver sent)',
          ms(a.driverLagP99Ms),
          ms(b.driverLagP99Ms),
          '',
        ],
      ],
    ),
  ].join('\n');
};

const sum = (steps: readonly StepResult[], field: 'sent' | 'acked' | 'answered') =>
  steps.reduce((total, step) => total + step[field], 0);

const answerSection = ({ app, plan }: BenchResults): string => {
  const steps = [app.load, lightLoadStep(app)].filter((step) => step !== undefined);
  const header = steps.flatMap((step, index) => {
    const where = index === 0 ? 'load step' : 'light load';
    return [`p50 at ${count(step.ratePerSecond)}/s (${where})`, 'p99'];
  });
  const minusZoom = (value: number | undefined) => ms(overheadMs(value, plan.zoomLatencyMs));
  return [
    '### Time to answer (app)',
    '',
    table(
      ['', ...header],
      [
        [
          'from sending the command to its page arriving at `response_url`',
          ...steps.flatMap((step) => [ms(step.answer.p50), ms(step.answer.p99)]),
        ],
        [
          `the same minus the fake Zoom's ${plan.zoomLatencyMs} ms (the app's own overhead)`,
          ...steps.flatMap((step) => [minusZoom(step.answer.p50), minusZoom(step.answer.p99)]),
        ],
      ],
    ),
  ].join('\n');
};

const callsSection = ({ app }: BenchResults): string => {
  const steady = steadyCallsPerPage(app);
  const row = (name: string, c: typeof steady) => [
    name,
    perPage(c.zoomToken),
    perPage(c.zoomList),
    perPage(c.zoomLookups),
    perPage(c.slackUsersInfo),
    perPage(c.slackWebApi),
  ];
  return [
    '### Calls per page',
    '',
    table(
      ['', 'Zoom token', 'Zoom list', 'Zoom lookups', 'Slack `users.info`', 'Slack Web API, all'],
      [
        row(
          `steady state: the load step, per page answered (${count(app.load.answered)} pages)`,
          steady,
        ),
        ...(app.pageCalls ?? []).map((view) =>
          view.calls === undefined
            ? [view.view, `no page: ${view.failure ?? 'unknown'}`, '', '', '', '']
            : row(view.view, view.calls),
        ),
      ],
    ),
  ].join('\n');
};

const memorySection = ({ memory }: BenchResults): string => {
  if (memory === undefined) return '';
  const first = memory.readings[0];
  const last = memory.readings.at(-1);
  const half = memory.readings.at(-2);
  const growth = (from: typeof first, to: typeof last) =>
    from === undefined || to === undefined ? '—' : mib(to.rssBytes - from.rssBytes, true);
  return [
    `### Memory (a fresh app process, resident set size, at ${count(memory.ratePerSecond)} commands a second)`,
    '',
    table(
      [
        ...memory.readings.map((r) =>
          r.commands === 0 ? 'after start' : `after ${count(r.commands)} commands`,
        ),
        'growth, whole run',
        'growth, second half',
        'peak',
      ],
      [
        [
          ...memory.readings.map((r) => mib(r.rssBytes)),
          growth(first, last),
          growth(half, last),
          mib(memory.peakRssBytes),
        ],
      ],
    ),
    '',
    `The memory run sent ${count(sum(memory.steps, 'sent'))} commands: ${count(sum(memory.steps, 'acked'))} acked within 3 s, ${count(sum(memory.steps, 'answered'))} answered with a page.`,
  ].join('\n');
};

const renderSection = ({ render }: BenchResults): string =>
  [
    '### Rendering (`renderSessionsPage`, tinybench)',
    '',
    table(
      ['page', 'mean', 'p50', 'p99', 'renders a second', 'message JSON'],
      render.map((r) => [
        r.page,
        us(r.meanUs),
        us(r.us.p50),
        us(r.us.p99),
        count(Math.round(r.opsPerSecond)),
        `${count(Math.round(r.messageBytes / 1024))} KiB`,
      ]),
    ),
  ].join('\n');

/** The results as Markdown: machine, load side by side, saturation, answer times, calls, memory, rendering, goals. */
export const renderReport = (results: BenchResults): string =>
  [
    machineSection(results),
    loadSection(results),
    renderSaturation(results),
    answerSection(results),
    callsSection(results),
    memorySection(results),
    renderSection(results),
    renderGoals(results),
  ]
    .filter((section) => section !== '')
    .join('\n\n');
