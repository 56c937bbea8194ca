import { compareText } from './compare-text.ts';
import { calendarDuration, type FlowPullRequest, type MeasureDuration } from './flow-types.ts';
import { summarizeDurations } from './percentiles.ts';
import type { DurationSummary, TimeRange } from './types.ts';

export interface ReviewTurnaround {
  /** Ready for review → each reviewer's first review of the PR, over the first reviews given in the range. */
  turnaround: DurationSummary;
  items: { ref: string; reviewer: string; turnaroundMs: number }[];
}

/**
 * How long a PR waits for each of its reviewers: from ready for review to that reviewer's first review,
 * counted when that review falls in the range. Later reviews by the same person (re-reviews) are left out:
 * GitHub does not say when a re-review was asked for. `reviewers` keeps only those reviewers' reviews (a
 * person's own turnaround, shown only to them).
 */
export function measureReviewTurnaround(
  pulls: readonly FlowPullRequest[],
  range: TimeRange,
  measure: MeasureDuration = calendarDuration,
  reviewers?: readonly string[],
): ReviewTurnaround {
  const wanted = reviewers ? new Set(reviewers.map((login) => login.toLowerCase())) : undefined;
  const items: ReviewTurnaround['items'] = [];
  const sorted = [...pulls].sort((a, b) => compareText(a.repo, b.repo) || a.number - b.number);
  for (const pr of sorted) {
    const ready = pr.readyAt ?? pr.openedAt;
    const first = new Map<string, Date>();
    for (const review of pr.reviews) {
      const login = review.reviewer.toLowerCase();
      if (login === pr.author?.toLowerCase() || review.at < ready) continue;
      const known = first.get(login);
      if (!known || review.at < known) first.set(login, review.at);
    }
    for (const [reviewer, at] of [...first].sort(([a], [b]) => compareText(a, b))) {
      if (at < range.from || at >= range.to || (wanted && !wanted.has(reviewer))) continue;
      items.push({ ref: `${pr.repo}#${pr.number}`, reviewer, turnaroundMs: measure(ready, at) });
    }
  }
  return { turnaround: summarizeDurations(items.map((item) => item.turnaroundMs)), items };
}
