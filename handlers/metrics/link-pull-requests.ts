import type { DeploymentCommits } from './contained-commits.ts';
import type { CountedDeployment, MetricsPullRequest } from './types.ts';

export type LinkMatch = 'merge-sha' | 'head-sha' | 'message';

export interface PullRequestLink {
  repo: string;
  number: number;
  deploymentKey: string;
  matchedBy: LinkMatch;
}

const SQUASH_REF = /\(#(\d+)\)/g;
const MERGE_REF = /^Merge pull request #(\d+)\b/;

/** PR numbers a commit title names: `Title (#123)` (squash) and `Merge pull request #123 from ...` (merge). */
export function pullNumbersIn(title: string): number[] {
  if (/^Revert "/.test(title)) return []; // a revert names the PR it undoes, not one it ships
  const merge = MERGE_REF.exec(title);
  if (merge) return [Number(merge[1])];
  return [...title.matchAll(SQUASH_REF)].map((match) => Number(match[1]));
}

/**
 * Each merged PR tied to the first deployment (oldest first) whose new commits contain it: by its merge commit
 * sha (merge, squash or the last rebased commit), its head sha (a fast-forward), or its number in a commit
 * title. A PR is only tied to a deployment at or after its merge.
 */
export function linkPullRequests(
  pullRequests: readonly MetricsPullRequest[],
  deployments: readonly CountedDeployment[],
  deploymentCommits: readonly DeploymentCommits[],
): PullRequestLink[] {
  const commitsByKey = new Map(deploymentCommits.map((dc) => [dc.deploymentKey, dc]));
  // Merged PRs not linked yet, per repository: each deployment only looks at its own repository's.
  const waitingByRepo = new Map<string, Map<number, MetricsPullRequest>>();
  for (const pr of pullRequests) {
    if (!pr.mergedAt) continue;
    const waiting = waitingByRepo.get(pr.repo) ?? new Map<number, MetricsPullRequest>();
    waiting.set(pr.number, pr);
    waitingByRepo.set(pr.repo, waiting);
  }
  const links: PullRequestLink[] = [];
  for (const deployment of deployments) {
    const shipped = commitsByKey.get(deployment.key);
    const waiting = waitingByRepo.get(deployment.repo);
    if (!shipped || !waiting || shipped.commits.length === 0) continue;
    const named = new Set(shipped.commits.flatMap((commit) => pullNumbersIn(commit.title)));
    for (const [number, pr] of waiting) {
      if (pr.mergedAt! > deployment.at) continue;
      const matchedBy: LinkMatch | undefined =
        pr.mergeCommitSha && shipped.shas.has(pr.mergeCommitSha)
          ? 'merge-sha'
          : pr.headSha && shipped.shas.has(pr.headSha)
            ? 'head-sha'
            : named.has(pr.number)
              ? 'message'
              : undefined;
      if (!matchedBy) continue;
      links.push({ repo: pr.repo, number: pr.number, deploymentKey: deployment.key, matchedBy });
      waiting.delete(number);
    }
  }
  return links.sort((a, b) => a.repo.localeCompare(b.repo) || a.number - b.number);
}
