import type { Octokit } from '@octokit/rest';
import { CODEOWNERS_PATHS, parseCodeOwners, type CodeOwners } from '../../../handlers/ask/codeowners.ts';
import { DOC_EXTENSIONS, titleOf, type DocumentSource, type SourceEntry } from './types.ts';

export interface GitHubRepoRef {
  owner: string;
  repo: string;
  /** A branch, tag or sha; the default branch when absent. */
  ref?: string;
}

/** `owner/repo` or `owner/repo@ref`. */
export function parseRepoRef(text: string): GitHubRepoRef | undefined {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)(?:@(\S+))?$/.exec(text.trim());
  return match ? { owner: match[1]!, repo: match[2]!, ref: match[3] } : undefined;
}

/** READMEs anywhere, everything under docs/ or doc/, runbooks and ADRs: the team's written knowledge. */
export function isDocPath(path: string): boolean {
  if (!DOC_EXTENSIONS.test(path)) return false;
  const lower = path.toLowerCase();
  const name = lower.split('/').pop()!;
  return (
    name.startsWith('readme') ||
    /(^|\/)docs?\//.test(lower) ||
    /(^|\/)runbooks?(\/|[-_.])/.test(lower) ||
    /(^|\/)(adrs?|decisions)\//.test(lower) ||
    /(^|\/)adr[-_]?\d+/.test(lower)
  );
}

/**
 * Markdown and text from one GitHub repository through the REST API (GITHUB_API_URL for Enterprise or the
 * tests' fake): the git tree gives every path with its blob sha, so unchanged files cost no further request;
 * changed files are read as blobs, and their authors come from the commits API.
 */
export function gitHubRepoSource(octokit: Octokit, ref: GitHubRepoRef): DocumentSource {
  const { owner, repo } = ref;
  /** The commit list() saw: reads and links pin it, so a citation keeps pointing at the lines it quoted. */
  let head: { sha: string; htmlUrl: string; owners?: CodeOwners } | undefined;

  const load = async () => {
    const { data: repository } = await octokit.repos.get({ owner, repo });
    const branch = ref.ref ?? repository.default_branch;
    const { data: commit } = await octokit.repos.getCommit({ owner, repo, ref: branch });
    return { sha: commit.sha, htmlUrl: repository.html_url, tree: commit.commit.tree.sha };
  };

  return {
    id: `github:${owner}/${repo}`,
    async list(): Promise<SourceEntry[]> {
      const commit = await load();
      const { data: tree } = await octokit.git.getTree({
        owner,
        repo,
        tree_sha: commit.tree,
        recursive: 'true',
      });
      const blobs = tree.tree.filter((item) => item.type === 'blob' && item.path && item.sha);
      const codeOwnersBlob = CODEOWNERS_PATHS.map((candidate) =>
        blobs.find((item) => item.path === candidate),
      ).find(Boolean);
      let owners: CodeOwners | undefined;
      if (codeOwnersBlob?.sha)
        owners = parseCodeOwners(await readBlob(octokit, owner, repo, codeOwnersBlob.sha));
      head = { sha: commit.sha, htmlUrl: commit.htmlUrl, owners };
      return blobs
        .filter((item) => isDocPath(item.path!))
        .map((item) => ({ path: item.path!, version: item.sha! }));
    },
    async read(entry) {
      if (!head) {
        const commit = await load();
        head = { sha: commit.sha, htmlUrl: commit.htmlUrl };
      }
      const known = head;
      const text = await readBlob(octokit, owner, repo, entry.version);
      const { data: commits } = await octokit.repos.listCommits({
        owner,
        repo,
        sha: known.sha,
        path: entry.path,
        per_page: 30,
      });
      const counts = new Map<string, number>();
      for (const commit of commits) {
        const who = commit.author?.login ? `@${commit.author.login}` : commit.commit.author?.name;
        if (who) counts.set(who, (counts.get(who) ?? 0) + 1);
      }
      const newest = commits[0]?.commit.committer?.date ?? commits[0]?.commit.author?.date;
      return {
        path: entry.path,
        title: titleOf(entry.path, text),
        text,
        updatedAt: newest ? new Date(newest) : new Date(),
        owners: known.owners?.ownersOf(entry.path) ?? [],
        authors: [...counts].sort((a, b) => b[1] - a[1]).map(([who]) => who),
      };
    },
    lineUrl(path, startLine, endLine) {
      const base = head?.htmlUrl ?? `https://github.com/${owner}/${repo}`;
      return `${base}/blob/${head?.sha ?? ref.ref ?? 'HEAD'}/${path}#L${startLine}-L${endLine}`;
    },
  };
}

async function readBlob(octokit: Octokit, owner: string, repo: string, sha: string): Promise<string> {
  const { data } = await octokit.git.getBlob({ owner, repo, file_sha: sha });
  return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
}
