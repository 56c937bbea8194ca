import type {
  CompareStatus,
  CountedDeployment,
  MetricsCommit,
  MetricsCompare,
  MetricsPush,
} from './types.ts';

export interface DeploymentCommits {
  deploymentKey: string;
  /** Commits this deployment shipped that the previous one had not, plus the pushes' `after` shas. */
  commits: MetricsCommit[];
  shas: Set<string>;
  /** The chain broke between these shas and no compare result filled it: the next step is a compare call. */
  gap?: { base: string; head: string };
  /** A compare result filled the chain's break: which, and the shas it contributed (for the links' basis). */
  filledBy?: { base: string; head: string; status: CompareStatus; truncated: boolean; shas: Set<string> };
}

/**
 * What each deployment shipped, from the default branch's push chain: walk from the deployed sha back along
 * `after → before` until the previous deployment's sha. A break in the chain (a push not seen) is filled by a
 * compare result for `previous...break`, else reported as a gap. The first deployment of a repository walks
 * back as far as pushes were seen; the history horizon (in lead time) keeps older PRs out of it. A rollback,
 * a redeploy, or a deployment whose sha is an ancestor of the previous one ships nothing new.
 */
export function findDeploymentCommits(
  deployments: readonly CountedDeployment[],
  pushes: readonly MetricsPush[],
  compares: readonly MetricsCompare[],
  defaultBranchOf: (repo: string) => string,
): DeploymentCommits[] {
  const pushByAfter = new Map<string, MetricsPush>();
  for (const push of pushes) {
    if (push.branch !== defaultBranchOf(push.repo)) continue;
    const key = `${push.repo}@${push.after}`;
    const known = pushByAfter.get(key);
    // A force push can land the same `after` twice; the earliest seen push is the one that first made it.
    if (!known || push.pushedAt < known.pushedAt) pushByAfter.set(key, push);
  }
  const compareOf = (repo: string, base: string, head: string) =>
    compares.find((c) => c.repo === repo && c.base === base && c.head === head);
  const deployedBefore = new Map<string, Set<string>>();
  return deployments.map((deployment) => {
    const seen = deployedBefore.get(deployment.repo) ?? new Set<string>();
    const result: DeploymentCommits = { deploymentKey: deployment.key, commits: [], shas: new Set() };
    const listed = new Set<string>();
    const addCommit = (commit: MetricsCommit) => {
      if (listed.has(commit.sha)) return;
      listed.add(commit.sha);
      result.shas.add(commit.sha);
      result.commits.push(commit);
    };
    if (!deployment.rollbackOf && !seen.has(deployment.sha)) {
      const stop = deployment.previousSha;
      let cursor: string | undefined = deployment.sha;
      const visited = new Set<string>();
      while (cursor && cursor !== stop && !visited.has(cursor) && !seen.has(cursor)) {
        visited.add(cursor);
        const push = pushByAfter.get(`${deployment.repo}@${cursor}`);
        if (!push) {
          if (!stop) break;
          const compare = compareOf(deployment.repo, stop, cursor);
          if (compare) {
            const status = compare.status ?? 'ahead';
            const filled = new Set(compare.commits.map((commit) => commit.sha));
            // Behind or identical: `cursor` is already in the previous deployment, nothing new past it.
            if (status === 'ahead' || status === 'diverged') filled.add(cursor);
            for (const commit of compare.commits) addCommit(commit);
            for (const sha of filled) result.shas.add(sha);
            result.filledBy = {
              base: stop,
              head: cursor,
              status,
              truncated: compare.truncated ?? false,
              shas: filled,
            };
          } else result.gap = { base: stop, head: cursor };
          break;
        }
        result.shas.add(push.after);
        for (const commit of push.commits) addCommit(commit);
        cursor = push.before;
      }
    }
    seen.add(deployment.sha);
    deployedBefore.set(deployment.repo, seen);
    return result;
  });
}
