/**
 * A log-scale histogram with DDSketch's logarithmic mapping (Masson, Rim & Lee, "DDSketch", VLDB 2019; the same
 * mapping as `LogarithmicMapping` in @datadog/sketches-js): value v > 0 goes to bucket ⌈log_γ v⌉ with
 * γ = (1+α)/(1−α), and a bucket k reads back as 2γᵏ/(1+γ), within relative error α of every value in it.
 *
 * The histogram is a plain object of bucket index → count, so a rollup document stores it as is and adds to
 * it with `$inc: { 'hist.<index>': 1 }`; merging two is adding their counts. Values below 1 (ms, for durations)
 * count as 1: the mapping needs v > 0, and a duration under a millisecond is noise.
 */
export type LogHistogram = Record<string, number>;

/** About 1% relative error: the accuracy the issue asks for; changing it invalidates stored rollups. */
export const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

export function bucketIndexOf(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`histogram values must be finite, got ${value}`);
  return Math.ceil(Math.log(Math.max(value, 1)) / LOG_GAMMA);
}

export function bucketValueOf(index: number): number {
  return (2 * Math.exp(index * LOG_GAMMA)) / (1 + GAMMA);
}

/** The `$inc` a rollup applies for these values (under its own field prefix). */
export function histogramIncrements(values: readonly number[]): LogHistogram {
  const increments: LogHistogram = {};
  for (const value of values) {
    const key = String(bucketIndexOf(value));
    increments[key] = (increments[key] ?? 0) + 1;
  }
  return increments;
}

export function mergeHistograms(...histograms: readonly LogHistogram[]): LogHistogram {
  const merged: LogHistogram = {};
  for (const histogram of histograms) {
    for (const [key, count] of Object.entries(histogram)) merged[key] = (merged[key] ?? 0) + count;
  }
  return merged;
}

export function histogramCount(histogram: LogHistogram): number {
  return Object.values(histogram).reduce((sum, count) => sum + count, 0);
}

/** The quantile q read from the buckets, with the rank rule of `exactQuantile`; null when empty. */
export function histogramQuantile(histogram: LogHistogram, q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${q}`);
  const buckets = Object.entries(histogram)
    .map(([key, count]) => [Number(key), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.floor(q * (total - 1));
  let seen = 0;
  for (const [index, count] of buckets) {
    seen += count;
    if (seen > rank) return bucketValueOf(index);
  }
  return bucketValueOf(buckets[buckets.length - 1]![0]);
}
