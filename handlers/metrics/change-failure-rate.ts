import { coverageOf } from './coverage.ts';
import type { IncidentAttribution } from './attribute-incidents.ts';
import type { CountedDeployment, Coverage, FailedAttempt, MetricsIncident, TimeRange } from './types.ts';

export type FailureCause = 'incident' | 'status-flip' | 'failed-attempt';

export interface ChangeFailureRate {
  /** failed ÷ deployments, or null without deployments. */
  rate: number | null;
  deployments: number;
  failed: number;
  /** The deployments behind the failed count, each with what made it failed. */
  failures: { deploymentKey: string; causes: FailureCause[]; incidentIds: string[] }[];
  /** Incidents triggered in the range tied to a deployment. */
  incidentCoverage: Coverage;
  /** Shown apart, never dropped or blamed. */
  unattributed: { incidentId: string; reason: string }[];
}

/**
 * Change failure rate over the range: the successful production deployments (each counted once) and the
 * failed attempts, of which failed are those an incident is attributed to (whenever it was triggered: a
 * deployment at the end of the range that fails the next day failed), those whose status later turned
 * failure/error, and the failed attempts themselves. Every count belongs to one deployment's day, so days
 * add up to weeks (rollups); incident coverage belongs to the incidents' trigger days.
 */
export function measureChangeFailureRate(
  deployments: readonly CountedDeployment[],
  failedAttempts: readonly FailedAttempt[],
  incidents: readonly MetricsIncident[],
  attributions: readonly IncidentAttribution[],
  range: TimeRange,
): ChangeFailureRate {
  const inRange = (at: Date) => at >= range.from && at < range.to;
  const counted = deployments.filter((d) => inRange(d.at));
  const attempts = failedAttempts.filter((a) => inRange(a.failedAt));
  const incidentsInRange = new Set(incidents.filter((i) => inRange(i.triggeredAt)).map((i) => i.incidentId));
  const byDeployment = new Map<string, string[]>();
  for (const attribution of attributions) {
    if (!attribution.deploymentKey) continue;
    byDeployment.set(attribution.deploymentKey, [
      ...(byDeployment.get(attribution.deploymentKey) ?? []),
      attribution.incidentId,
    ]);
  }
  const failures: ChangeFailureRate['failures'] = [];
  for (const deployment of counted) {
    const incidentIds = (byDeployment.get(deployment.key) ?? []).sort();
    const causes: FailureCause[] = [
      ...(incidentIds.length > 0 ? (['incident'] as const) : []),
      ...(deployment.failedAt ? (['status-flip'] as const) : []),
    ];
    if (causes.length > 0) failures.push({ deploymentKey: deployment.key, causes, incidentIds });
  }
  for (const attempt of attempts) {
    failures.push({ deploymentKey: attempt.key, causes: ['failed-attempt'], incidentIds: [] });
  }
  const total = counted.length + attempts.length;
  const inRangeAttributions = attributions.filter((a) => incidentsInRange.has(a.incidentId));
  return {
    rate: total === 0 ? null : failures.length / total,
    deployments: total,
    failed: failures.length,
    failures,
    incidentCoverage: coverageOf(
      inRangeAttributions.filter((a) => a.deploymentKey).length,
      inRangeAttributions.length,
    ),
    unattributed: inRangeAttributions.flatMap((a) =>
      'reason' in a ? [{ incidentId: a.incidentId, reason: a.reason }] : [],
    ),
  };
}
