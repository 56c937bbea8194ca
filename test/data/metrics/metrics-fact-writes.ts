import type { MetricsInput } from '../../../handlers/metrics/types.ts';
import type { FactWrite } from '../../../data/sources/fact-write.ts';

/**
 * The fact writes that ingestion makes for an engine fixture (handlers' MetricsInput): repositories,
 * deployments and their statuses, pushes, merged PRs, incidents and their status changes, one write per event as
 * webhooks deliver them, so a test can apply them in any order and in batches.
 */
export function metricsFactWrites(input: MetricsInput): FactWrite[] {
  const writes: FactWrite[] = [];
  const repos = new Set([
    ...input.deployments.map((d) => d.repo),
    ...input.pullRequests.map((pr) => pr.repo),
    ...input.pushes.map((p) => p.repo),
  ]);
  for (const repo of repos)
    writes.push({
      kind: 'repository',
      key: { repo },
      once: { provider: 'github' },
      snapshot: { version: 1, fields: { defaultBranch: input.defaultBranches?.[repo] ?? 'main' } },
    });
  for (const d of input.deployments) {
    const deployment = {
      kind: 'deployment' as const,
      key: { repo: d.repo, deploymentId: d.deploymentId },
      once: {
        sha: d.sha,
        environment: d.environment,
        createdAt: d.createdAt,
        ...(d.ref ? { ref: d.ref } : {}),
      },
    };
    writes.push(deployment);
    d.statuses.forEach((status, i) => {
      writes.push(
        {
          ...deployment,
          earliest: {
            firstSuccessAt: status.state === 'success' ? status.at : undefined,
            firstFailureAt: status.state === 'failure' || status.state === 'error' ? status.at : undefined,
          },
        },
        {
          kind: 'deploymentStatus',
          key: { repo: d.repo, statusId: d.deploymentId * 10 + i },
          once: {
            deploymentId: d.deploymentId,
            state: status.state,
            environment: d.environment,
            createdAt: status.at,
          },
        },
      );
    });
  }
  for (const p of input.pushes)
    writes.push({
      kind: 'push',
      key: { repo: p.repo, branch: p.branch, after: p.after },
      once: { before: p.before, pushedAt: p.pushedAt, commits: p.commits },
    });
  for (const pr of input.pullRequests) {
    if (!pr.mergedAt) continue;
    const key = { repo: pr.repo, number: pr.number };
    // Every PR payload carries its head, as GitHub's do: snapshots are applied newest-wins.
    const head = {
      ...(pr.headRef ? { headRef: pr.headRef } : {}),
      ...(pr.headSha ? { headSha: pr.headSha } : {}),
    };
    writes.push(
      {
        kind: 'pullRequest',
        key,
        earliest: { openedAt: pr.openedAt, readyAt: pr.readyAt },
        snapshot: {
          version: pr.openedAt.getTime() * 10,
          fields: { state: 'open', labels: pr.labels, ...head },
        },
      },
      ...(pr.firstReviewAt
        ? [{ kind: 'pullRequest' as const, key, earliest: { firstReviewAt: pr.firstReviewAt } }]
        : []),
      {
        kind: 'pullRequest',
        key,
        earliest: { openedAt: pr.openedAt, mergedAt: pr.mergedAt },
        snapshot: {
          version: pr.mergedAt.getTime() * 10 + 2,
          fields: {
            state: 'merged',
            labels: pr.labels,
            ...head,
            ...(pr.title ? { title: pr.title } : {}),
            ...(pr.mergeCommitSha ? { mergeCommitSha: pr.mergeCommitSha } : {}),
          },
        },
      },
    );
  }
  for (const incident of input.incidents) {
    const key = { incidentId: incident.incidentId };
    writes.push({
      kind: 'incident',
      key,
      once: {
        ...(incident.serviceId ? { serviceId: incident.serviceId } : {}),
        ...(incident.serviceName ? { serviceName: incident.serviceName } : {}),
        ...(incident.names ? { names: incident.names } : {}),
      },
      earliest: { triggeredAt: incident.triggeredAt },
      snapshot: { version: incident.triggeredAt.getTime() * 10, fields: { status: 'triggered' } },
    });
    if (incident.resolvedAt)
      writes.push({
        kind: 'incident',
        key,
        earliest: { triggeredAt: incident.triggeredAt, resolvedAt: incident.resolvedAt },
      });
    (incident.transitions ?? []).forEach((transition, i) =>
      writes.push({
        kind: 'incidentStatusChange',
        key: { incidentId: incident.incidentId, changeId: `${incident.incidentId}-${i}` },
        once: { status: transition.status, at: transition.at },
      }),
    );
  }
  return writes;
}
