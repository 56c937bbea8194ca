import type { Octokit } from '@octokit/rest';
import { applyFactWrites } from '../../ingest/apply-fact-writes.ts';
import type { FactModels } from '../../models/ingest-models.ts';
import type { FactWrite } from '../fact-write.ts';
import { factIdOf } from '../merge-fact.ts';

/** pulls.listCommits answers at most 250 commits (3 pages of 100). */
const MAX_COMMIT_PAGES = 3;

export interface DeliveryEnricherDeps {
  facts: FactModels;
  octokit: Octokit;
  log?: { warn(details: object, message: string): void };
}

/**
 * What delivery metrics read beyond the payloads, after facts are applied (the normalizer's `afterApply`, and
 * backfill): a merged pull request's first authored commit time (`pulls.listCommits`, for a lead time whose
 * head-branch pushes were not seen), and a published release's commit (`repos.getCommit` of its tag, when its
 * `target_commitish` names a branch: the branch has moved on since, the tag has not). Each is read once: a fact
 * that has the field is not fetched again, and a failed read waits for the next event about it.
 */
export function createDeliveryEnricher(deps: DeliveryEnricherDeps) {
  const { facts, octokit } = deps;

  async function firstCommitWrite(repo: string, number: number): Promise<FactWrite | undefined> {
    const [owner, name] = repo.split('/') as [string, string];
    let first: number | undefined;
    for (let page = 1; page <= MAX_COMMIT_PAGES; page += 1) {
      const { data } = await octokit.rest.pulls.listCommits({
        owner,
        repo: name,
        pull_number: number,
        per_page: 100,
        page,
      });
      for (const commit of data) {
        const at = Date.parse(commit.commit.author?.date ?? '');
        if (Number.isFinite(at) && (first === undefined || at < first)) first = at;
      }
      if (data.length < 100) break;
    }
    if (first === undefined) return undefined;
    return { kind: 'pullRequest', key: { repo, number }, earliest: { firstCommitAt: new Date(first) } };
  }

  async function releaseShaWrite(repo: string, releaseId: number, tag: string): Promise<FactWrite> {
    const [owner, name] = repo.split('/') as [string, string];
    // A tag name as the ref: GitHub answers the commit it points at, through an annotated tag too.
    const { data } = await octokit.rest.repos.getCommit({ owner, repo: name, ref: tag });
    return { kind: 'release', key: { repo, releaseId }, once: { sha: data.sha } };
  }

  async function tryRead(
    what: string,
    details: object,
    read: () => Promise<FactWrite | undefined>,
  ): Promise<FactWrite | undefined> {
    try {
      return await read();
    } catch (error) {
      deps.log?.warn({ ...details, status: (error as { status?: number }).status }, `could not read ${what}`);
      return undefined;
    }
  }

  return async function enrichDeliveryFacts(tenantId: string, writes: readonly FactWrite[]): Promise<void> {
    const pulls = new Set<string>();
    const releases = new Set<string>();
    for (const write of writes) {
      if (write.kind === 'pullRequest' && write.earliest?.mergedAt) pulls.add(factIdOf(tenantId, write));
      if (write.kind === 'release' && write.snapshot) releases.add(factIdOf(tenantId, write));
    }
    const enrichment: FactWrite[] = [];
    for (const id of pulls) {
      const pull = await facts.pullRequest.findOne({ tenantId, _id: id }).lean();
      if (!pull?.mergedAt || pull.firstCommitAt) continue;
      const write = await tryRead('pull request commits', { repo: pull.repo, number: pull.number }, () =>
        firstCommitWrite(pull.repo, pull.number),
      );
      if (write) enrichment.push(write);
    }
    for (const id of releases) {
      const release = await facts.release.findOne({ tenantId, _id: id }).lean();
      // A draft's tag does not exist until it is published; a deleted release's may be gone.
      if (!release?.tag || release.sha || release.draft || release.deleted) continue;
      const write = await tryRead(
        'release commit',
        { repo: release.repo, releaseId: release.releaseId },
        () => releaseShaWrite(release.repo, release.releaseId, release.tag!),
      );
      if (write) enrichment.push(write);
    }
    if (enrichment.length) await applyFactWrites(facts, tenantId, enrichment);
  };
}

export type EnrichDeliveryFacts = ReturnType<typeof createDeliveryEnricher>;
