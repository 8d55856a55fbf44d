import type { MachineInfo } from './machine.js';
import type { BenchPlan } from './options.js';
import type { RenderResult } from './render.js';
import type { CpuRounds } from './rounds.js';
import type { MemoryResult, TargetResult } from './scenario.js';
import type { StartupResult } from './startup.js';
import type { StepResult } from './step.js';
import type { SyncStepResult } from './sync-steps.js';

/** Everything one full or quick run measured. */
export interface BenchResults {
  readonly plan: BenchPlan;
  readonly machine: MachineInfo;
  readonly render: readonly RenderResult[];
  readonly syncSteps: readonly SyncStepResult[];
  readonly startups: readonly StartupResult[];
  readonly bare: TargetResult;
  /** Bolt and the HTTP a page needs, nothing of the app (bench/floor-bolt.ts). */
  readonly floor: TargetResult;
  /** The floor when a page from Zoom is awaited and answered in the ack (FLOOR_ZOOM_PAGE_IN_ACK). */
  readonly floorInAck: TargetResult;
  readonly app: TargetResult;
  /** CPU per answer of bare Bolt, both floors and the app, in alternating rounds. */
  readonly rounds: CpuRounds;
  /** From a second, fresh app process; absent when profiling. */
  readonly memory: MemoryResult | undefined;
  /** The same memory run on a fresh bare Bolt process. */
  readonly bareMemory: MemoryResult | undefined;
}

/** CPU the app spent per page answered in a step; `undefined` when none was. */
export const cpuPerAnswerMs = (step: StepResult): number | undefined =>
  step.answered === 0 ? undefined : step.cpuMs / step.answered;

/** CPU bare Bolt spent per ack in the load step; `undefined` when none was acked. */
export const bareCpuPerAckMs = (bare: TargetResult): number | undefined =>
  bare.load.acked === 0 ? undefined : bare.load.cpuMs / bare.load.acked;

/** Time to answer minus the fake Zoom's latency: what the app itself adds. */
export const overheadMs = (answerMs: number | undefined, zoomLatencyMs: number) =>
  answerMs === undefined ? undefined : answerMs - zoomLatencyMs;

/** The calls one step made, per page it answered. */
export const callsPerPage = (step: StepResult) => {
  const pages = Math.max(1, step.answered);
  const { calls } = step;
  return {
    zoomToken: calls.zoomToken / pages,
    zoomList: calls.zoomList / pages,
    zoomLookups: calls.zoomLookups / pages,
    slackUsersInfo: calls.slackUsersInfo / pages,
    slackWebApi: calls.slackWebApi / pages,
  };
};

/** The steady-state per-page calls: the load step's calls divided by its pages. */
export const steadyCallsPerPage = (app: TargetResult) => callsPerPage(app.load);

/** The saturation search's first, lowest-rate step: the app's numbers under light load. */
export const lightLoadStep = (target: TargetResult): StepResult | undefined =>
  target.saturation?.steps[0];
