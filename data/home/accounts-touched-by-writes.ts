import type { ChatAccount } from '../../handlers/standup/types.ts';
import type { Models } from '../models/index.ts';
import type { FactWrite } from '../sources/fact-write.ts';
import { factIdOf } from '../sources/merge-fact.ts';
import { oneOrAny } from '../standup/linked-accounts.ts';
import { chatAccountsOfLogins } from './github-logins.ts';

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * The chat accounts whose home a batch of fact writes may change: everyone on the PRs written (author,
 * requested reviewers, reviewers), read from the facts as they now stand, plus the logins the writes name
 * (a reviewer just removed is still named by nothing: their home catches up when they open it).
 */
export async function accountsTouchedBy(
  models: Pick<Models, 'PullRequest' | 'Person'>,
  tenantId: string,
  writes: readonly FactWrite[],
): Promise<ChatAccount[]> {
  const pullWrites = writes.filter((write) => write.kind === 'pullRequest');
  if (pullWrites.length === 0) return [];
  const ids = [...new Set(pullWrites.map((write) => factIdOf(tenantId, write)))];
  const pulls = await pullRequestsById(models.PullRequest, tenantId, ids);
  const logins = new Set<string>();
  for (const pr of pulls) {
    for (const login of [pr.author, ...(pr.requestedReviewers ?? []), ...(pr.reviewers ?? [])]) {
      if (login) logins.add(login);
    }
  }
  for (const write of pullWrites) {
    for (const login of [
      ...stringsOf(write.snapshot?.fields.requestedReviewers),
      ...stringsOf(write.union?.reviewers),
    ]) {
      logins.add(login);
    }
  }
  return chatAccountsOfLogins(models.Person, tenantId, [...logins]);
}

function pullRequestsById(PullRequest: Models['PullRequest'], tenantId: string, ids: string[]) {
  return PullRequest.find(
    { tenantId, _id: oneOrAny(ids) },
    { author: 1, requestedReviewers: 1, reviewers: 1 },
  ).lean();
}
