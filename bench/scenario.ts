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
}

/** The app's memory over its run. */
export interface MemoryResult {
  readonly readings: readonly MemoryReading[];
  readonly peakRssBytes: number;
  /** The rate of the memory run: one the app sustains without a backlog. */
  readonly ratePerSecond: number;
  /** The steps that brought the count up to the plan's `memoryCommands`. */
  readonly steps: readonly StepResult[];
}

/** Everything measured on one process. */
export interface TargetResult {
  readonly startRssBytes: number;
  readonly warmup: StepResult;
  readonly load: StepResult;
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
  readonly people: readonly BenchPerson[];
  /** The app: answers through `response_url`, and gets the page probe. */
  readonly isApp: boolean;
  readonly progress: (line: string) => void;
}

const stepContext = (options: ScenarioOptions): StepContext => ({
  target: options.target,
  driver: createLoadDriver({
    eventsUrl: options.target.eventsUrl,
    responseUrl: options.slack.responseUrl,
    command: commandFor(options.people),
  }),
  slack: options.slack,
  zoom: options.zoom,
  answers: options.isApp,
  answerDrainTimeoutMs: options.plan.answerDrainTimeoutMs,
  zoomLatencyMs: options.plan.zoomLatencyMs,
});

/**
 * One process's run: warm-up (one command per person, so caches hold everyone), the measured
 * load step, for the app the page probe, and last the saturation search. With `plan.profile`,
 * only warm-up and load.
 */
export const runScenario = async (options: ScenarioOptions): Promise<TargetResult> => {
  const { plan, target, slack, zoom, isApp, progress } = options;
  const key = isApp ? 'app' : 'bare';
  const context = stepContext(options);
  const rate = plan.loadRatePerSecond;
  try {
    const startRssBytes = target.sample().rssBytes;
    progress(`${target.name}: warm-up, ${plan.warmupCommands} commands at ${rate}/s`);
    const warmup = await runStep(context, {
      label: `${key}-warmup`,
      ratePerSecond: rate,
      count: plan.warmupCommands,
    });
    progress(`${target.name}: load, ${rate}/s for ${plan.loadDurationS} s`);
    const load = await runStep(context, {
      label: `${key}-load`,
      ratePerSecond: rate,
      count: Math.round(rate * plan.loadDurationS),
    });
    const loadRssBytes = target.sample().rssBytes;
    let pageCalls: PageViewCalls[] | undefined;
    if (isApp && !plan.profile) {
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
    if (!plan.profile) {
      progress(`${target.name}: saturation, ${plan.saturationRatesPerSecond.join(', ')}/s`);
      saturation = await findSaturation(context, {
        name: key,
        rates: plan.saturationRatesPerSecond,
        durationS: plan.saturationStepDurationS,
      });
    }
    return {
      startRssBytes,
      warmup,
      load,
      loadRssBytes,
      pageCalls,
      saturation,
    };
  } finally {
    context.driver.close();
  }
};

/** What the memory run needs: a freshly started app and a rate it sustains. */
export interface MemoryRunOptions extends Omit<ScenarioOptions, 'isApp'> {
  readonly ratePerSecond: number;
}

/**
 * Resident memory of a fresh app over `plan.memoryCommands` commands at a rate it sustains:
 * read after start, after warm-up, halfway and at the end (each after the app settled), so
 * growth shows a leak rather than a backlog, and no earlier overload has inflated the heap.
 */
export const runMemory = async (options: MemoryRunOptions): Promise<MemoryResult> => {
  const { plan, target, progress, ratePerSecond } = options;
  const context = stepContext({ ...options, isApp: true });
  try {
    const readings: MemoryReading[] = [{ commands: 0, rssBytes: target.sample().rssBytes }];
    const steps: StepResult[] = [];
    let done = 0;
    for (const goal of [plan.warmupCommands, plan.memoryCommands / 2, plan.memoryCommands]) {
      const count = Math.max(0, Math.round(goal - done));
      progress(`${target.name}: memory, ${count} commands at ${ratePerSecond}/s (${goal} in all)`);
      steps.push(await runStep(context, { label: `memory-${goal}`, ratePerSecond, count }));
      done += count;
      readings.push({ commands: done, rssBytes: target.sample().rssBytes });
    }
    return { readings, peakRssBytes: target.sample().peakRssBytes, ratePerSecond, steps };
  } finally {
    context.driver.close();
  }
};
