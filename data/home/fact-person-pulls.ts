import type { HomePull, PersonPullSource } from '../../handlers/home/types.ts';
import type { Models } from '../models/index.ts';
import type { PullRequestFields } from '../models/facts/pull-request.ts';
import { oneOrAny } from '../standup/linked-accounts.ts';

type PullModels = Pick<Models, 'PullRequest' | 'Review'>;

/** As many PRs per list as a home shows, with room to say how many more. */
const READ_LIMIT = 50;

const pullOf = (pr: PullRequestFields, waitingOn: string[], reason: string): HomePull => ({
  repo: pr.repo,
  number: pr.number,
  title: pr.title ?? `${pr.repo}#${pr.number}`,
  ...(pr.url ? { url: pr.url } : {}),
  author: pr.author ?? '',
  waitingOn,
  reason,
});

/** Each reviewer's latest review state on each PR, keyed `repo#number`. */
async function latestReviewStates(
  Review: PullModels['Review'],
  tenantId: string,
  pulls: readonly PullRequestFields[],
): Promise<Map<string, Map<string, string>>> {
  const states = new Map<string, Map<string, string>>();
  if (pulls.length === 0) return states;
  const numbers = [...new Set(pulls.map((pr) => pr.number))];
  const keys = new Set(pulls.map((pr) => `${pr.repo}#${pr.number}`));
  const reviews = await Review.find(
    { tenantId, prNumber: numbers.length === 1 ? numbers[0] : { $in: numbers } },
    { repo: 1, prNumber: 1, author: 1, state: 1, submittedAt: 1 },
  ).lean();
  reviews.sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
  for (const review of reviews) {
    const key = `${review.repo}#${review.prNumber}`;
    if (!keys.has(key) || !review.author || !review.state || review.state === 'commented') continue;
    const byReviewer = states.get(key) ?? new Map<string, string>();
    byReviewer.set(review.author, review.state);
    states.set(key, byReviewer);
  }
  return states;
}

/**
 * The home's PR lists read straight from the PR and review facts (the stand-in for triage's person queue):
 * my open PRs wait on their requested reviewers, or on me when changes were requested or they are approved
 * and not merged; PRs requesting my review wait on me. Drafts are left out, as triage's human queue does.
 */
export function createFactPersonPulls(models: PullModels): PersonPullSource {
  const { PullRequest, Review } = models;
  return {
    async pullsOf(tenantId, logins) {
      const who = oneOrAny(logins);
      const [mine, asked] = await Promise.all([
        PullRequest.find({ tenantId, state: 'open', author: who })
          .sort({ updatedAt: -1 })
          .limit(READ_LIMIT)
          .lean(),
        PullRequest.find({ tenantId, state: 'open', requestedReviewers: who })
          .sort({ updatedAt: -1 })
          .limit(READ_LIMIT)
          .lean(),
      ]);
      const ready = mine.filter((pr) => !pr.draft);
      const states = await latestReviewStates(Review, tenantId, ready);
      const mineSet = new Set(logins);
      const waitingOnOthers: HomePull[] = [];
      const waitingOnMe: HomePull[] = [];
      for (const pr of ready) {
        const latest = [...(states.get(`${pr.repo}#${pr.number}`)?.values() ?? [])];
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
        if (pr.draft || (pr.author && mineSet.has(pr.author))) continue;
        const me = (pr.requestedReviewers ?? []).filter((login) => mineSet.has(login));
        waitingOnMe.push(pullOf(pr, me, 'review requested'));
      }
      return { waitingOnOthers, waitingOnMe };
    },
  };
}
