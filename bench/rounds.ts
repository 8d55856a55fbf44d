import type { ScenarioOptions } from './scenario.js';
import { stepContext } from './scenario.js';
import { percentile } from './stats.js';
import { runStep, type StepResult } from './step.js';
import type { TargetProcess } from './targets.js';

/** The processes the rounds alternate between. */
export type RoundKey = 'bare' | 'floor' | 'floorInAck' | 'app';

/** One process of the rounds: how to start it, and whether it answers or only acks. */
export interface RoundTarget {
  readonly key: RoundKey;
  readonly start: () => Promise<TargetProcess>;
  readonly answers: boolean;
}

/** CPU per answer (bare Bolt: per ack) in each round, ms, for one process and one workload. */
export type RoundReadings = readonly (number | undefined)[];

/** What the rounds measured, by process and workload. */
export interface CpuRounds {
  readonly rounds: number;
  readonly ratePerSecond: number;
  readonly durationS: number;
  readonly cpu: Readonly<
    Record<RoundKey, { readonly cached: RoundReadings; readonly zoom: RoundReadings }>
  >;
}

/** CPU per answer of a step, or per ack for a process that only acks. */
const cpuPerCommand = (step: StepResult, answers: boolean): number | undefined => {
  const done = answers ? step.answered : step.acked;
  return done === 0 ? undefined : step.cpuMs / done;
};

/** The rounds' readings that exist (a round where nothing was answered has none). */
export const measured = (readings: RoundReadings): number[] =>
  readings.filter((value): value is number => value !== undefined);

/** The median (nearest rank, as the bench's percentiles: the lower middle of an even count) of the readings that exist. */
export const medianOf = (readings: RoundReadings): number | undefined =>
  percentile(measured(readings), 50);

/** Each round's `a ÷ b`, where both were measured. */
export const ratiosOf = (a: RoundReadings, b: RoundReadings): RoundReadings =>
  a.map((value, i) => {
    const under = b[i];
    return value === undefined || under === undefined || under === 0 ? undefined : value / under;
  });

/** The median over rounds of `a ÷ b` within each round (each round's pair measured minutes apart at most). */
export const medianRatio = (a: RoundReadings, b: RoundReadings): number | undefined =>
  medianOf(ratiosOf(a, b));

/**
 * CPU per answer of every process in alternating rounds: all of them are up at once (each warmed
 * up first), and each round runs on each in turn, starting with a different one every round, one
 * unmeasured command a person (so every page of the cached step is in the app's 30-second
 * cache), then one cached and one from-Zoom step. A ratio is taken within a round, so a drift of the machine (other
 * tenants, CPU frequency) over the run moves both sides of it alike; the report gives the median
 * and the spread. A single run's bare Bolt ack cost moved by 2× between runs on the same tree
 * (docs/benchmarks.md), which no single pair of steps can tell from the code's own cost.
 */
export const runCpuRounds = async (
  options: Omit<ScenarioOptions, 'role' | 'target'> & {
    readonly targets: readonly RoundTarget[];
    readonly rounds: number;
    readonly durationS: number;
  },
): Promise<CpuRounds> => {
  const { plan, progress } = options;
  const rate = plan.loadRatePerSecond;
  const count = Math.round(rate * options.durationS);
  const running: { readonly spec: RoundTarget; readonly target: TargetProcess }[] = [];
  const cpu = {} as Record<
    RoundKey,
    { cached: (number | undefined)[]; zoom: (number | undefined)[] }
  >;
  try {
    for (const spec of options.targets) {
      const target = await spec.start();
      running.push({ spec, target });
      cpu[spec.key] = { cached: [], zoom: [] };
    }
    const contexts = running.map(({ spec, target }) => ({
      spec,
      context: stepContext({ ...options, target }, spec.answers),
    }));
    try {
      for (const { spec, context } of contexts) {
        progress(`rounds: warm-up of ${context.target.name}, ${plan.warmupCommands} commands`);
        await runStep(context, {
          label: `rounds-${spec.key}-warmup`,
          ratePerSecond: rate,
          count: plan.warmupCommands,
          text: options.texts.cached,
          people: plan.users,
        });
      }
      for (let round = 0; round < options.rounds; round += 1) {
        const order = [
          ...contexts.slice(round % contexts.length),
          ...contexts.slice(0, round % contexts.length),
        ];
        progress(
          `rounds: round ${round + 1} of ${options.rounds}, ${order.map((c) => c.spec.key).join(' → ')}`,
        );
        for (const { spec, context } of order) {
          // The app caches a page for 30 s, and a round outlasts that: each process gets one
          // unmeasured command a person first, so its cached step is all from the cache.
          await runStep(context, {
            label: `rounds-${spec.key}-${round}-refill`,
            ratePerSecond: rate,
            count: plan.users,
            text: options.texts.cached,
            people: plan.users,
          });
          for (const workload of ['cached', 'zoom'] as const) {
            const step = await runStep(context, {
              label: `rounds-${spec.key}-${round}-${workload}`,
              ratePerSecond: rate,
              count,
              text: workload === 'cached' ? options.texts.cached : options.texts.fresh,
              people: plan.users,
            });
            cpu[spec.key][workload].push(cpuPerCommand(step, spec.answers));
          }
        }
      }
    } finally {
      for (const { context } of contexts) context.driver.close();
    }
  } finally {
    for (const { target } of running) progress(`${target.name} stopped (${await target.stop()})`);
  }
  return { rounds: options.rounds, ratePerSecond: rate, durationS: options.durationS, cpu };
};
