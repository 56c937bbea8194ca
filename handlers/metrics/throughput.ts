import { compareText } from './compare-text.ts';
import type { FlowConfig, FlowPullRequest, FlowWorkIssue } from './flow-types.ts';
import { findWorkSpan, readStatusSpells } from './status-spells.ts';
import type { TimeRange } from './types.ts';

const WEEK_MS = 7 * 86_400_000;

export interface Throughput {
  /** PRs merged plus issues finished (their final move to done) in the range. */
  total: number;
  pullRequests: number;
  issues: number;
  /** Finished items per 7-day period from the range's start (the last may be shorter). */
  perWeek: { from: Date; count: number }[];
  items: { ref: string; kind: 'pull-request' | 'issue'; doneAt: Date }[];
}

/** How much got finished in the range: PRs merged and Jira issues done (a reopened issue counts once, at its last done). */
export function measureThroughput(
  pulls: readonly FlowPullRequest[],
  issues: readonly FlowWorkIssue[],
  config: FlowConfig,
  range: TimeRange,
): Throughput {
  const inRange = (at: Date) => at >= range.from && at < range.to;
  const items: Throughput['items'] = [
    ...pulls.flatMap((pr) =>
      pr.mergedAt && inRange(pr.mergedAt)
        ? [{ ref: `${pr.repo}#${pr.number}`, kind: 'pull-request' as const, doneAt: pr.mergedAt }]
        : [],
    ),
    ...issues.flatMap((issue) => {
      const { doneAt } = findWorkSpan(readStatusSpells(issue, config));
      return doneAt && inRange(doneAt) ? [{ ref: issue.key, kind: 'issue' as const, doneAt }] : [];
    }),
  ].sort((a, b) => a.doneAt.getTime() - b.doneAt.getTime() || compareText(a.ref, b.ref));
  const perWeek: Throughput['perWeek'] = [];
  for (let start = range.from.getTime(); start < range.to.getTime(); start += WEEK_MS) {
    const end = start + WEEK_MS;
    perWeek.push({
      from: new Date(start),
      count: items.filter((item) => item.doneAt.getTime() >= start && item.doneAt.getTime() < end).length,
    });
  }
  return {
    total: items.length,
    pullRequests: items.filter((item) => item.kind === 'pull-request').length,
    issues: items.filter((item) => item.kind === 'issue').length,
    perWeek,
    items,
  };
}
