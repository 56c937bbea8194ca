import { measureAgingWip, type AgingWip, type WorkItem } from './aging-wip.ts';
import { measureFlowEfficiency, type FlowEfficiency } from './flow-efficiency.ts';
import {
  calendarDuration,
  type FlowConfig,
  type FlowPullRequest,
  type FlowWorkIssue,
  type MeasureDuration,
} from './flow-types.ts';
import { measurePrCycle, type PrCyclePhases } from './pr-cycle-phases.ts';
import { measurePrSize, type PrSizeDistribution } from './pr-size.ts';
import { measureReviewTurnaround, type ReviewTurnaround } from './review-turnaround.ts';
import { findWorkSpan, readStatusSpells } from './status-spells.ts';
import { measureThroughput, type Throughput } from './throughput.ts';
import type { TimeRange } from './types.ts';
import { countWip, listWip, PULL_REQUEST_TYPE, type Wip } from './work-in-progress.ts';

export interface FlowInput {
  pulls: readonly FlowPullRequest[];
  issues: readonly FlowWorkIssue[];
  config: FlowConfig;
}

/** Every flow figure of one range, for a team, a repository or the tenant: nobody's own numbers. */
export interface FlowAnswer {
  range: TimeRange;
  cycle: PrCyclePhases;
  reviewTurnaround: ReviewTurnaround;
  prSize: PrSizeDistribution;
  /** At the range's end (or now, when sooner). */
  wip: Wip;
  agingWip: AgingWip;
  flowEfficiency: FlowEfficiency;
  throughput: Throughput;
}

/** Items with a start and (maybe) a finish, for aging WIP: PRs (first commit → merged) and started issues. */
export function workItemsOf(input: FlowInput): WorkItem[] {
  const pulls = input.pulls
    .filter((pr) => pr.mergedAt || !pr.closedAt)
    .map((pr) => ({
      id: `${pr.repo}#${pr.number}`,
      type: PULL_REQUEST_TYPE,
      startedAt: pr.firstCommitAt && pr.firstCommitAt < pr.openedAt ? pr.firstCommitAt : pr.openedAt,
      ...(pr.mergedAt ? { doneAt: pr.mergedAt } : {}),
    }));
  const issues = input.issues.flatMap((issue) => {
    const { startedAt, doneAt } = findWorkSpan(readStatusSpells(issue, input.config));
    return startedAt ? [{ id: issue.key, type: issue.type, startedAt, ...(doneAt ? { doneAt } : {}) }] : [];
  });
  return [...pulls, ...issues];
}

/** When a range's state (WIP, aging) is read: its end, or now when sooner. */
export const measuredAt = (range: TimeRange, now: Date): Date => (now < range.to ? now : range.to);

/**
 * The flow figures of a range. Percentile thresholds of aging WIP read every finished item passed in (the
 * history the loader bounded), so they are the type's past cycle times, not only the range's.
 */
export function measureFlow(
  input: FlowInput,
  range: TimeRange,
  now: Date,
  measure: MeasureDuration = calendarDuration,
): FlowAnswer {
  const at = measuredAt(range, now);
  return {
    range,
    cycle: measurePrCycle(input.pulls, range, measure),
    reviewTurnaround: measureReviewTurnaround(input.pulls, range, measure),
    prSize: measurePrSize(input.pulls, range),
    wip: countWip(listWip(input.pulls, input.issues, input.config, at)),
    agingWip: measureAgingWip(workItemsOf(input), at, measure),
    flowEfficiency: measureFlowEfficiency(input.issues, input.config, range, measure),
    throughput: measureThroughput(input.pulls, input.issues, input.config, range),
  };
}

/** One person's own figures, for them alone: their work in progress and their review turnaround. */
export interface PersonalFlow {
  wip: Wip;
  reviewTurnaround: ReviewTurnaround;
}

export function measurePersonalFlow(
  input: FlowInput,
  owners: readonly string[],
  range: TimeRange,
  now: Date,
  measure: MeasureDuration = calendarDuration,
): PersonalFlow {
  const at = measuredAt(range, now);
  return {
    wip: countWip(listWip(input.pulls, input.issues, input.config, at), owners),
    reviewTurnaround: measureReviewTurnaround(input.pulls, range, measure, owners),
  };
}
