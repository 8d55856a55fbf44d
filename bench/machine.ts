import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { REPO_ROOT } from './targets.js';

/** The machine and checkout a run measured, so numbers are never read without them. */
export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly kernel: string;
  readonly node: string;
  /** Short commit, with `+changes` when the tree differs from it. */
  readonly commit: string;
  /** ISO 8601, when the run ended. */
  readonly date: string;
  /** One-minute load average as the run ended: other work on the machine skews every number. */
  readonly loadAverage: number;
}

const git = (args: readonly string[]): string | undefined => {
  try {
    return execFileSync('git', [...args], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
};

/** Describes this machine and checkout. */
export const describeMachine = (): MachineInfo => {
  const commit = git(['rev-parse', '--short', 'HEAD']) ?? 'unknown';
  const dirty = (git(['status', '--porcelain']) ?? '') !== '';
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown CPU',
    memoryBytes: totalmem(),
    kernel: `Linux ${release()}`,
    node: process.version,
    commit: dirty ? `${commit}+changes` : commit,
    date: new Date().toISOString(),
    loadAverage: loadavg()[0] ?? 0,
  };
};
