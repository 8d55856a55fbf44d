import type { TargetProcess } from './targets.js';

/** How many times each way of starting is timed; the median is reported. */
export const STARTS_PER_TARGET = 3;

/** Start-up times of one way of starting a process. */
export interface StartupResult {
  readonly name: string;
  /** From spawning to the first 200 from `/healthz`, each start. */
  readonly startsMs: readonly number[];
  readonly medianMs: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Starts a process `times` times one after the other, each until `/healthz` answers (timed by
 * bench/targets.ts from spawning), and stops it again: process start to ready, as an
 * orchestrator sees it.
 */
export const timeStartups = async (
  name: string,
  start: () => Promise<TargetProcess>,
  times = STARTS_PER_TARGET,
): Promise<StartupResult> => {
  const startsMs: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const target = await start();
    startsMs.push(target.startMs);
    await target.stop();
  }
  return { name, startsMs, medianMs: median(startsMs) };
};
