import { compareText } from './compare-text.ts';
import type { FlowPullRequest } from './flow-types.ts';
import { exactQuantile } from './percentiles.ts';
import type { TimeRange } from './types.ts';

export type SizeBucket = 'xs' | 's' | 'm' | 'l' | 'xl';

/** Upper bounds, in lines changed (additions + deletions), of every bucket but the last. */
export const SIZE_BOUNDS: Readonly<Record<Exclude<SizeBucket, 'xl'>, number>> = {
  xs: 10,
  s: 50,
  m: 250,
  l: 1000,
};

export interface PrSizeDistribution {
  /** PRs merged in the range, per bucket. */
  buckets: Record<SizeBucket, number>;
  /** Lines changed: the 50th, 85th and 95th percentiles. */
  p50: number | null;
  p85: number | null;
  p95: number | null;
  /** Merged in the range without a known size (no additions/deletions in the facts): left out. */
  unknown: number;
  items: { ref: string; lines: number; bucket: SizeBucket }[];
}

export function sizeBucketOf(lines: number): SizeBucket {
  if (lines <= SIZE_BOUNDS.xs) return 'xs';
  if (lines <= SIZE_BOUNDS.s) return 's';
  if (lines <= SIZE_BOUNDS.m) return 'm';
  if (lines <= SIZE_BOUNDS.l) return 'l';
  return 'xl';
}

/** How big the PRs merged in the range were: lines changed, bucketed (≤10, ≤50, ≤250, ≤1000, more). */
export function measurePrSize(pulls: readonly FlowPullRequest[], range: TimeRange): PrSizeDistribution {
  const buckets: Record<SizeBucket, number> = { xs: 0, s: 0, m: 0, l: 0, xl: 0 };
  const items: PrSizeDistribution['items'] = [];
  let unknown = 0;
  const merged = pulls
    .filter((pr) => pr.mergedAt && pr.mergedAt >= range.from && pr.mergedAt < range.to)
    .sort((a, b) => compareText(a.repo, b.repo) || a.number - b.number);
  for (const pr of merged) {
    if (pr.additions === undefined && pr.deletions === undefined) {
      unknown += 1;
      continue;
    }
    const lines = (pr.additions ?? 0) + (pr.deletions ?? 0);
    const bucket = sizeBucketOf(lines);
    buckets[bucket] += 1;
    items.push({ ref: `${pr.repo}#${pr.number}`, lines, bucket });
  }
  const lines = items.map((item) => item.lines);
  return {
    buckets,
    p50: exactQuantile(lines, 0.5),
    p85: exactQuantile(lines, 0.85),
    p95: exactQuantile(lines, 0.95),
    unknown,
    items,
  };
}
