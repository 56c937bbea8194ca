import type { TriagePullSource } from '../../handlers/triage/types.ts';
import type { Models } from '../models/index.ts';
import { scopeLoginsOf, scopedPullsOf } from './mongo-triage-source.ts';
import type { OpenPullIndex } from './open-pull-index.ts';

/**
 * The open PRs of a scope from the tenant's open-PR index (data/triage/open-pull-index.ts) instead of the
 * per-login reads of createMongoTriageSource, which FerretDB answers with a scan of every PR each: the same
 * pulls in the same order, and the review load counted over them, as that source gives.
 */
export function createIndexedTriageSource(
  models: Pick<Models, 'Standup' | 'Person'>,
  index: OpenPullIndex,
): TriagePullSource {
  return {
    async openPulls(tenantId, scope, botLogins = []) {
      const [logins, open] = await Promise.all([
        scopeLoginsOf(models, tenantId, scope),
        index.openPulls(tenantId),
      ]);
      const facts =
        scope.kind === 'repo' ? open.ofRepo(scope.repo) : logins ? open.ofLogins(logins) : open.all();
      return scopedPullsOf(facts, botLogins);
    },
  };
}
