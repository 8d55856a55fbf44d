import { count, ms, ratio, table } from './format.js';
import { type BenchResults, bareCpuPerAckMs, cpuPerAnswerMs } from './results.js';

const minus = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? undefined : a - b;

/**
 * The floor beside the app: what Bolt and the HTTP a page needs cost with nothing of the app
 * (bench/floor-bolt.ts), so the app's CPU per answer splits into what any Bolt app answering the
 * same way pays and what the app's own work adds.
 */
export const renderFloor = ({ app, floor, floorInAck, bare }: BenchResults): string => {
  const bareCpu = bareCpuPerAckMs(bare);
  const steps = [
    { app: app.loadCached, floor: floor.loadCached },
    { app: app.load, floor: floor.load },
    { app: undefined, floor: floorInAck.load },
  ];
  const appCpu = steps.map((s) => (s.app === undefined ? undefined : cpuPerAnswerMs(s.app)));
  const floorCpu = steps.map((s) => cpuPerAnswerMs(s.floor));
  const row = (label: string, cell: (index: number) => string) => [
    label,
    ...steps.map((_, i) => cell(i)),
  ];
  const appCell = (i: number, value: (cpu: number) => string) => {
    const cpu = appCpu[i];
    return cpu === undefined ? '—' : value(cpu);
  };
  return [
    '### The floor: Bolt and the HTTP a page needs, nothing of the app',
    '',
    "bench/floor-bolt.ts answers the same commands with the same page (the app's typical page,",
    'rendered once): in the ack for the cached workload; for pages from Zoom, an empty ack, one',
    "request to the fake Zoom and the page posted to `response_url`, through the app's pooled",
    'fetch. Same Node flags as the app. No identity, authorisation, audit, cache, rendering,',
    'sealing, logging or metrics. The last column is a design the app does not use: the ack waits',
    "for Zoom and carries the page (no `response_url` post), spending Slack's 3 seconds on Zoom's",
    'latency; it shows what that design would save.',
    '',
    table(
      ['', 'cached pages', 'pages from Zoom', 'pages from Zoom, in the ack after Zoom'],
      [
        row('floor: answered / sent', (i) => {
          const step = steps[i]?.floor;
          return step === undefined ? '—' : `${count(step.answered)} / ${count(step.sent)}`;
        }),
        row('floor: CPU per answer', (i) => ms(floorCpu[i])),
        row('app: CPU per answer', (i) => appCell(i, ms)),
        row('bare Bolt: CPU per ack', () => ms(bareCpu)),
        row('floor ÷ bare', (i) => ratio(floorCpu[i], bareCpu)),
        row('app ÷ floor', (i) => appCell(i, (cpu) => ratio(cpu, floorCpu[i]))),
        row("app minus floor (the app's own work per answer)", (i) =>
          appCell(i, (cpu) => ms(minus(cpu, floorCpu[i]))),
        ),
      ],
    ),
  ].join('\n');
};
