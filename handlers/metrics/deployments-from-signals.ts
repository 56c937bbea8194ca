import { settingOfRepo } from './repo-setting.ts';
import type { MetricsConfig, MetricsDeployment, MetricsInput } from './types.ts';

/**
 * The production deployments of every repository, read from the signal its config names (its own, else the
 * tenant's): GitHub deployments (default), published releases (not drafts, not prereleases, with a known sha),
 * or the successful runs of one named workflow on the default branch. A release or run becomes a successful
 * deployment in `production`, with a negative id space of its own so it can never collide with a GitHub
 * deployment id.
 */
export function readDeploymentSignals(input: MetricsInput, config: MetricsConfig): MetricsDeployment[] {
  const signalOf = (repo: string) =>
    settingOfRepo(config.deploymentSignal, repo) ?? { kind: 'deployment' as const };
  const fromDeployments = input.deployments.filter((d) => signalOf(d.repo).kind === 'deployment');
  const fromReleases: MetricsDeployment[] = (input.releases ?? [])
    .filter((r) => signalOf(r.repo).kind === 'release' && !r.draft && !r.prerelease)
    .flatMap((r) =>
      r.sha && r.publishedAt
        ? [
            {
              repo: r.repo,
              deploymentId: -r.releaseId,
              sha: r.sha,
              ref: r.tag,
              environment: 'production',
              createdAt: r.publishedAt,
              statuses: [{ state: 'success', at: r.publishedAt }],
            },
          ]
        : [],
    );
  const fromRuns: MetricsDeployment[] = (input.workflowRuns ?? []).flatMap((run) => {
    const signal = signalOf(run.repo);
    const defaultBranch = input.defaultBranches?.[run.repo] ?? 'main';
    if (signal.kind !== 'workflow' || run.name !== signal.name || !run.completedAt) return [];
    if (run.headBranch !== undefined && run.headBranch !== defaultBranch) return [];
    const state = run.conclusion === 'success' ? 'success' : run.conclusion === 'failure' ? 'failure' : null;
    if (!state) return [];
    return [
      {
        repo: run.repo,
        deploymentId: -run.runId,
        sha: run.headSha,
        ...(run.headBranch ? { ref: run.headBranch } : {}),
        environment: 'production',
        createdAt: run.completedAt,
        statuses: [{ state, at: run.completedAt }],
      },
    ];
  });
  return [...fromDeployments, ...fromReleases, ...fromRuns];
}
