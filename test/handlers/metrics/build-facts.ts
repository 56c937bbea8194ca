import type {
  MetricsCommit,
  MetricsDeployment,
  MetricsIncident,
  MetricsPullRequest,
  MetricsPush,
} from '../../../handlers/metrics/types.ts';

/** Monday 7 September 2026, 00:00 UTC: fixtures count hours from here. */
export const T0 = Date.UTC(2026, 8, 7);
export const HOUR = 3_600_000;
export const at = (hours: number) => new Date(T0 + hours * HOUR);
export const WEEK = { from: at(0), to: at(168) };

export function deployment(
  repo: string,
  deploymentId: number,
  sha: string,
  statuses: [state: string, hours: number][],
  extra: { environment?: string; ref?: string } = {},
): MetricsDeployment {
  return {
    repo,
    deploymentId,
    sha,
    environment: extra.environment ?? 'production',
    ...(extra.ref ? { ref: extra.ref } : {}),
    createdAt: at(statuses[0]?.[1] ?? 0),
    statuses: statuses.map(([state, hours]) => ({ state, at: at(hours) })),
  };
}

export const commit = (sha: string, title: string, authoredHours: number): MetricsCommit => ({
  sha,
  title,
  authoredAt: at(authoredHours),
});

export function push(
  repo: string,
  branch: string,
  before: string,
  after: string,
  hours: number,
  commits: MetricsCommit[],
): MetricsPush {
  return { repo, branch, before, after, pushedAt: at(hours), commits };
}

export function pull(
  repo: string,
  number: number,
  hours: { opened: number; ready?: number; review?: number; merged?: number },
  extra: Partial<MetricsPullRequest> = {},
): MetricsPullRequest {
  return {
    repo,
    number,
    labels: [],
    openedAt: at(hours.opened),
    ...(hours.ready !== undefined ? { readyAt: at(hours.ready) } : {}),
    ...(hours.review !== undefined ? { firstReviewAt: at(hours.review) } : {}),
    ...(hours.merged !== undefined ? { mergedAt: at(hours.merged) } : {}),
    ...extra,
  };
}

export function incident(
  incidentId: string,
  serviceName: string,
  triggeredHours: number,
  resolvedHours?: number,
  extra: Partial<MetricsIncident> = {},
): MetricsIncident {
  return {
    incidentId,
    serviceName,
    triggeredAt: at(triggeredHours),
    ...(resolvedHours !== undefined ? { resolvedAt: at(resolvedHours) } : {}),
    ...extra,
  };
}

/** A seeded Fisher–Yates shuffle (mulberry32), so a failing order reproduces. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
