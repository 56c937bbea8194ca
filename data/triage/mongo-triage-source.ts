import { NotFoundError } from '../../bot/errors.ts';
import { countOpenReviews } from '../../handlers/triage/build-queue.ts';
import { isBotAuthor } from '../../handlers/triage/bot-authors.ts';
import type {
  ReviewState,
  ScopedPulls,
  TriagePull,
  TriagePullSource,
  TriageScope,
} from '../../handlers/triage/types.ts';
import type { Models } from '../models/index.ts';
import type { PullRequestFields } from '../models/facts/pull-request.ts';
import { findLinkedAccounts } from '../standup/linked-accounts.ts';

const REVIEW_STATES = new Set<ReviewState>(['approved', 'changes_requested', 'commented', 'dismissed']);

const latest = (...dates: (Date | undefined)[]) =>
  new Date(Math.max(...dates.filter((date): date is Date => Boolean(date)).map((date) => date.getTime())));

/** A pull request fact as triage reads it; what the facts lack yet (files, checks) stays empty or unsaid. */
export function triagePullOf(fact: PullRequestFields, botLogins: readonly string[] = []): TriagePull {
  const author = fact.author ?? 'ghost';
  const reviews = (fact.reviewHistory ?? [])
    .filter((review) => review.reviewer !== author && REVIEW_STATES.has(review.state as ReviewState))
    .map((review) => ({
      reviewer: review.reviewer,
      state: review.state as ReviewState,
      at: review.at,
      ...(review.commitId ? { commitId: review.commitId } : {}),
    }));
  const openedAt = fact.openedAt ?? fact.updatedAt ?? new Date(0);
  return {
    repo: fact.repo,
    number: fact.number,
    title: fact.title ?? '',
    url: fact.url ?? `https://github.com/${fact.repo}/pull/${fact.number}`,
    author,
    authorIsBot: isBotAuthor(author, botLogins),
    draft: fact.draft === true,
    labels: fact.labels ?? [],
    ...(fact.baseRef ? { baseRef: fact.baseRef } : {}),
    ...(fact.headSha ? { headSha: fact.headSha } : {}),
    requestedReviewers: fact.requestedReviewers ?? [],
    reviews,
    additions: fact.additions ?? 0,
    deletions: fact.deletions ?? 0,
    changedFiles: fact.changedFiles ?? fact.files?.length ?? 0,
    files: fact.files ?? [],
    openedAt,
    ...(fact.readyAt ? { readyAt: fact.readyAt } : {}),
    ...(fact.lastCommitAt ? { lastCommitAt: fact.lastCommitAt } : {}),
    // GitHub's updated_at moves on comments and edits too; a review or a push may be newer than the last event.
    lastActivityAt: latest(openedAt, fact.updatedAt, fact.lastCommitAt, reviews.at(-1)?.at),
    ...(fact.mergeable ? { mergeable: fact.mergeable } : {}),
    ...(fact.checks ? { checks: fact.checks } : {}),
    ...(fact.checksFailedAt ? { checksFailedAt: fact.checksFailedAt } : {}),
  };
}

/**
 * The GitHub logins a team or person scope is about (a team's: its standup members' linked accounts), or
 * undefined for a repository or the whole tenant. A team naming no standup is a NotFoundError.
 */
export async function scopeLoginsOf(
  models: Pick<Models, 'Standup' | 'Person'>,
  tenantId: string,
  scope: TriageScope,
): Promise<Set<string> | undefined> {
  if (scope.kind === 'person') return new Set(scope.logins);
  if (scope.kind !== 'team') return undefined;
  const standup = await models.Standup.findOne({ tenantId, name: scope.team }, { members: 1 }).lean();
  if (!standup) throw new NotFoundError(`no team named "${scope.team}": a team is a standup's name`);
  const linked = await findLinkedAccounts(models.Person, tenantId, standup.members);
  return new Set(linked.handlesOf('github'));
}

/** Triage's pulls of some facts, in the order every queue starts from, with the review load over them. */
export function scopedPullsOf(
  facts: readonly PullRequestFields[],
  botLogins: readonly string[],
): ScopedPulls {
  const pulls = facts.map((fact) => triagePullOf(fact, botLogins));
  pulls.sort((a, b) => a.repo.localeCompare(b.repo) || a.number - b.number);
  return { pulls, openReviews: countOpenReviews(pulls) };
}

/**
 * The open PRs of a scope from the facts; reviews, files and check status are on each PR already (see
 * data/triage/enrich-pull-requests.ts). A team or person scope reads, for each of its GitHub logins, the open PRs
 * it authored and those requesting its review: equality FerretDB pushes down (array fields too), about 10 ms
 * each, where reading all of a large tenant's open PRs takes a second. The review load is counted over what was
 * read, so it is exact for the scope's own people. A repository or the whole tenant reads its open PRs at once.
 */
export function createMongoTriageSource(
  models: Pick<Models, 'PullRequest' | 'Standup' | 'Person'>,
): TriagePullSource {
  const { PullRequest } = models;

  async function factsOf(tenantId: string, scope: TriageScope, logins: Set<string> | undefined) {
    if (scope.kind === 'repo') return PullRequest.find({ tenantId, state: 'open', repo: scope.repo }).lean();
    if (!logins) return PullRequest.find({ tenantId, state: 'open' }).lean();
    const found = await Promise.all(
      [...logins].flatMap((login) => [
        PullRequest.find({ tenantId, state: 'open', author: login }).lean(),
        PullRequest.find({ tenantId, state: 'open', requestedReviewers: login }).lean(),
      ]),
    );
    return [...new Map(found.flat().map((fact) => [fact._id, fact])).values()];
  }

  return {
    async openPulls(tenantId, scope, botLogins = []) {
      const logins = await scopeLoginsOf(models, tenantId, scope);
      return scopedPullsOf(await factsOf(tenantId, scope, logins), botLogins);
    },
  };
}
