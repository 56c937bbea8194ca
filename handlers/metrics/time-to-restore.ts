import { summarizeDurations } from './percentiles.ts';
import type { IncidentAttribution } from './attribute-incidents.ts';
import type {
  CountedDeployment,
  DurationSummary,
  FailedAttempt,
  MetricsIncident,
  TimeRange,
} from './types.ts';
import { compareText } from './compare-text.ts';
import { groupBy } from './group-by.ts';

export interface TimeToRestore {
  /** Incidents triggered in the range and resolved: time spent open. */
  mttr: DurationSummary;
  /** Open incidents (never resolved, or reopened and not resolved again): left out, counted. */
  stillOpen: number;
  reopened: number;
  /** DORA 2023's failed deployment recovery time. */
  failedDeploymentRecovery: DurationSummary;
  items: { incidentId: string; restoreMs: number; reopened: boolean }[];
  recoveries: { deploymentKey: string; recoveredBy: string; recoveryMs: number }[];
}

/**
 * The intervals an incident was open: triggered → resolved, and again from each reopening (a `triggered`
 * after a `resolved`) to the next resolution. Without a status history, triggered → resolved.
 */
export function openIntervals(incident: MetricsIncident): {
  intervals: [Date, Date][];
  open: boolean;
  reopened: boolean;
} {
  const transitions = [...(incident.transitions ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (transitions.length === 0) {
    return incident.resolvedAt
      ? { intervals: [[incident.triggeredAt, incident.resolvedAt]], open: false, reopened: false }
      : { intervals: [], open: true, reopened: false };
  }
  const intervals: [Date, Date][] = [];
  let openedAt: Date | undefined = incident.triggeredAt;
  let reopened = false;
  for (const { status, at } of transitions) {
    if (status === 'resolved' && openedAt) {
      intervals.push([openedAt, at]);
      openedAt = undefined;
    } else if (status === 'triggered' && !openedAt) {
      openedAt = at;
      reopened = true;
    }
  }
  return { intervals, open: openedAt !== undefined, reopened };
}

/**
 * Time to restore (median and p90 of the time each incident triggered in the range was open, a reopened one
 * adding its reopened spell: a reopening is the same failure not yet fixed, not a new incident), and failed
 * deployment recovery time: from a deployment an incident is attributed to until that incident is resolved
 * for good, and from a failed deployment until the repository's next successful production deployment.
 */
export function measureTimeToRestore(
  incidents: readonly MetricsIncident[],
  attributions: readonly IncidentAttribution[],
  deployments: readonly CountedDeployment[],
  failedAttempts: readonly FailedAttempt[],
  range: TimeRange,
): TimeToRestore {
  const inRange = (at: Date) => at >= range.from && at < range.to;
  const byKey = new Map(deployments.map((d) => [d.key, d]));
  const attributionOf = new Map(attributions.map((a) => [a.incidentId, a]));
  const items: TimeToRestore['items'] = [];
  const recoveries: TimeToRestore['recoveries'] = [];
  let stillOpen = 0;
  let reopenedCount = 0;
  const sorted = [...incidents].sort((a, b) => compareText(a.incidentId, b.incidentId));
  for (const incident of sorted.filter((i) => inRange(i.triggeredAt))) {
    const { intervals, open, reopened } = openIntervals(incident);
    if (reopened) reopenedCount += 1;
    if (open) {
      stillOpen += 1;
      continue;
    }
    const restoreMs = intervals.reduce(
      (sum, [from, to]) => sum + Math.max(0, to.getTime() - from.getTime()),
      0,
    );
    items.push({ incidentId: incident.incidentId, restoreMs, reopened });
    const deployment = byKey.get(attributionOf.get(incident.incidentId)?.deploymentKey ?? '');
    const resolvedAt = intervals[intervals.length - 1]?.[1];
    if (deployment && resolvedAt) {
      recoveries.push({
        deploymentKey: deployment.key,
        recoveredBy: incident.incidentId,
        recoveryMs: Math.max(0, resolvedAt.getTime() - deployment.at.getTime()),
      });
    }
  }
  // A failed deployment (never succeeded, or its status flipped) recovers at the repository's next success.
  const failedDeployments = [
    ...failedAttempts.map((a) => ({ key: a.key, repo: a.repo, failedAt: a.failedAt })),
    ...deployments.flatMap((d) => (d.failedAt ? [{ key: d.key, repo: d.repo, failedAt: d.failedAt }] : [])),
  ];
  const deploymentsOf = groupBy(deployments, (d) => d.repo);
  for (const failed of failedDeployments.filter((f) => inRange(f.failedAt))) {
    const fix = deploymentsOf.get(failed.repo)?.find((d) => d.at > failed.failedAt);
    if (fix) {
      recoveries.push({
        deploymentKey: failed.key,
        recoveredBy: fix.key,
        recoveryMs: fix.at.getTime() - failed.failedAt.getTime(),
      });
    }
  }
  return {
    mttr: summarizeDurations(items.map((item) => item.restoreMs)),
    stillOpen,
    reopened: reopenedCount,
    failedDeploymentRecovery: summarizeDurations(recoveries.map((r) => r.recoveryMs)),
    items,
    recoveries,
  };
}
