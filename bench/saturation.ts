import { isWithinLimits, runStep, type StepContext, type StepResult } from './step.js';

/** The rates tried and the highest one every command survived. */
export interface SaturationResult {
  readonly steps: readonly StepResult[];
  /** `undefined` when even the lowest rate failed. */
  readonly highestPassingRate: number | undefined;
  /** True when the highest rate tried passed, so the real limit is higher still. */
  readonly ceilingReached: boolean;
}

/**
 * Climbs `rates` (lowest first), `durationS` seconds each, until a step leaves a command unacked
 * after a second or unanswered; then tries the midpoint between the last pass and that failure.
 * Bounded: at most `rates.length + 1` steps, and the target is left alone after its first failure.
 */
export const findSaturation = async (
  context: StepContext,
  options: {
    readonly name: string;
    readonly rates: readonly number[];
    readonly durationS: number;
    /** Who sends: the first `people` of the workload in turn. */
    readonly people: number;
  },
): Promise<SaturationResult> => {
  const steps: StepResult[] = [];
  const attempt = async (ratePerSecond: number) => {
    const result = await runStep(context, {
      label: `${options.name}-saturation-${ratePerSecond}`,
      ratePerSecond,
      count: Math.round(ratePerSecond * options.durationS),
      people: options.people,
    });
    steps.push(result);
    return isWithinLimits(result, context.answers);
  };
  let highest: number | undefined;
  for (const rate of options.rates) {
    if (!(await attempt(rate))) {
      if (highest !== undefined) {
        const midpoint = Math.round((highest + rate) / 2);
        if (midpoint > highest && (await attempt(midpoint))) highest = midpoint;
      }
      return { steps, highestPassingRate: highest, ceilingReached: false };
    }
    highest = rate;
  }
  return { steps, highestPassingRate: highest, ceilingReached: true };
};
