import type { HomePull, OpenPullFacts, PersonOpenPulls, PersonPulls } from '../../handlers/home/types.ts';
import type { Models } from '../models/index.ts';
import type { PullRequestFields } from '../models/facts/pull-request.ts';
import { oneOrAny } from '../standup/linked-accounts.ts';
import { triagePullOf } from '../triage/mongo-triage-source.ts';

/** As many PRs per list as a home shows, with room to say how many more. */
const LIST_LIMIT = 50;

const pullOf = (pr: PullRequestFields, waitingOn: string[], reason: string): HomePull => ({
  repo: pr.repo,
  number: pr.number,
  title: pr.title ?? `${pr.repo}#${pr.number}`,
  ...(pr.url ? { url: pr.url } : {}),
  author: pr.author ?? '',
  waitingOn,
  reason,
});

const newestFirst = (facts: PullRequestFields[]) =>
  facts.sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0)).slice(0, LIST_LIMIT);

/** Each reviewer's latest state on a PR, from the reviews the enricher copies onto it (comments do not count). */
function latestStates(pr: PullRequestFields): string[] {
  const byReviewer = new Map<string, string>();
  const reviews = [...(pr.reviewHistory ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const review of reviews) {
    if (review.state !== 'commented' && review.state !== 'pending')
      byReviewer.set(review.reviewer, review.state);
  }
  return [...byReviewer.values()];
}

/**
 * The home's two lists from the facts: my open PRs wait on their requested reviewers, or on me when changes
 * were requested or they are approved and not merged; PRs requesting my review wait on me. Drafts are left
 * out, as triage's human queue leaves them out.
 */
function listsOf(facts: readonly PullRequestFields[], logins: ReadonlySet<string>): PersonPulls {
  const mine = newestFirst(facts.filter((pr) => pr.author && logins.has(pr.author) && !pr.draft));
  const asked = newestFirst(
    facts.filter(
      (pr) =>
        !pr.draft &&
        !(pr.author && logins.has(pr.author)) &&
        (pr.requestedReviewers ?? []).some((login) => logins.has(login)),
    ),
  );
  const waitingOnOthers: HomePull[] = [];
  const waitingOnMe: HomePull[] = [];
  for (const pr of mine) {
    const latest = latestStates(pr);
    const requested = pr.requestedReviewers ?? [];
    if (latest.includes('changes_requested')) {
      waitingOnMe.push(pullOf(pr, [pr.author ?? ''], 'changes requested'));
    } else if (requested.length > 0) {
      waitingOnOthers.push(pullOf(pr, requested, 'review requested'));
    } else if (latest.includes('approved') || pr.approvedAt) {
      waitingOnMe.push(pullOf(pr, [pr.author ?? ''], 'approved, not merged'));
    } else {
      waitingOnOthers.push(pullOf(pr, [], 'no reviewer requested'));
    }
  }
  for (const pr of asked) {
    const me = (pr.requestedReviewers ?? []).filter((login) => logins.has(login));
    waitingOnMe.push(pullOf(pr, me, 'review requested'));
  }
  return { waitingOnOthers, waitingOnMe };
}

/** One person's open PRs, read once, as the home's lists and as triage reads them. */
export function personOpenPullsOf(
  facts: readonly PullRequestFields[],
  logins: readonly string[],
  botLogins: readonly string[],
): PersonOpenPulls {
  const unique = [...new Map(facts.map((fact) => [`${fact.repo}#${fact.number}`, fact])).values()];
  const pulls = unique.map((fact) => triagePullOf(fact, botLogins));
  pulls.sort((a, b) => a.repo.localeCompare(b.repo) || a.number - b.number);
  return { lists: listsOf(unique, new Set(logins)), pulls };
}

/**
 * The open PRs of people from the facts, for their homes: a person's own (authored or asking their review) in
 * two equality reads, or every open PR of the tenant in one, split by login in memory for a batch of homes.
 * Reviews come from the PR facts themselves (`reviewHistory`, see data/triage/enrich-pull-requests.ts), so
 * the lists and triage's judgement read the same documents once.
 */
export function createOpenPullFacts(models: Pick<Models, 'PullRequest'>): OpenPullFacts {
  const { PullRequest } = models;
  return {
    async ofLogins(tenantId, logins, botLogins = []) {
      if (logins.length === 0) return personOpenPullsOf([], logins, botLogins);
      const who = oneOrAny(logins);
      const [authored, asked] = await Promise.all([
        PullRequest.find({ tenantId, state: 'open', author: who }).lean(),
        PullRequest.find({ tenantId, state: 'open', requestedReviewers: who }).lean(),
      ]);
      return personOpenPullsOf([...authored, ...asked], logins, botLogins);
    },
    async ofTenant(tenantId, botLogins = []) {
      const open = await PullRequest.find({ tenantId, state: 'open' }).lean();
      const byLogin = new Map<string, PullRequestFields[]>();
      const involved = new Set<string>();
      for (const fact of open) {
        const people = [fact.author, ...(fact.requestedReviewers ?? [])];
        for (const login of new Set(people)) {
          if (!login) continue;
          const facts = byLogin.get(login);
          if (facts) facts.push(fact);
          else byLogin.set(login, [fact]);
        }
        for (const login of [...people, ...(fact.reviewHistory ?? []).map((review) => review.reviewer)]) {
          if (login) involved.add(login);
        }
      }
      return {
        logins: [...involved],
        of: (logins) =>
          personOpenPullsOf(
            logins.flatMap((login) => byLogin.get(login) ?? []),
            logins,
            botLogins,
          ),
      };
    },
  };
}
