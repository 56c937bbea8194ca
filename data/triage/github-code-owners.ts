import type { Octokit } from '@octokit/rest';
import { upsertRetryingRace } from '../db/duplicate-key.ts';
import { CODEOWNERS_PATHS, parseCodeOwners, type CodeOwners } from '../../handlers/ask/codeowners.ts';
import type { CodeOwnersSource } from '../../handlers/triage/types.ts';
import type { CodeOwnersFileModel } from '../models/code-owners-file.ts';

export interface GithubCodeOwnersDeps {
  CodeOwnersFile: CodeOwnersFileModel;
  octokit: Octokit;
  /** How long a checked file is trusted before GitHub is asked again (default 10 minutes). */
  maxAgeMs?: number;
  now?: () => Date;
}

const DEFAULT_MAX_AGE_MS = 10 * 60_000;

type Found = { path: string; sha: string; text: string } | null;

/**
 * CODEOWNERS of a repository branch through `repos.getContent`, in GitHub's search order (`.github/`, the root,
 * `docs/`; the first found wins), stored per tenant, repository and branch and checked again after `maxAgeMs`.
 * Parsed rules are kept by blob sha, so an unchanged file is parsed once however often it is checked.
 */
export function createGithubCodeOwners(deps: GithubCodeOwnersDeps): CodeOwnersSource {
  const maxAge = deps.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const now = deps.now ?? (() => new Date());
  const parsedBySha = new Map<string, CodeOwners>();

  async function fetchFile(repoName: string, ref: string | undefined): Promise<Found> {
    const [owner, repo] = repoName.split('/') as [string, string];
    for (const path of CODEOWNERS_PATHS) {
      try {
        const { data } = await deps.octokit.rest.repos.getContent({
          owner,
          repo,
          path,
          ...(ref ? { ref } : {}),
        });
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) continue;
        return { path, sha: data.sha, text: Buffer.from(data.content, 'base64').toString('utf8') };
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
      }
    }
    return null;
  }

  const rulesOf = (sha: string, text: string) => {
    let rules = parsedBySha.get(sha);
    if (!rules) parsedBySha.set(sha, (rules = parseCodeOwners(text)));
    return rules;
  };

  return {
    async codeOwnersOf(tenantId, repo, ref) {
      const branch = ref ?? '';
      const _id = `${tenantId}|${repo}|${branch}`;
      const stored = await deps.CodeOwnersFile.findOne({ tenantId, _id }).lean();
      if (stored && now().getTime() - stored.checkedAt.getTime() < maxAge) {
        return stored.sha && stored.text !== null ? rulesOf(stored.sha, stored.text) : undefined;
      }
      const found = await fetchFile(repo, ref);
      await upsertRetryingRace(() =>
        deps.CodeOwnersFile.updateOne(
          { tenantId, _id },
          {
            $set: {
              repo,
              ref: branch,
              path: found?.path ?? null,
              sha: found?.sha ?? null,
              // The same sha is the same text: keep what is stored rather than rewrite it.
              text: found ? (stored?.sha === found.sha ? stored.text : found.text) : null,
              checkedAt: now(),
            },
          },
          { upsert: true },
        ),
      );
      return found ? rulesOf(found.sha, found.text) : undefined;
    },
  };
}
