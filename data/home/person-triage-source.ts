import { countOpenReviews } from '../../handlers/triage/build-queue.ts';
import type { TriagePullSource } from '../../handlers/triage/types.ts';
import type { Models } from '../models/index.ts';
import { oneOrAny } from '../standup/linked-accounts.ts';
import { triagePullOf } from '../triage/mongo-triage-source.ts';

/**
 * Triage's pull source for one person's home: only the open PRs they wrote or are asked to review, in two
 * equality reads, instead of the tenant's every open PR (which triage's own source reads to count everyone's
 * review load for its reviewer suggestions; the home suggests nobody). Other scopes go to `fallback`.
 */
export function createPersonTriageSource(
  models: Pick<Models, 'PullRequest'>,
  fallback: TriagePullSource,
): TriagePullSource {
  return {
    async openPulls(tenantId, scope, botLogins = []) {
      if (scope.kind !== 'person') return fallback.openPulls(tenantId, scope, botLogins);
      if (scope.logins.length === 0) return { pulls: [], openReviews: new Map() };
      const who = oneOrAny(scope.logins);
      const [authored, asked] = await Promise.all([
        models.PullRequest.find({ tenantId, state: 'open', author: who }).lean(),
        models.PullRequest.find({ tenantId, state: 'open', requestedReviewers: who }).lean(),
      ]);
      const unique = new Map([...authored, ...asked].map((fact) => [fact._id, fact]));
      const pulls = [...unique.values()].map((fact) => triagePullOf(fact, botLogins));
      pulls.sort((a, b) => a.repo.localeCompare(b.repo) || a.number - b.number);
      return { pulls, openReviews: countOpenReviews(pulls) };
    },
  };
}
