/** Nearest-rank percentile of `values` (`p` in 0–100); `undefined` for no values. */
export const percentile = (values: readonly number[], p: number): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
};

/** p50 and p99 of a sample, in its own unit. */
export interface Spread {
  readonly p50: number | undefined;
  readonly p99: number | undefined;
}

/** The median and the 99th percentile of `values`. */
export const spread = (values: readonly number[]): Spread => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
});
