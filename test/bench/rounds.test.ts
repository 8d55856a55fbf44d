import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/results.js';
import { type CpuRounds, medianOf, ratiosOf } from '../../bench/rounds.js';
import { renderRounds, roundsAppOverBare } from '../../bench/rounds-report.js';

const rounds: CpuRounds = {
  rounds: 3,
  ratePerSecond: 200,
  durationS: 5,
  cpu: {
    bare: { cached: [0.5, 1, 0.4], zoom: [0.5, undefined, 0.4] },
    floor: { cached: [0.6, 1.1, 0.5], zoom: [1.5, 3, 1.2] },
    floorInAck: { cached: [0.6, 1.1, 0.5], zoom: [1.2, 2.5, 1] },
    app: { cached: [1.5, 2, 1.6], zoom: [3, 3.5, 2.8] },
  },
};

describe('the alternating rounds', () => {
  it('takes each ratio within its round, and skips a round where either side is missing', () => {
    const [first, second, third] = ratiosOf([3, 3.5, 2.8], [0.5, undefined, 0.4]);
    expect(first).toBeCloseTo(6);
    expect(second).toBeUndefined();
    expect(third).toBeCloseTo(7);
    // Nearest rank, as every percentile of the bench: the lower middle of an even count.
    expect(medianOf([7, undefined, 6])).toBe(6);
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([undefined])).toBeUndefined();
  });

  it('judges the app by the median of the within-round ratios, not by the ratio of medians', () => {
    // Within rounds: 3×, 2×, 4× → median 3×; medians alone would give 1.6 / 0.5 = 3.2×.
    expect(roundsAppOverBare(rounds).cached).toBeCloseTo(3);
    expect(roundsAppOverBare(rounds).zoom).toBeCloseTo(6);
  });

  it('writes each cell as the median with the lowest and highest round', () => {
    const text = renderRounds({ rounds } as BenchResults);
    expect(text).toContain('| app | 1.60 ms (1.50–2.00) | 3.00 ms (2.80–3.50) |');
    expect(text).toContain('| app ÷ bare Bolt | 3.0× (2.0–4.0) | 6.0× (6.0–7.0) |');
  });
});
