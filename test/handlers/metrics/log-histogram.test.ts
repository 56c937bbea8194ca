import assert from 'node:assert/strict';
import {
  bucketIndexOf,
  bucketValueOf,
  histogramCount,
  histogramIncrements,
  histogramQuantile,
  mergeHistograms,
  RELATIVE_ACCURACY,
} from '../../../handlers/metrics/log-histogram.ts';
import { exactQuantile, summarizeDurations } from '../../../handlers/metrics/percentiles.ts';

/** A small seeded generator (mulberry32), so a failure reproduces. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('exact percentiles', () => {
  it('take the value at rank ⌊q·(n−1)⌋, the lower middle for an even count', () => {
    assert.equal(exactQuantile([4, 1, 3, 2], 0.5), 2);
    assert.equal(exactQuantile([5, 1, 4, 2, 3], 0.5), 3);
    assert.equal(exactQuantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9), 90);
    assert.equal(exactQuantile([], 0.5), null);
    assert.throws(() => exactQuantile([1], 1.5), RangeError);
    assert.deepEqual(summarizeDurations([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), {
      count: 11,
      p50: 6,
      p75: 8,
      p90: 10,
    });
  });
});

describe('log-scale histogram (DDSketch mapping)', () => {
  it('maps values to the buckets DDSketch’s LogarithmicMapping gives', () => {
    // Reference keys and values computed with @datadog/sketches-js 2.1.1 (DDSketch, relativeAccuracy 0.01).
    assert.equal(bucketIndexOf(1), 0);
    assert.equal(bucketIndexOf(1.5), 21);
    assert.equal(bucketIndexOf(1000), 346);
    assert.equal(bucketIndexOf(3_600_000), 755);
    assert.equal(bucketIndexOf(2_592_000_000), 1084);
    assert.ok(Math.abs(bucketValueOf(346) - 1002.4280085221619) < 1e-6);
  });

  it('reads the same quantiles as DDSketch on the same data', () => {
    const values = Array.from({ length: 101 }, (_, i) => (i + 1) * (i + 1) * 1000);
    const histogram = histogramIncrements(values);
    assert.ok(Math.abs(histogramQuantile(histogram, 0.5)! - 2598493.3658941295) < 1e-3);
    assert.ok(Math.abs(histogramQuantile(histogram, 0.9)! - 8289340.989853011) < 1e-3);
  });

  it('stays within 1% relative error of the exact percentiles on random data', () => {
    const random = seededRandom(13);
    for (let trial = 0; trial < 20; trial += 1) {
      // Log-normal durations from seconds to months, like lead times.
      const values = Array.from({ length: 500 + trial * 100 }, () => {
        const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        return Math.exp(15 + 2.5 * normal);
      });
      const histogram = histogramIncrements(values);
      for (const q of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1]) {
        const exact = exactQuantile(values, q)!;
        const read = histogramQuantile(histogram, q)!;
        const error = Math.abs(read - exact) / exact;
        assert.ok(error <= RELATIVE_ACCURACY + 1e-12, `q=${q}: ${read} vs ${exact} (${error})`);
      }
    }
  });

  it('merges by adding counts, so split rollups read like one', () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 3000 }, () => 1 + random() * 1e7);
    const days = [values.slice(0, 1000), values.slice(1000, 1700), values.slice(1700)];
    const merged = mergeHistograms(...days.map((day) => histogramIncrements(day)));
    const whole = histogramIncrements(values);
    assert.deepEqual(merged, whole);
    assert.equal(histogramCount(merged), 3000);
    for (const q of [0.5, 0.9]) assert.equal(histogramQuantile(merged, q), histogramQuantile(whole, q));
  });

  it('is a plain object a rollup can $inc, and counts sub-unit values as 1', () => {
    assert.deepEqual(histogramIncrements([0, 0.5, 1, 1000, 1001]), { '0': 3, '346': 2 });
    assert.equal(histogramQuantile({}, 0.5), null);
    assert.throws(() => bucketIndexOf(Number.NaN), RangeError);
  });
});
