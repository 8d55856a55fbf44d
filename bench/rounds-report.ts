import { count, table } from './format.js';
import type { BenchResults } from './results.js';
import {
  type CpuRounds,
  measured,
  medianOf,
  medianRatio,
  type RoundKey,
  type RoundReadings,
  ratiosOf,
} from './rounds.js';

const NAMES: Readonly<Record<RoundKey, string>> = {
  bare: 'bare Bolt (per ack)',
  floor: 'floor',
  floorInAck: 'floor, Zoom page in the ack',
  app: 'app',
};

/** `median (min–max)` of the readings: the median with its unit, the bounds as bare numbers. */
const spreadOf = (
  readings: RoundReadings,
  digits: number,
  unit: (value: string) => string,
): string => {
  const values = measured(readings);
  const median = medianOf(values);
  if (median === undefined) return '—';
  const bounds = [Math.min(...values), Math.max(...values)].map((v) => v.toFixed(digits));
  return `${unit(median.toFixed(digits))} (${bounds.join('–')})`;
};

const inMs = (value: string) => `${value} ms`;
const times = (value: string) => `${value}×`;

/** The app's CPU per answer over bare Bolt's per ack, median of the rounds, per workload. */
export const roundsAppOverBare = (rounds: CpuRounds) => ({
  cached: medianRatio(rounds.cpu.app.cached, rounds.cpu.bare.cached),
  zoom: medianRatio(rounds.cpu.app.zoom, rounds.cpu.bare.zoom),
});

/** The rounds as one table: CPU per command and the ratios taken within each round. */
export const renderRounds = ({ rounds }: BenchResults): string => {
  const { cpu } = rounds;
  const cell = (key: RoundKey, workload: 'cached' | 'zoom') =>
    spreadOf(cpu[key][workload], 2, inMs);
  const ratioCell = (a: RoundKey, b: RoundKey, workload: 'cached' | 'zoom') =>
    spreadOf(ratiosOf(cpu[a][workload], cpu[b][workload]), 1, times);
  const keys: readonly RoundKey[] = ['bare', 'floor', 'floorInAck', 'app'];
  return [
    '### CPU per answer in alternating rounds (what issue #14’s ratio is judged on)',
    '',
    `Bare Bolt, both floors and the app up at once, each warmed up; then ${count(rounds.rounds)}`,
    `rounds, each a ${rounds.durationS} s step of cached pages and one of pages from Zoom at`,
    `${count(rounds.ratePerSecond)}/s on every process in turn, starting with a different one each`,
    'round (bench/rounds.ts). A ratio is taken within a round, so a drift of the machine moves both',
    'of its sides; each cell is the median over rounds, with the lowest and highest in brackets.',
    '',
    table(
      ['CPU per answer', 'cached pages', 'pages from Zoom'],
      [
        ...keys.map((key) => [NAMES[key], cell(key, 'cached'), cell(key, 'zoom')]),
        ['app ÷ bare Bolt', ratioCell('app', 'bare', 'cached'), ratioCell('app', 'bare', 'zoom')],
        [
          'floor ÷ bare Bolt',
          ratioCell('floor', 'bare', 'cached'),
          ratioCell('floor', 'bare', 'zoom'),
        ],
        [
          'floor with the Zoom page in the ack ÷ bare Bolt',
          ratioCell('floorInAck', 'bare', 'cached'),
          ratioCell('floorInAck', 'bare', 'zoom'),
        ],
        ['app ÷ floor', ratioCell('app', 'floor', 'cached'), ratioCell('app', 'floor', 'zoom')],
      ],
    ),
  ].join('\n');
};
