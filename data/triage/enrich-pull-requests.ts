import type { Octokit } from '@octokit/rest';
import { applyFactWrites } from '../ingest/apply-fact-writes.ts';
import type { FactModels } from '../models/ingest-models.ts';
import type { FactWrite } from '../sources/fact-write.ts';
import { factIdOf } from '../sources/merge-fact.ts';
import { headChecksOf } from './head-checks.ts';

/** GitHub answers at most 3,000 files for a pull request (30 pages of 100). */
const MAX_FILE_PAGES = 30;

export interface PullEnricherDeps {
  facts: FactModels;
  /** Absent (no GitHub token): only the check status, which the ingested runs give, is derived. */
  octokit?: Octokit;
  log?: { warn(details: object, message: string): void };
}

type PullFact = {
  repo: string;
  number: number;
  author?: string;
  headSha?: string;
  enrichedSha?: string;
  state?: string;
};

/**
 * What triage reads beyond the webhook payloads, after facts are applied (the normalizer's `afterApply`, and
 * backfill): for a pull request whose head moved (opened, reopened, synchronised, or first backfilled), its
 * files (`pulls.listFiles`), mergeable state (`pulls.get`) and head commit time (`git.getCommit`), once per
 * head sha; for every pull request whose head got a check run or workflow run, the head's combined check
 * status; and its reviews, copied onto it when a review or the PR arrives. Idempotent: a head already enriched is not fetched again, and unchanged facts are not written.
 */
export function createPullRequestEnricher(deps: PullEnricherDeps) {
  const { facts } = deps;

  async function checksWrites(tenantId: string, pulls: readonly PullFact[]): Promise<FactWrite[]> {
    const writes: FactWrite[] = [];
    for (const pull of pulls) {
      if (!pull.headSha) continue;
      const runs = await facts.ciRun.find({ tenantId, headSha: pull.headSha }).lean();
      const checks = headChecksOf(runs.filter((run) => !run.repo || run.repo === pull.repo));
      if (checks) {
        writes.push({
          kind: 'pullRequest',
          key: { repo: pull.repo, number: pull.number },
          // Null clears an earlier failure time once the head is green again.
          set: { checks: checks.checks, checksFailedAt: checks.checksFailedAt ?? null },
        });
      }
    }
    return writes;
  }

  /** The PR's reviews by others, oldest first, copied onto it so triage reads one collection. */
  async function reviewsWrite(tenantId: string, pull: PullFact): Promise<FactWrite> {
    const reviews = await facts.review.find({ tenantId, repo: pull.repo, prNumber: pull.number }).lean();
    const history = reviews
      .filter((review) => review.author && review.author !== pull.author && review.submittedAt)
      .filter((review) => review.state && review.state !== 'pending')
      .map((review) => ({
        reviewer: review.author!,
        state: review.state!,
        at: review.submittedAt!,
        ...(review.commitId ? { commitId: review.commitId } : {}),
      }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.reviewer.localeCompare(b.reviewer));
    return {
      kind: 'pullRequest',
      key: { repo: pull.repo, number: pull.number },
      set: { reviewHistory: history },
    };
  }

  async function headWrite(pull: PullFact): Promise<FactWrite> {
    const octokit = deps.octokit!;
    const [owner, repo] = pull.repo.split('/') as [string, string];
    const { data: current } = await octokit.rest.pulls.get({ owner, repo, pull_number: pull.number });
    const files: string[] = [];
    for (let page = 1; page <= MAX_FILE_PAGES; page += 1) {
      const { data } = await octokit.rest.pulls.listFiles({
        owner,
        repo,
        pull_number: pull.number,
        per_page: 100,
        page,
      });
      files.push(...data.map((file) => file.filename));
      if (data.length < 100) break;
    }
    const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: current.head.sha });
    const mergeable =
      current.mergeable === false || current.mergeable_state === 'dirty'
        ? 'conflicting'
        : current.mergeable === true
          ? 'clean'
          : 'unknown';
    return {
      kind: 'pullRequest',
      key: { repo: pull.repo, number: pull.number },
      // The head GitHub answered for: files are listed for it even when an event about it is still on its way.
      set: {
        files: [...new Set(files)].sort(),
        enrichedSha: current.head.sha,
        mergeable,
        lastCommitAt: commit.committer?.date ? new Date(commit.committer.date) : undefined,
      },
    };
  }

  return async function enrichPullRequests(tenantId: string, writes: readonly FactWrite[]): Promise<void> {
    const pullIds = new Set<string>();
    const heads = new Set<string>();
    for (const write of writes) {
      if (write.kind === 'pullRequest' && write.snapshot) pullIds.add(factIdOf(tenantId, write));
      const prNumber = write.kind === 'review' ? write.once?.prNumber : undefined;
      if (typeof prNumber === 'number') {
        pullIds.add(factIdOf(tenantId, { key: { repo: String(write.key.repo), number: prNumber } }));
      }
      const headSha = write.kind === 'ciRun' ? write.once?.headSha : undefined;
      if (typeof headSha === 'string') heads.add(headSha);
    }
    const pulls: PullFact[] = [];
    const enrichment: FactWrite[] = [];
    for (const id of pullIds) {
      const pull = await facts.pullRequest.findOne({ tenantId, _id: id }).lean();
      if (!pull) continue;
      pulls.push(pull);
      // A PR first seen after its reviews (backfill, or events out of order) copies them too.
      enrichment.push(await reviewsWrite(tenantId, pull));
    }
    const seen = new Set(pulls.map((pull) => `${pull.repo}#${pull.number}`));
    for (const headSha of heads) {
      for (const pull of await facts.pullRequest.find({ tenantId, headSha }).lean()) {
        if (!seen.has(`${pull.repo}#${pull.number}`)) pulls.push(pull);
        seen.add(`${pull.repo}#${pull.number}`);
      }
    }
    enrichment.push(...(await checksWrites(tenantId, pulls)));
    if (deps.octokit) {
      for (const pull of pulls) {
        if (pull.state !== 'open' || !pull.headSha || pull.enrichedSha === pull.headSha) continue;
        try {
          enrichment.push(await headWrite(pull));
        } catch (error) {
          // Left for the next event on this PR; the facts from the payload stand meanwhile.
          const status = (error as { status?: number }).status;
          deps.log?.warn(
            { repo: pull.repo, number: pull.number, status },
            'could not read pull request files',
          );
        }
      }
    }
    if (enrichment.length) await applyFactWrites(facts, tenantId, enrichment);
  };
}

/** The enricher's signature, as the normalizer's `afterApply` and backfill call it. */
export type EnrichPullRequests = ReturnType<typeof createPullRequestEnricher>;
