import { count, ms, ratio, table } from './format.js';
import { type BenchResults, bareCpuPerAckMs, cpuPerAnswerMs } from './results.js';

const minus = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? undefined : a - b;

/**
 * The floor beside the app: what Bolt and the HTTP a page needs cost with nothing of the app
 * (bench/floor-bolt.ts), so the app's CPU per answer splits into what any Bolt app answering the
 * same way pays and what the app's own work adds.
 */
export const renderFloor = ({ app, floor, bare }: BenchResults): string => {
  const bareCpu = bareCpuPerAckMs(bare);
  const steps = [
    { app: app.loadCached, floor: floor.loadCached },
    { app: app.load, floor: floor.load },
  ];
  const appCpu = steps.map((s) => cpuPerAnswerMs(s.app));
  const floorCpu = steps.map((s) => cpuPerAnswerMs(s.floor));
  const row = (label: string, cell: (index: number) => string) => [label, cell(0), cell(1)];
  return [
    '### The floor: Bolt and the HTTP a page needs, nothing of the app',
    '',
    "bench/floor-bolt.ts answers the same commands with the same page (the app's typical page,",
    'rendered once): in the ack for the cached workload; for pages from Zoom, an empty ack, one',
    "request to the fake Zoom and the page posted to `response_url`, through the app's pooled",
    'fetch. Same Node flags as the app. No identity, authorisation, audit, cache, rendering,',
    'sealing, logging or metrics.',
    '',
    table(
      ['', 'cached pages', 'pages from Zoom'],
      [
        row('floor: answered / sent', (i) => {
          const step = i === 0 ? floor.loadCached : floor.load;
          return `${count(step.answered)} / ${count(step.sent)}`;
        }),
        row('floor: CPU per answer', (i) => ms(floorCpu[i])),
        row('app: CPU per answer', (i) => ms(appCpu[i])),
        row('bare Bolt: CPU per ack', () => ms(bareCpu)),
        row('floor ÷ bare', (i) => ratio(floorCpu[i], bareCpu)),
        row('app ÷ floor', (i) => ratio(appCpu[i], floorCpu[i])),
        row("app minus floor (the app's own work per answer)", (i) =>
          ms(minus(appCpu[i], floorCpu[i])),
        ),
      ],
    ),
  ].join('\n');
};
