import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What Linux reports when `getconf` is missing: 100 ticks a second on every mainstream kernel. */
const DEFAULT_CLOCK_TICKS_PER_SECOND = 100;

/** `utime` and `stime` are fields 14 and 15 of /proc/PID/stat; these are their places after `comm`. */
const UTIME_AFTER_COMM = 11;
const STIME_AFTER_COMM = 12;

const BYTES_PER_KIB = 1024;

const clockTicksPerSecond = (): number => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : DEFAULT_CLOCK_TICKS_PER_SECOND;
  } catch {
    return DEFAULT_CLOCK_TICKS_PER_SECOND;
  }
};

const MS_PER_TICK = 1000 / clockTicksPerSecond();

/** One reading of another process's CPU time and memory. */
export interface ProcessSample {
  /** User plus system CPU time since the process started (resolution: one clock tick, 10 ms). */
  readonly cpuMs: number;
  /** Resident set size now (`VmRSS`). */
  readonly rssBytes: number;
  /** Highest resident set size so far (`VmHWM`). */
  readonly peakRssBytes: number;
}

const statusKib = (status: string, field: string): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (match?.[1] === undefined) throw new Error(`/proc status has no ${field}`);
  return Number(match[1]) * BYTES_PER_KIB;
};

/**
 * Reads `pid`'s CPU time from /proc/PID/stat and its memory from /proc/PID/status (Linux only),
 * so the process under test reports nothing itself and runs exactly as in production.
 * https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html
 */
export const sampleProcess = (pid: number): ProcessSample => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[UTIME_AFTER_COMM]) + Number(fields[STIME_AFTER_COMM]);
  if (!Number.isFinite(ticks)) throw new Error(`Unreadable /proc/${pid}/stat`);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    cpuMs: ticks * MS_PER_TICK,
    rssBytes: statusKib(status, 'VmRSS'),
    peakRssBytes: statusKib(status, 'VmHWM'),
  };
};
