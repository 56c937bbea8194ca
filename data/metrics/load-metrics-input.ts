import type {
  IncidentStatus,
  MetricsCompare,
  MetricsConfig,
  MetricsDeployment,
  MetricsIncident,
  MetricsInput,
  MetricsPullRequest,
  TimeRange,
} from '../../handlers/metrics/types.ts';
import type { FactModels } from '../models/ingest-models.ts';

const DAY_MS = 24 * 3600 * 1000;
/**
 * How far before a range facts are read: the previous deployment (its sha bounds what the next one shipped), the
 * push chain back to it, the head-branch pushes where a PR's lead time starts, PRs merged before a deployment
 * that shipped them, and the shas deployed before (a rollback). History older than this is as if unseen.
 */
export const LOOKBACK_MS = 90 * DAY_MS;
/**
 * How far after a range facts are read: an incident that names or is blamed on a deployment of the range, a
 * status flip, a resolution, the next deployment that recovers a failed one.
 */
export const LOOKAHEAD_MS = 30 * DAY_MS;

/** Which repositories and services to read; absent: all of the tenant's. */
export interface LoadScope {
  repos?: readonly string[];
  services?: readonly string[];
}

/** The facts a range's exact answer needs: `range` widened by the look-back and look-ahead. */
export function factWindowOf(range: TimeRange): TimeRange {
  return {
    from: new Date(range.from.getTime() - LOOKBACK_MS),
    to: new Date(range.to.getTime() + LOOKAHEAD_MS),
  };
}

/**
 * Facts → MetricsInput for one tenant, bounded to `window` (see factWindowOf). Every query names the tenant and
 * leads with equality filters (tenant, repository, state, kind) that FerretDB v1 pushes down to SQL; time bounds
 * and the rest are filtered after. A deployment's statuses are all those from the window's start on, so a later
 * flip is seen; an incident's status changes likewise.
 */
export async function loadMetricsInput(
  facts: FactModels,
  tenantId: string,
  window: TimeRange,
  config: MetricsConfig,
  scope: LoadScope = {},
): Promise<MetricsInput> {
  const since = { $gte: window.from, $lt: window.to };
  // One query per repository when scoped (equality on repo pushes down; `$in` would scan).
  async function perRepo<T>(read: (filter: Record<string, unknown>) => Promise<T[]>): Promise<T[]> {
    if (!scope.repos) return read({ tenantId });
    const all: T[] = [];
    for (const repo of scope.repos) all.push(...(await read({ tenantId, repo })));
    return all;
  }
  const signals = Object.values(config.deploymentSignal ?? {});
  const [repositories, deployments, statuses, pushes, compares, pulls, releases, runs] = await Promise.all([
    perRepo((filter) => facts.repository.find(filter as never, { repo: 1, defaultBranch: 1 }).lean()),
    perRepo((filter) =>
      facts.deployment
        .find({ ...filter, createdAt: since } as never, {
          repo: 1,
          deploymentId: 1,
          sha: 1,
          ref: 1,
          environment: 1,
          createdAt: 1,
          firstSuccessAt: 1,
          firstFailureAt: 1,
        })
        .lean(),
    ),
    perRepo((filter) =>
      facts.deploymentStatus
        .find({ ...filter, createdAt: { $gte: window.from } } as never, {
          repo: 1,
          deploymentId: 1,
          state: 1,
          createdAt: 1,
        })
        .lean(),
    ),
    perRepo((filter) =>
      facts.push
        .find({ ...filter, pushedAt: since } as never, {
          repo: 1,
          branch: 1,
          before: 1,
          after: 1,
          pushedAt: 1,
          commits: 1,
        })
        .lean(),
    ),
    // The compares the window's deployments needed (a deployment is read by its creation, needed at its success).
    perRepo((filter) =>
      facts.commitCompare
        .find({ ...filter, neededAt: { $gte: window.from } } as never, {
          repo: 1,
          base: 1,
          head: 1,
          status: 1,
          truncated: 1,
          commits: 1,
        })
        .lean(),
    ),
    perRepo((filter) =>
      facts.pullRequest
        .find({ ...filter, state: 'merged', mergedAt: since } as never, {
          repo: 1,
          number: 1,
          title: 1,
          labels: 1,
          headRef: 1,
          headSha: 1,
          mergeCommitSha: 1,
          firstCommitAt: 1,
          openedAt: 1,
          readyAt: 1,
          firstReviewAt: 1,
          mergedAt: 1,
        })
        .lean(),
    ),
    signals.some((signal) => signal.kind === 'release')
      ? perRepo((filter) => facts.release.find({ ...filter, publishedAt: since } as never).lean())
      : Promise.resolve([]),
    signals.some((signal) => signal.kind === 'workflow')
      ? perRepo((filter) =>
          facts.ciRun.find({ ...filter, kind: 'workflow_run', completedAt: since } as never).lean(),
        )
      : Promise.resolve([]),
  ]);
  const statusesOf = new Map<string, { state: string; at: Date }[]>();
  for (const status of statuses) {
    if (status.deploymentId === undefined || !status.state || !status.createdAt) continue;
    const key = `${status.repo}#${status.deploymentId}`;
    const list = statusesOf.get(key) ?? [];
    list.push({ state: status.state, at: status.createdAt });
    statusesOf.set(key, list);
  }
  return {
    deployments: deployments.flatMap((d): MetricsDeployment[] => {
      if (!d.sha || !d.environment) return [];
      // Without status facts (a backfill that read only deployments), the fact's first success or failure.
      const listed = statusesOf.get(`${d.repo}#${d.deploymentId}`) ?? [
        ...(d.firstSuccessAt ? [{ state: 'success', at: d.firstSuccessAt }] : []),
        ...(d.firstFailureAt ? [{ state: 'failure', at: d.firstFailureAt }] : []),
      ];
      const createdAt = d.createdAt ?? listed[0]?.at;
      if (!createdAt) return [];
      return [
        {
          repo: d.repo,
          deploymentId: d.deploymentId,
          sha: d.sha,
          ...(d.ref ? { ref: d.ref } : {}),
          environment: d.environment,
          createdAt,
          statuses: listed,
        },
      ];
    }),
    releases: releases.map((r) => ({
      repo: r.repo,
      releaseId: r.releaseId,
      tag: r.tag ?? '',
      ...(r.sha ? { sha: r.sha } : {}),
      draft: r.draft ?? false,
      prerelease: r.prerelease ?? false,
      ...(r.publishedAt ? { publishedAt: r.publishedAt } : {}),
    })),
    workflowRuns: runs.flatMap((run) =>
      run.repo && run.name && run.headSha
        ? [
            {
              repo: run.repo,
              runId: run.runId,
              name: run.name,
              ...(run.headBranch ? { headBranch: run.headBranch } : {}),
              headSha: run.headSha,
              ...(run.conclusion ? { conclusion: run.conclusion } : {}),
              ...(run.completedAt ? { completedAt: run.completedAt } : {}),
            },
          ]
        : [],
    ),
    pushes: pushes.flatMap((p) =>
      p.pushedAt
        ? [
            {
              repo: p.repo,
              branch: p.branch,
              before: p.before ?? '',
              after: p.after,
              pushedAt: p.pushedAt,
              commits: (p.commits ?? []).map((c) => ({
                sha: c.sha,
                title: c.title,
                authoredAt: c.authoredAt,
              })),
            },
          ]
        : [],
    ),
    compares: compares.flatMap((c): MetricsCompare[] =>
      c.status === 'failed'
        ? []
        : [
            {
              repo: c.repo,
              base: c.base,
              head: c.head,
              status: c.status,
              ...(c.truncated ? { truncated: true } : {}),
              commits: (c.commits ?? []).map((commit) => ({
                sha: commit.sha,
                title: commit.title,
                authoredAt: commit.authoredAt,
              })),
            },
          ],
    ),
    pullRequests: pulls.map((pr): MetricsPullRequest => ({
      repo: pr.repo,
      number: pr.number,
      ...(pr.title ? { title: pr.title } : {}),
      labels: pr.labels ?? [],
      ...(pr.headRef ? { headRef: pr.headRef } : {}),
      ...(pr.headSha ? { headSha: pr.headSha } : {}),
      ...(pr.mergeCommitSha ? { mergeCommitSha: pr.mergeCommitSha } : {}),
      ...(pr.firstCommitAt ? { commitAuthoredTimes: [pr.firstCommitAt] } : {}),
      openedAt: pr.openedAt ?? pr.mergedAt!,
      ...(pr.readyAt ? { readyAt: pr.readyAt } : {}),
      ...(pr.firstReviewAt ? { firstReviewAt: pr.firstReviewAt } : {}),
      mergedAt: pr.mergedAt!,
    })),
    incidents: await loadIncidents(facts, tenantId, window, scope.services),
    defaultBranches: Object.fromEntries(
      repositories.flatMap((r) => (r.defaultBranch ? [[r.repo, r.defaultBranch]] : [])),
    ),
  };
}

/** Incidents triggered in the window (of the given services, by id or name), with their status changes. */
async function loadIncidents(
  facts: FactModels,
  tenantId: string,
  window: TimeRange,
  services: readonly string[] | undefined,
): Promise<MetricsIncident[]> {
  const [incidents, changes] = await Promise.all([
    facts.incident
      .find(
        { tenantId, triggeredAt: { $gte: window.from, $lt: window.to } },
        {
          incidentId: 1,
          title: 1,
          serviceId: 1,
          serviceName: 1,
          triggeredAt: 1,
          resolvedAt: 1,
          names: 1,
        },
      )
      .lean(),
    facts.incidentStatusChange
      .find({ tenantId, at: { $gte: window.from } }, { incidentId: 1, status: 1, at: 1 })
      .lean(),
  ]);
  const wanted = services ? new Set(services.map((service) => service.toLowerCase())) : undefined;
  const changesOf = new Map<string, { status: IncidentStatus; at: Date }[]>();
  for (const change of changes) {
    if (!change.status || !change.at) continue;
    const list = changesOf.get(change.incidentId) ?? [];
    list.push({ status: change.status, at: change.at });
    changesOf.set(change.incidentId, list);
  }
  return incidents.flatMap((incident): MetricsIncident[] => {
    if (!incident.triggeredAt) return [];
    if (
      wanted &&
      !wanted.has(incident.serviceId?.toLowerCase() ?? '') &&
      !wanted.has(incident.serviceName?.toLowerCase() ?? '')
    )
      return [];
    const transitions = (changesOf.get(incident.incidentId) ?? []).sort(
      (a, b) => a.at.getTime() - b.at.getTime(),
    );
    const last = transitions[transitions.length - 1];
    // With a status history, the final resolution is its last change when that is a resolution.
    const resolvedAt =
      transitions.length > 0 ? (last?.status === 'resolved' ? last.at : undefined) : incident.resolvedAt;
    return [
      {
        incidentId: incident.incidentId,
        ...(incident.title ? { title: incident.title } : {}),
        ...(incident.serviceId ? { serviceId: incident.serviceId } : {}),
        ...(incident.serviceName ? { serviceName: incident.serviceName } : {}),
        triggeredAt: incident.triggeredAt,
        ...(resolvedAt ? { resolvedAt } : {}),
        ...(transitions.length > 0 ? { transitions } : {}),
        ...(incident.names?.length
          ? {
              names: incident.names.map((name) => ({
                repo: name.repo,
                ...(name.deploymentId !== undefined && name.deploymentId !== null
                  ? { deploymentId: name.deploymentId }
                  : {}),
                ...(name.prNumber !== undefined && name.prNumber !== null ? { prNumber: name.prNumber } : {}),
              })),
            }
          : {}),
      },
    ];
  });
}
