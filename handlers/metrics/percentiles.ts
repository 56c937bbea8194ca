import type { DurationSummary } from './types.ts';

/**
 * The value at rank ⌊q·(n−1)⌋ of the sorted values: DDSketch's own rank rule, so the exact figure (small ranges,
 * "why" drill-downs) and the one read from rollup histograms agree within the histogram's relative error. The
 * median of an even count is therefore the lower middle value, never an average nobody measured.
 */
export function exactQuantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] ?? null;
}

export function summarizeDurations(values: readonly number[]): DurationSummary {
  return {
    count: values.length,
    p50: exactQuantile(values, 0.5),
    p75: exactQuantile(values, 0.75),
    p90: exactQuantile(values, 0.9),
  };
}
