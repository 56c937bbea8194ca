import type { DoraRollup, RollupCount, RollupHistogram } from './dora-rollup.ts';
import { bucketIndexOf } from './log-histogram.ts';
import type { DoraAnswer } from './measure-dora.ts';
import { openIntervals } from './time-to-restore.ts';
import type { MetricsIncident } from './types.ts';

export type RollupScopeKind = 'repo' | 'service';

/** One scope's additive numbers for one UTC day (`YYYY-MM-DD`). */
export interface ScopedDayRollup {
  kind: RollupScopeKind;
  scope: string;
  day: string;
  rollup: DoraRollup;
}

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const repoOfKey = (key: string) => key.slice(0, key.lastIndexOf('#'));

/** The rollup scope of an incident: its PagerDuty service id, else its service name. */
export function serviceScopeOf(incident: Pick<MetricsIncident, 'serviceId' | 'serviceName'>): string {
  return incident.serviceId ?? incident.serviceName ?? '(no service)';
}

export function emptyRollup(): DoraRollup {
  return {
    counts: {
      deployments: 0,
      deploymentDays: 0,
      cfrDeployments: 0,
      failedDeployments: 0,
      reworkDeployments: 0,
      linkedPrs: 0,
      unlinkedPrs: 0,
      leftOutBeforeFirstDeployment: 0,
      leftOutBeforeCutoff: 0,
      incidents: 0,
      attributedIncidents: 0,
      openIncidents: 0,
      reopenedIncidents: 0,
    },
    hist: {
      leadTime: {},
      openedToDeploy: {},
      coding: {},
      pickup: {},
      review: {},
      deploy: {},
      restore: {},
      recovery: {},
    },
  };
}

/**
 * An exact answer over a span of whole days, split into daily rollups per repository and per service: each
 * count and duration goes to the scope and day of its anchor (as `summarizeForRollup` counts them for a day).
 * Deployments, PRs, failures, rework and recoveries belong to the deployment's repository; incidents and
 * their time to restore to the incident's service. So a team (its repositories and their services) or the
 * tenant adds scopes up without counting anything twice. Deployment days are 1 per repository and day; a
 * reader adding repositories counts a day once (see `deploymentDays` in data/metrics/).
 */
export function splitRollupsByDay(
  answer: DoraAnswer,
  incidents: readonly MetricsIncident[],
): ScopedDayRollup[] {
  const { from, to } = answer.range;
  const inRange = (at: Date) => at >= from && at < to;
  const rollups = new Map<string, ScopedDayRollup>();
  const rollupOf = (kind: RollupScopeKind, scope: string, at: Date) => {
    const day = dayOf(at);
    const id = `${kind}\u0000${scope}\u0000${day}`;
    let found = rollups.get(id);
    if (!found) rollups.set(id, (found = { kind, scope, day, rollup: emptyRollup() }));
    return found.rollup;
  };
  const count = (kind: RollupScopeKind, scope: string, at: Date, name: RollupCount, by = 1) => {
    rollupOf(kind, scope, at).counts[name] += by;
  };
  const add = (repo: string, at: Date, name: RollupHistogram, value: number | undefined) => {
    if (value === undefined) return;
    const histogram = rollupOf('repo', repo, at).hist[name];
    const bucket = String(bucketIndexOf(value));
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
  };
  const { counted } = answer.basis;
  // The time each deployment (counted, or failed attempt) belongs to.
  const anchorOf = new Map<string, Date>();
  for (const attempt of counted.failedAttempts) anchorOf.set(attempt.key, attempt.failedAt);
  for (const deployment of counted.deployments) anchorOf.set(deployment.key, deployment.at);
  const failedAtOf = new Map<string, Date>(counted.failedAttempts.map((a) => [a.key, a.failedAt]));
  for (const deployment of counted.deployments)
    if (deployment.failedAt) failedAtOf.set(deployment.key, deployment.failedAt);

  for (const deployment of counted.deployments.filter((d) => inRange(d.at))) {
    const rollup = rollupOf('repo', deployment.repo, deployment.at);
    rollup.counts.deployments += 1;
    rollup.counts.deploymentDays = 1;
    rollup.counts.cfrDeployments += 1;
  }
  for (const attempt of counted.failedAttempts.filter((a) => inRange(a.failedAt)))
    count('repo', attempt.repo, attempt.failedAt, 'cfrDeployments');
  for (const failure of answer.changeFailureRate.failures)
    count(
      'repo',
      repoOfKey(failure.deploymentKey),
      anchorOf.get(failure.deploymentKey)!,
      'failedDeployments',
    );
  for (const item of answer.reworkRate.items)
    count('repo', repoOfKey(item.deploymentKey), anchorOf.get(item.deploymentKey)!, 'reworkDeployments');

  const { leadTime } = answer;
  for (const item of leadTime.items) {
    count('repo', item.repo, item.deployedAt, 'linkedPrs');
    add(item.repo, item.deployedAt, 'leadTime', item.leadTimeMs);
    add(item.repo, item.deployedAt, 'openedToDeploy', item.openedToDeployMs);
    add(item.repo, item.deployedAt, 'coding', item.phases.codingMs);
    add(item.repo, item.deployedAt, 'pickup', item.phases.pickupMs);
    add(item.repo, item.deployedAt, 'review', item.phases.reviewMs);
    add(item.repo, item.deployedAt, 'deploy', item.phases.deployMs);
  }
  for (const pr of leadTime.unlinked) count('repo', pr.repo, pr.mergedAt, 'unlinkedPrs');
  for (const pr of leadTime.leftOutItems) {
    const name =
      pr.reason === 'beforeFirstDeployment' ? 'leftOutBeforeFirstDeployment' : 'leftOutBeforeCutoff';
    count('repo', pr.repo, pr.at, name);
  }

  const incidentOf = new Map(incidents.map((incident) => [incident.incidentId, incident]));
  for (const attribution of answer.basis.attributions) {
    const incident = incidentOf.get(attribution.incidentId);
    if (!incident || !inRange(incident.triggeredAt)) continue;
    const service = serviceScopeOf(incident);
    count('service', service, incident.triggeredAt, 'incidents');
    if (attribution.deploymentKey) count('service', service, incident.triggeredAt, 'attributedIncidents');
    const { open, reopened } = openIntervals(incident);
    if (open) count('service', service, incident.triggeredAt, 'openIncidents');
    if (reopened) count('service', service, incident.triggeredAt, 'reopenedIncidents');
  }
  for (const item of answer.timeToRestore.items) {
    const incident = incidentOf.get(item.incidentId)!;
    const histogram = rollupOf('service', serviceScopeOf(incident), incident.triggeredAt).hist.restore;
    const bucket = String(bucketIndexOf(item.restoreMs));
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
  }
  for (const recovery of answer.timeToRestore.recoveries) {
    // From an incident: the incident's trigger; from a failed deployment: when it failed.
    const at = incidentOf.get(recovery.recoveredBy)?.triggeredAt ?? failedAtOf.get(recovery.deploymentKey)!;
    add(repoOfKey(recovery.deploymentKey), at, 'recovery', recovery.recoveryMs);
  }
  return [...rollups.values()];
}
