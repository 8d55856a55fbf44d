import { renderFloor } from './floor-report.js';
import { count, mib, ms, perPage, ratio, table, us } from './format.js';
import { renderGoals } from './goals.js';
import {
  type BenchResults,
  bareCpuPerAckMs,
  callsPerPage,
  cpuPerAnswerMs,
  lightLoadStep,
  overheadMs,
  steadyCallsPerPage,
} from './results.js';
import { renderRounds } from './rounds-report.js';
import { renderSaturation } from './saturation-report.js';
import type { MemoryResult, TargetResult } from './scenario.js';
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
  const bareCpu = bareCpuPerAckMs(bare);
  const c = app.loadCached;
  const a = app.load;
  const b = bare.load;
  const cachedCpu = cpuPerAnswerMs(c);
  const freshCpu = cpuPerAnswerMs(a);
  const benchPer = (step: StepResult) =>
    step.sent === 0 ? undefined : step.benchCpuMs / step.sent;
  return [
    `### Under load: ${count(plan.loadRatePerSecond)} commands a second for ${plan.loadDurationS} s, side by side`,
    '',
    'The app twice, with every page already in its cache, then with every page fetched from Zoom',
    '(bench/workload.ts); bare Bolt acks the same commands.',
    '',
    table(
      [
        '',
        'app: cached pages',
        'app: pages from Zoom',
        'bare Bolt (ack only)',
        'cached ÷ bare',
        'from Zoom ÷ bare',
      ],
      [
        ['commands sent', count(c.sent), count(a.sent), count(b.sent), '', ''],
        ['acked (HTTP 200 within 3 s)', count(c.acked), count(a.acked), count(b.acked), '', ''],
        [
          'answered with a page (in the ack or at `response_url`)',
          count(c.answered),
          count(a.answered),
          '—',
          '',
          '',
        ],
        [
          '… of which in the ack itself (ready at once: no `response_url` request)',
          count(c.answeredInAck),
          count(a.answeredInAck),
          '—',
          '',
          '',
        ],
        [
          'answered with something else (an error)',
          count(c.answeredOtherwise),
          count(a.answeredOtherwise),
          '—',
          '',
          '',
        ],
        [
          'ack p50',
          ms(c.ack.p50),
          ms(a.ack.p50),
          ms(b.ack.p50),
          ratio(c.ack.p50, b.ack.p50),
          ratio(a.ack.p50, b.ack.p50),
        ],
        [
          'ack p99',
          ms(c.ack.p99),
          ms(a.ack.p99),
          ms(b.ack.p99),
          ratio(c.ack.p99, b.ack.p99),
          ratio(a.ack.p99, b.ack.p99),
        ],
        [
          'CPU per command (app: per answer; bare: per ack)',
          ms(cachedCpu),
          ms(freshCpu),
          ms(bareCpu),
          ratio(cachedCpu, bareCpu),
          ratio(freshCpu, bareCpu),
        ],
        [
          'answer p50 / p99',
          `${ms(c.answer.p50)} / ${ms(c.answer.p99)}`,
          `${ms(a.answer.p50)} / ${ms(a.answer.p99)}`,
          '—',
          '',
          '',
        ],
        [
          'bench process CPU per command (driver and fakes)',
          ms(benchPer(c)),
          ms(benchPer(a)),
          ms(benchPer(b)),
          '',
          '',
        ],
        [
          'driver lag p99 (how late the driver sent)',
          ms(c.driverLagP99Ms),
          ms(a.driverLagP99Ms),
          ms(b.driverLagP99Ms),
          '',
          '',
        ],
      ],
    ),
    '',
    table(
      ['', 'app', 'bare Bolt', 'app ÷ bare'],
      [
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
          'RSS after the load steps',
          mib(app.loadRssBytes),
          mib(bare.loadRssBytes),
          ratio(app.loadRssBytes, bare.loadRssBytes),
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
          'from sending the command to its page arriving (in the ack or at `response_url`)',
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
        row(
          `cached pages: that step, per page answered (${count(app.loadCached.answered)} pages)`,
          callsPerPage(app.loadCached),
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

const memoryRows = (name: string, memory: MemoryResult): string[][] => [
  [
    `${name}: resident set size`,
    ...memory.readings.map((r) => mib(r.rssBytes)),
    mib(memory.peakRssBytes),
  ],
  [`${name}: heap used after a full GC`, ...memory.readings.map((r) => mib(r.heapUsedBytes)), '—'],
  [
    `${name}: heap V8 holds (used or not)`,
    ...memory.readings.map((r) => mib(r.heapTotalBytes)),
    '—',
  ],
  [
    `${name}: outside the heap, known to V8 (buffers, native objects)`,
    ...memory.readings.map((r) => mib(r.externalBytes)),
    '—',
  ],
];

const memorySection = ({ memory, bareMemory, plan }: BenchResults): string => {
  if (memory === undefined) return '';
  const runs = [
    ['app', memory],
    ...(bareMemory === undefined ? [] : [['bare Bolt', bareMemory]]),
  ] as Array<[string, MemoryResult]>;
  return [
    `### Memory (fresh processes, ${count(plan.memoryCommands)} commands from ${count(plan.memoryPeople)} people, pages from Zoom, at ${count(memory.ratePerSecond)} commands a second)`,
    '',
    'Each reading once every answer has come and the process is idle; heap after `gc()` twice',
    '(`--expose-gc`, read by bench/heap-probe.mjs).',
    '',
    table(
      [
        '',
        ...memory.readings.map((r) =>
          r.commands === 0 ? 'after start' : `after ${count(r.commands)}`,
        ),
        'peak',
      ],
      runs.flatMap(([name, run]) => memoryRows(name, run)),
    ),
    '',
    ...runs.map(
      ([name, run]) =>
        `The ${name} memory run sent ${count(sum(run.steps, 'sent'))} commands: ${count(sum(run.steps, 'acked'))} acked within 3 s${name === 'app' ? `, ${count(sum(run.steps, 'answered'))} answered with a page` : ''}.`,
    ),
  ].join('\n');
};

const syncSection = ({ syncSteps }: BenchResults): string =>
  [
    '### Synchronous steps on the request path (tinybench, one at a time)',
    '',
    table(
      ['step', 'mean', 'p50', 'p99'],
      syncSteps.map((r) => [
        `${r.step}${r.awaits ? ' ¹' : ''}`,
        us(r.meanUs),
        us(r.us.p50),
        us(r.us.p99),
      ]),
    ),
    '',
    '¹ asynchronous: its time includes the awaits, so it is an upper bound of its synchronous part.',
  ].join('\n');

const startupSection = ({ startups }: BenchResults): string =>
  [
    '### Start-up: process start to the first 200 from `/healthz`',
    '',
    table(
      ['how', 'median', 'each start'],
      startups.map((s) => [s.name, ms(s.medianMs), s.startsMs.map((v) => ms(v)).join(', ')]),
    ),
  ].join('\n');

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
    renderFloor(results),
    renderRounds(results),
    renderSaturation(results),
    answerSection(results),
    callsSection(results),
    memorySection(results),
    syncSection(results),
    renderSection(results),
    startupSection(results),
    renderGoals(results),
  ]
    .filter((section) => section !== '')
    .join('\n\n');
