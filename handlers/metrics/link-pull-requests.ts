import type { DeploymentCommits } from './contained-commits.ts';
import type { CompareStatus, CountedDeployment, MetricsPullRequest } from './types.ts';
import { compareText } from './compare-text.ts';

export type LinkMatch = 'merge-sha' | 'head-sha' | 'message';

export interface PullRequestLink {
  repo: string;
  number: number;
  deploymentKey: string;
  matchedBy: LinkMatch;
  /** The matched commit came from a compare result that filled a break in the push chain, not from a push. */
  filledBy?: { base: string; head: string; status: CompareStatus; truncated: boolean };
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
  // Merged PRs by what a deployment's commits can show of them: merge sha, head sha, number.
  const bySha = new Map<string, MetricsPullRequest[]>();
  const byNumber = new Map<string, MetricsPullRequest>();
  const index = (key: string, pr: MetricsPullRequest) => {
    const known = bySha.get(key);
    if (known) known.push(pr);
    else bySha.set(key, [pr]);
  };
  for (const pr of pullRequests) {
    if (!pr.mergedAt) continue;
    if (pr.mergeCommitSha) index(`${pr.repo}@${pr.mergeCommitSha}`, pr);
    if (pr.headSha && pr.headSha !== pr.mergeCommitSha) index(`${pr.repo}@${pr.headSha}`, pr);
    byNumber.set(`${pr.repo}#${pr.number}`, pr);
  }
  const linked = new Set<string>();
  const links: PullRequestLink[] = [];
  for (const deployment of deployments) {
    const shipped = commitsByKey.get(deployment.key);
    if (!shipped || shipped.shas.size === 0) continue;
    const candidates = new Set<MetricsPullRequest>();
    for (const sha of shipped.shas)
      for (const pr of bySha.get(`${deployment.repo}@${sha}`) ?? []) candidates.add(pr);
    const named = new Set(shipped.commits.flatMap((commit) => pullNumbersIn(commit.title)));
    for (const number of named) {
      const pr = byNumber.get(`${deployment.repo}#${number}`);
      if (pr) candidates.add(pr);
    }
    for (const pr of candidates) {
      const id = `${pr.repo}#${pr.number}`;
      if (linked.has(id) || pr.mergedAt! > deployment.at) continue;
      const matchedBy: LinkMatch =
        pr.mergeCommitSha && shipped.shas.has(pr.mergeCommitSha)
          ? 'merge-sha'
          : pr.headSha && shipped.shas.has(pr.headSha)
            ? 'head-sha'
            : 'message';
      const filled = shipped.filledBy;
      const viaCompare =
        filled &&
        (matchedBy === 'merge-sha'
          ? filled.shas.has(pr.mergeCommitSha!)
          : matchedBy === 'head-sha'
            ? filled.shas.has(pr.headSha!)
            : shipped.commits.some(
                (commit) => filled.shas.has(commit.sha) && pullNumbersIn(commit.title).includes(pr.number),
              ));
      links.push({
        repo: pr.repo,
        number: pr.number,
        deploymentKey: deployment.key,
        matchedBy,
        ...(viaCompare
          ? {
              filledBy: {
                base: filled.base,
                head: filled.head,
                status: filled.status,
                truncated: filled.truncated,
              },
            }
          : {}),
      });
      linked.add(id);
    }
  }
  return links.sort((a, b) => compareText(a.repo, b.repo) || a.number - b.number);
}
