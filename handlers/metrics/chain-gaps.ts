import { findDeploymentCommits } from './contained-commits.ts';
import { countDeployments } from './count-deployments.ts';
import { readDeploymentSignals } from './deployments-from-signals.ts';
import type { MetricsConfig, MetricsInput } from './types.ts';

export interface ChainGap {
  repo: string;
  base: string;
  head: string;
  /** The (first success of the) deployment whose chain broke: when the compare's effects start. */
  deployedAt: Date;
}

/**
 * The breaks in the push chain no compare result fills, newest deployment first: what the compare-gaps job
 * asks GitHub for. The same walk as measureDora's, so a filled gap is one the figures then use.
 */
export function findChainGaps(input: MetricsInput, config: MetricsConfig): ChainGap[] {
  const { deployments } = countDeployments(readDeploymentSignals(input, config), config);
  const byKey = new Map(deployments.map((d) => [d.key, d]));
  const commits = findDeploymentCommits(
    deployments,
    input.pushes,
    input.compares ?? [],
    (repo) => input.defaultBranches?.[repo] ?? 'main',
  );
  return commits
    .flatMap((dc) => {
      const deployment = byKey.get(dc.deploymentKey)!;
      return dc.gap ? [{ repo: deployment.repo, ...dc.gap, deployedAt: deployment.at }] : [];
    })
    .sort((a, b) => b.deployedAt.getTime() - a.deployedAt.getTime());
}
