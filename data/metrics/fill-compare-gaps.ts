import type { Octokit } from '@octokit/rest';
import { findChainGaps, type ChainGap } from '../../handlers/metrics/chain-gaps.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { CommitCompareFields } from '../models/facts/commit-compare.ts';
import type { FactModels } from '../models/ingest-models.ts';
import type { MetricDirtyMarkModel } from '../models/metric-dirty-mark.ts';
import { DEFAULT_WAITS, RateLimitTooLongError, type Waits } from '../sources/backfill/retry-policy.ts';
import { createBackfillOctokit } from '../sources/github/backfill.ts';
import { factIdOf } from '../sources/merge-fact.ts';
import { factWindowOf, loadMetricsInput } from './load-metrics-input.ts';
import { insertDirtyMark } from './metrics-rollup-updates.ts';
import type { MetricsSettingsStore } from './mongo-metrics-settings.ts';

const PER_PAGE = 100;
/** Up to 1,000 commits per compare; a longer range keeps its first 1,000 and is stored `truncated`. */
export const MAX_COMPARE_PAGES = 10;
/** A compare that failed for a passing reason (5xx, no answer) is tried this often in all, then left for good. */
export const MAX_COMPARE_ATTEMPTS = 5;
const HOUR_MS = 3600_000;
/** Wait before the next try: 1 h, 2 h, 4 h, 8 h (capped at a day). */
const retryDelayMs = (attempts: number) => Math.min(24 * HOUR_MS, HOUR_MS * 2 ** (attempts - 1));

/** A job's waits: a 5xx is retried twice, and a rate limit longer than a minute ends the run (see `stopped`). */
export const COMPARE_WAITS: Waits = { ...DEFAULT_WAITS, maxWaitMs: 60_000, maxAttempts: 3 };

/** The tenant's GitHub client as backfill makes it (the GITHUB_TOKEN), with the job's waits. */
export function createCompareOctokit(
  github: { token: string; apiUrl?: string },
  waits: Waits = COMPARE_WAITS,
): Octokit {
  return createBackfillOctokit({ token: github.token, apiUrl: github.apiUrl, repos: [] }, waits);
}

export interface CompareGapDeps {
  facts: FactModels;
  settings: Pick<MetricsSettingsStore, 'settingsOf'>;
  MetricDirtyMark: MetricDirtyMarkModel;
  /** The GitHub client backfill uses (createBackfillOctokit: its rate-limit waits and 5xx retries). */
  octokit: Octokit;
}

export interface FillResult {
  /** Breaks in the chain of the range's deployments with no usable compare. */
  gaps: number;
  /** Compare calls made (each page is a request; a compare is one call). */
  calls: number;
  filled: number;
  failed: number;
  /** GitHub asked to wait (rate limit) or the call budget ran out: the rest waits for the next run. */
  stopped?: 'rate-limit' | 'budget';
}

type Stored = Omit<CommitCompareFields, 'repo' | 'base' | 'head' | 'neededAt' | 'fetchedAt'>;

const statusOf = (error: unknown) => (error as { status?: unknown }).status;
/** A rate limit (a wait longer than the job takes, a 429, a 403 with rate-limit headers), not a refusal. */
function isRateLimited(error: unknown): boolean {
  if (error instanceof RateLimitTooLongError || statusOf(error) === 429) return true;
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {};
  return (
    statusOf(error) === 403 &&
    (String(headers['x-ratelimit-remaining']) === '0' || headers['retry-after'] !== undefined)
  );
}

/**
 * Fills the breaks in the default branch's push chain (a push not seen; a backfilled range has none) with
 * GitHub's compare of `previous deployment...break`, stored once per tenant, repository and pair in
 * `commit_compares`, which the metrics loader reads (data/metrics/load-metrics-input.ts). Each stored result
 * inserts a dirty mark, so the rollups move to what the filled chain links.
 */
export function createCompareGapFiller(deps: CompareGapDeps) {
  const compares = tenantCollection(deps.facts.commitCompare);

  async function fetchCompare(repo: string, base: string, head: string): Promise<Stored> {
    const [owner, name] = repo.split('/') as [string, string];
    const commits: NonNullable<CommitCompareFields['commits']> = [];
    let status: CommitCompareFields['status'] = 'identical';
    let total = 0;
    for (let page = 1; page <= MAX_COMPARE_PAGES; page += 1) {
      const { data } = await deps.octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo: name,
        basehead: `${base}...${head}`,
        per_page: PER_PAGE,
        page,
      });
      status = data.status;
      total = data.total_commits;
      for (const commit of data.commits) {
        const authored = commit.commit.author?.date ?? commit.commit.committer?.date;
        commits.push({
          sha: commit.sha,
          title: commit.commit.message.split('\n')[0]!,
          authoredAt: new Date(authored ?? 0),
        });
      }
      if (commits.length >= total || data.commits.length < PER_PAGE) break;
    }
    return { status, commits, totalCommits: total, truncated: commits.length < total };
  }

  /** What a failed call leaves: for good (404, 422: a sha GitHub does not know), or a time to try again. */
  function failureOf(error: unknown, attempts: number, now: Date): Stored {
    const status = statusOf(error);
    const message = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    const final = status === 404 || status === 422 || attempts >= MAX_COMPARE_ATTEMPTS;
    return {
      status: 'failed',
      error: { ...(typeof status === 'number' ? { status } : {}), message },
      attempts,
      ...(final ? {} : { retryAt: new Date(now.getTime() + retryDelayMs(attempts)) }),
    };
  }

  /** When a stored compare's effects start: its deployment, or a commit it lists authored before (a rebase). */
  const affectedFrom = (gap: ChainGap, stored: Stored) =>
    Math.min(gap.deployedAt.getTime(), ...(stored.commits ?? []).map((c) => c.authoredAt.getTime()));

  return {
    /**
     * The gaps of the tenant's deployments from `since` on, newest first, each compared at most once (a failed
     * one again after its `retryAt`), `maxCalls` calls at most.
     */
    async fillTenant(
      tenantId: string,
      options: { since: Date; maxCalls: number; now?: Date },
    ): Promise<FillResult> {
      const now = options.now ?? new Date();
      const settings = await deps.settings.settingsOf(tenantId);
      const range = { from: options.since, to: new Date(now.getTime() + 1) };
      const input = await loadMetricsInput(deps.facts, tenantId, factWindowOf(range), settings);
      const gaps = findChainGaps(input, settings).filter((gap) => gap.deployedAt >= options.since);
      const result: FillResult = { gaps: gaps.length, calls: 0, filled: 0, failed: 0 };
      for (const gap of gaps) {
        const id = factIdOf(tenantId, { key: { repo: gap.repo, base: gap.base, head: gap.head } });
        const known = await compares.findById(tenantId, id);
        // Stored and usable, failed for good, or not yet due again.
        if (known && (known.status !== 'failed' || !known.retryAt || known.retryAt > now)) continue;
        if (result.calls >= options.maxCalls) {
          result.stopped = 'budget';
          break;
        }
        result.calls += 1;
        let stored: Stored;
        try {
          stored = await fetchCompare(gap.repo, gap.base, gap.head);
        } catch (error) {
          // The window is spent: nothing is stored against the pair, the next run goes on.
          if (isRateLimited(error)) {
            result.stopped = 'rate-limit';
            break;
          }
          stored = failureOf(error, (known?.attempts ?? 0) + 1, now);
        }
        const fields = { ...stored, neededAt: gap.deployedAt, fetchedAt: now };
        if (known) {
          // A retried failure: what the new answer does not have goes (a success clears the error).
          const stale = ['error', 'attempts', 'retryAt'].filter((field) => !(field in stored));
          await compares.updateById(tenantId, id, {
            $set: fields,
            ...(stale.length > 0 ? { $unset: Object.fromEntries(stale.map((field) => [field, ''])) } : {}),
          });
        } else {
          await compares.updateById(
            tenantId,
            id,
            { $set: { repo: gap.repo, base: gap.base, head: gap.head, ...fields } },
            { upsert: true },
          );
        }
        if (stored.status === 'failed') {
          result.failed += 1;
          continue;
        }
        result.filled += 1;
        // Right after the compare is stored: the next run skips it, so its mark must not wait for the loop.
        await insertDirtyMark(deps.MetricDirtyMark, tenantId, new Date(affectedFrom(gap, stored)), now);
      }
      return result;
    },

    /** Tenants with deployments: a system-level read of tenant ids only (the job's loop). */
    tenants: () => tenantCollection(deps.facts.deployment).tenantIds({}),
  };
}

export type CompareGapFiller = ReturnType<typeof createCompareGapFiller>;
