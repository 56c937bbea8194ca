import type { MetricsInput } from '../../handlers/metrics/types.ts';
import type { GithubRepoData } from '../fakes/github-rest-api.ts';
import { at, HOUR } from '../handlers/metrics/build-facts.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GitHub JSON

/** A REST commit object as GitHub's compare and commit listings answer it, authored and committed at `hours`. */
export function restCommit(
  repo: string,
  sha: string,
  parent: string | undefined,
  message: string,
  hours: number,
): Json {
  const date = at(hours).toISOString();
  return {
    sha,
    node_id: `C_${sha.slice(0, 8)}`,
    commit: {
      author: { name: 'Ada Person', email: 'ada@acme.test', date },
      committer: { name: 'GitHub', email: 'noreply@github.com', date },
      message,
      tree: { sha: `tree-${sha}`, url: `https://api.github.com/repos/${repo}/git/trees/tree-${sha}` },
      url: `https://api.github.com/repos/${repo}/git/commits/${sha}`,
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
    },
    url: `https://api.github.com/repos/${repo}/commits/${sha}`,
    html_url: `https://github.com/${repo}/commit/${sha}`,
    comments_url: `https://api.github.com/repos/${repo}/commits/${sha}/comments`,
    author: { login: 'ada', id: 1, type: 'User' },
    committer: { login: 'web-flow', id: 2, type: 'User' },
    parents: parent
      ? [
          {
            sha: parent,
            url: `https://api.github.com/repos/${repo}/commits/${parent}`,
            html_url: `https://github.com/${repo}/commit/${parent}`,
          },
        ]
      : [],
  };
}

/** A fake repository holding `commits` and nothing else. */
export function commitsOnlyRepo(repo: string, commits: Json[]): GithubRepoData {
  return {
    repository: { id: 1, name: repo.split('/')[1], full_name: repo, default_branch: 'main' },
    pulls: [],
    reviews: new Map(),
    commits,
    deployments: [],
    statuses: new Map(),
    runs: [],
    releases: [],
  };
}

/**
 * The default-branch history generateOrg builds, per repository: the squash chain `r-root ← r-1 ← r-2 …`
 * (`Change n (#n)`, committed when PR n merged), so the GitHub fake can answer compares across its missed pushes.
 */
export function generatedOrgHistory(org: MetricsInput): Map<string, GithubRepoData> {
  const repos = new Map<string, GithubRepoData>();
  for (const repo of new Set(org.pullRequests.map((pr) => pr.repo))) {
    const r = repo.replace('acme/svc', '');
    const commits = [restCommit(repo, `${r}-root`, undefined, 'Root', -100)];
    for (const pr of org.pullRequests.filter((p) => p.repo === repo).sort((a, b) => a.number - b.number))
      commits.push(
        restCommit(
          repo,
          `${r}-${pr.number}`,
          pr.number === 1 ? `${r}-root` : `${r}-${pr.number - 1}`,
          `Change ${pr.number} (#${pr.number})`,
          (pr.mergedAt!.getTime() - at(0).getTime()) / HOUR,
        ),
      );
    repos.set(repo, commitsOnlyRepo(repo, commits));
  }
  return repos;
}
