import { join } from 'node:path';
import type { DemoZoom } from '../src/demo-zoom/index.js';
import { type PageViewCalls, probeCallsPerPage } from './calls-per-page.js';
import type { BenchSlack } from './fake-slack.js';
import { createLoadDriver } from './load.js';
import type { BenchPlan } from './options.js';
import { findSaturation, type SaturationResult } from './saturation.js';
import { runStep, type StepContext, type StepResult } from './step.js';
import type { TargetProcess } from './targets.js';
import { type BenchPerson, commandFor } from './workload.js';

/** Resident memory after a number of commands. */
export interface MemoryReading {
  readonly commands: number;
  readonly rssBytes: number;
  /** Heap used after a full GC (bench/heap-probe.mjs). */
  readonly heapUsedBytes: number;
  /** The heap V8 holds after that GC, used or not. */
  readonly heapTotalBytes: number;
  /** Memory outside the heap that V8 knows of (Buffers, native objects). */
  readonly externalBytes: number;
}

/** The app's memory over its run. */
export interface MemoryResult {
  readonly readings: readonly MemoryReading[];
  readonly peakRssBytes: number;
  /** The rate of the memory run: one the app sustains without a backlog. */
  readonly ratePerSecond: number;
  /** Heap snapshots written (with `snapshotDir`): after half the commands, and after all. */
  readonly snapshots: readonly string[];
  /** The steps that brought the count up to the plan's `memoryCommands`. */
  readonly steps: readonly StepResult[];
}

/** Everything measured on one process. */
export interface TargetResult {
  /** From spawning the process to its first 200 from `/healthz`. */
  readonly startMs: number;
  readonly startRssBytes: number;
  readonly warmup: StepResult;
  /** The load step with pages fetched from Zoom (the `fresh` workload). */
  readonly load: StepResult;
  /** The same rate with every page already cached (the `cached` workload). */
  readonly loadCached: StepResult;
  readonly loadRssBytes: number;
  /** Only for the app, which has pages to show. */
  readonly pageCalls: readonly PageViewCalls[] | undefined;
  /** Skipped when profiling. */
  readonly saturation: SaturationResult | undefined;
}

/** What a scenario runs against and which parts it runs. */
export interface ScenarioOptions {
  readonly plan: BenchPlan;
  readonly target: TargetProcess;
  readonly slack: BenchSlack;
  readonly zoom: DemoZoom;
  /** Everyone the fakes know; load steps use the first `plan.users`. */
  readonly people: readonly BenchPerson[];
  /** The command texts of the two workloads (bench/workload.ts). */
  readonly texts: { readonly cached: string; readonly fresh: string };
  /**
   * `app`: answers (in the ack or through `response_url`), gets the page probe and the
   * saturation search; `bare`: only acks, gets the saturation search; `floor`
   * (bench/floor-bolt.ts): answers, load steps only.
   */
  readonly role: TargetRole;
  readonly progress: (line: string) => void;
}

/** What a process under test is in the run (see {@link ScenarioOptions.role}). */
export type TargetRole = 'app' | 'bare' | 'floor';

export const stepContext = (
  options: Omit<ScenarioOptions, 'role'>,
  answers: boolean,
): StepContext => ({
  target: options.target,
  driver: createLoadDriver({
    eventsUrl: options.target.eventsUrl,
    responseUrl: options.slack.responseUrl,
    command: commandFor(options.people, options.texts.fresh),
    onAckBody: options.slack.recordImmediate,
  }),
  slack: options.slack,
  zoom: options.zoom,
  answers,
  answerDrainTimeoutMs: options.plan.answerDrainTimeoutMs,
  zoomLatencyMs: options.plan.zoomLatencyMs,
});

/**
 * One process's run: warm-up (one command per person, so caches hold everyone), the measured
 * load step, for the app the page probe, and last the saturation search (not for the floor).
 * With `plan.profile`, only warm-up and load.
 */
export const runScenario = async (options: ScenarioOptions): Promise<TargetResult> => {
  const { plan, target, slack, zoom, role: key, progress } = options;
  const context = stepContext(options, key !== 'bare');
  const rate = plan.loadRatePerSecond;
  try {
    const startRssBytes = target.sample().rssBytes;
    const users = plan.users;
    progress(`${target.name}: warm-up, ${plan.warmupCommands} commands at ${rate}/s`);
    const warmup = await runStep(context, {
      label: `${key}-warmup`,
      ratePerSecond: rate,
      count: plan.warmupCommands,
      text: options.texts.cached,
      people: users,
    });
    progress(`${target.name}: load, cached pages, ${rate}/s for ${plan.loadDurationS} s`);
    const loadCached = await runStep(context, {
      label: `${key}-load-cached`,
      ratePerSecond: rate,
      count: Math.round(rate * plan.loadDurationS),
      text: options.texts.cached,
      people: users,
    });
    progress(`${target.name}: load, pages from Zoom, ${rate}/s for ${plan.loadDurationS} s`);
    const load = await runStep(context, {
      label: `${key}-load`,
      ratePerSecond: rate,
      count: Math.round(rate * plan.loadDurationS),
      text: options.texts.fresh,
      people: users,
    });
    const loadRssBytes = target.sample().rssBytes;
    let pageCalls: PageViewCalls[] | undefined;
    if (key === 'app' && !plan.profile) {
      progress(`${target.name}: calls per page`);
      const person = options.people[0];
      if (person === undefined) throw new Error('The bench needs at least one person');
      pageCalls = await probeCallsPerPage({
        eventsUrl: target.eventsUrl,
        slack,
        zoom,
        userId: person.slackUserId,
      });
    }
    let saturation: SaturationResult | undefined;
    if (key !== 'floor' && !plan.profile) {
      progress(`${target.name}: saturation, ${plan.saturationRatesPerSecond.join(', ')}/s`);
      saturation = await findSaturation(context, {
        name: key,
        rates: plan.saturationRatesPerSecond,
        durationS: plan.saturationStepDurationS,
        people: plan.users,
      });
    }
    return {
      startMs: target.startMs,
      startRssBytes,
      warmup,
      load,
      loadCached,
      loadRssBytes,
      pageCalls,
      saturation,
    };
  } finally {
    context.driver.close();
  }
};

/** What the memory run needs: a freshly started process and a rate it sustains. */
export interface MemoryRunOptions extends Omit<ScenarioOptions, 'role'> {
  readonly ratePerSecond: number;
  /** Whether the process answers (in the ack or through `response_url`: the app) or only acks. */
  readonly answers: boolean;
  /** Where to write heap snapshots after half the commands and after all; none when absent. */
  readonly snapshotDir?: string;
}

/** How many readings the memory run takes after warm-up: every quarter of the commands. */
const MEMORY_READINGS = 4;

/**
 * Memory of a fresh process over `plan.memoryCommands` commands from `plan.memoryPeople`
 * people (pages fetched from Zoom, so every answer also fills the cache) at a rate it sustains:
 * read after start, after warm-up and every quarter, each once the process settled: resident
 * size, and heap used after a full GC (so growth shows what is held, not what is not yet
 * collected, and not a backlog).
 */
export const runMemory = async (options: MemoryRunOptions): Promise<MemoryResult> => {
  const { plan, target, progress, ratePerSecond } = options;
  const context = stepContext(options, options.answers);
  const read = async (commands: number): Promise<MemoryReading> => {
    const heap = await target.heap();
    return {
      commands,
      rssBytes: target.sample().rssBytes,
      heapUsedBytes: heap.heapUsedBytes,
      heapTotalBytes: heap.heapTotalBytes,
      externalBytes: heap.externalBytes,
    };
  };
  try {
    const readings: MemoryReading[] = [await read(0)];
    const steps: StepResult[] = [];
    const snapshots: string[] = [];
    const quarters = Array.from(
      { length: MEMORY_READINGS },
      (_, i) => ((i + 1) * plan.memoryCommands) / MEMORY_READINGS,
    );
    const goals = [plan.warmupCommands, ...quarters.filter((goal) => goal > plan.warmupCommands)];
    let done = 0;
    for (const goal of goals) {
      const count = Math.max(0, Math.round(goal - done));
      progress(`${target.name}: memory, ${count} commands at ${ratePerSecond}/s (${goal} in all)`);
      steps.push(
        await runStep(context, {
          label: `${target.name.replaceAll(' ', '-')}-memory-${goal}`,
          ratePerSecond,
          count,
          text: options.texts.fresh,
          people: plan.memoryPeople,
        }),
      );
      done += count;
      readings.push(await read(done));
      const snapshotHere = done === plan.memoryCommands / 2 || done === plan.memoryCommands;
      if (options.snapshotDir !== undefined && snapshotHere) {
        const path = join(options.snapshotDir, `${target.name}-${done}.heapsnapshot`);
        progress(`${target.name}: heap snapshot after ${done} commands`);
        await target.snapshot(path);
        snapshots.push(path);
      }
    }
    return {
      readings,
      peakRssBytes: target.sample().peakRssBytes,
      ratePerSecond,
      snapshots,
      steps,
    };
  } finally {
    context.driver.close();
  }
};
