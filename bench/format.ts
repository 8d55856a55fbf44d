import { SLACK_ACK_DEADLINE_MS } from './load.js';

const MIB = 1024 * 1024;

/** `1,234`. */
export const count = (value: number): string => value.toLocaleString('en-US');

/** Milliseconds, with more digits for small values; `—` for none, `> 3 s` for a missed ack. */
export const ms = (value: number | undefined): string => {
  if (value === Number.POSITIVE_INFINITY) return `> ${SLACK_ACK_DEADLINE_MS / 1000} s`;
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${count(Math.round(value))} ms`;
};

/** Microseconds, rounded. */
export const us = (value: number | undefined): string =>
  value === undefined ? '—' : `${count(Math.round(value))} µs`;

/** Mebibytes with one decimal, signed when `signed`. */
export const mib = (bytes: number, signed = false): string => {
  const text = `${(bytes / MIB).toFixed(1)} MiB`;
  return signed && bytes >= 0 ? `+${text}` : text;
};

/** `3.2×`; `—` when either side is missing, zero or infinite. */
export const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b === 0 || !Number.isFinite(a / b)
    ? '—'
    : `${(a / b).toFixed(1)}×`;

/** A calls-per-page figure: whole numbers as they are, others with three decimals. */
export const perPage = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(3);

/** A Markdown table from a header row and body rows. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
