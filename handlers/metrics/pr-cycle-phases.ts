import { compareText } from './compare-text.ts';
import { calendarDuration, type FlowPullRequest, type MeasureDuration } from './flow-types.ts';
import { summarizeDurations } from './percentiles.ts';
import type { DurationSummary, TimeRange } from './types.ts';

export interface PrCyclePhases {
  /** First commit → ready for review. */
  coding: DurationSummary;
  /** Ready → first review (PRs merged with a review). */
  pickup: DurationSummary;
  /** First review → merged. */
  review: DurationSummary;
  /** Merged → in production (PRs whose deployment is known). */
  deploy: DurationSummary;
  /** First commit → merged. */
  cycle: DurationSummary;
  items: {
    ref: string;
    codingMs: number;
    pickupMs?: number;
    reviewMs?: number;
    deployMs?: number;
    cycleMs: number;
  }[];
}

/**
 * The cycle time of the PRs merged in the range, split in its phases. A PR merged without a review has no
 * pickup or review phase; one whose deployment is not known has no deploy phase: each phase counts its own.
 */
export function measurePrCycle(
  pulls: readonly FlowPullRequest[],
  range: TimeRange,
  measure: MeasureDuration = calendarDuration,
): PrCyclePhases {
  const items: PrCyclePhases['items'] = pulls
    .filter((pr) => pr.mergedAt && pr.mergedAt >= range.from && pr.mergedAt < range.to)
    .sort((a, b) => compareText(a.repo, b.repo) || a.number - b.number)
    .map((pr) => {
      const merged = pr.mergedAt!;
      const start = pr.firstCommitAt && pr.firstCommitAt < pr.openedAt ? pr.firstCommitAt : pr.openedAt;
      const ready = pr.readyAt ?? pr.openedAt;
      const review = pr.firstReviewAt && pr.firstReviewAt <= merged ? pr.firstReviewAt : undefined;
      return {
        ref: `${pr.repo}#${pr.number}`,
        codingMs: measure(start, ready),
        ...(review ? { pickupMs: measure(ready, review), reviewMs: measure(review, merged) } : {}),
        ...(pr.deployedAt && pr.deployedAt >= merged ? { deployMs: measure(merged, pr.deployedAt) } : {}),
        cycleMs: measure(start, merged),
      };
    });
  return {
    coding: summarizeDurations(items.map((item) => item.codingMs)),
    pickup: summarizeDurations(items.flatMap((item) => item.pickupMs ?? [])),
    review: summarizeDurations(items.flatMap((item) => item.reviewMs ?? [])),
    deploy: summarizeDurations(items.flatMap((item) => item.deployMs ?? [])),
    cycle: summarizeDurations(items.map((item) => item.cycleMs)),
    items,
  };
}
