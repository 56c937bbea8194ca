import type { WorkItems } from '../../handlers/standup/blocker-types.ts';
import type { ChatAccount } from '../../handlers/standup/types.ts';
import { findChatAccounts } from '../identity/find-chat-accounts.ts';
import type { Models } from '../models/index.ts';

type FactModels = Pick<Models, 'PullRequest' | 'JiraIssue' | 'Person'>;

function chatOnly(accounts: { tool: string; handle: string }[]): ChatAccount[] {
  return accounts.flatMap(({ tool, handle }) =>
    tool === 'slack' || tool === 'teams' ? [{ tool, handle }] : [],
  );
}

/** How many of a member's newest pull requests say which repositories they work in. */
const RECENT_PULLS = 30;

/** Linked items and people as the normalized facts know them; facts are read by `_id` wherever the key is known. */
export function createWorkItems(models: FactModels): WorkItems {
  const { PullRequest, JiraIssue, Person } = models;

  async function personIdOf(tenantId: string, tool: string, handle: string): Promise<string | undefined> {
    return (await Person.findOne({ tenantId, _id: `${tenantId}|${tool}|${handle}` }, { personId: 1 }).lean())
      ?.personId;
  }

  return {
    async pullRequest(tenantId, repos, number) {
      let pull = null;
      for (const repo of repos) {
        pull = await PullRequest.findOne({ tenantId, _id: `${tenantId}|${repo}|${number}` }).lean();
        if (pull) break;
      }
      if (repos.length === 0) {
        // No repository known: only an unambiguous number links.
        const candidates = await PullRequest.find({ tenantId, number }).limit(2).lean();
        pull = candidates.length === 1 ? candidates[0]! : null;
      }
      if (!pull) return undefined;
      return {
        repo: pull.repo,
        number: pull.number,
        url: pull.url,
        title: pull.title,
        state: pull.state,
        author: pull.author,
        requestedReviewers: pull.requestedReviewers ?? [],
        reviewers: pull.reviewers ?? [],
      };
    },
    async jiraIssue(tenantId, key) {
      const issue = await JiraIssue.findOne({ tenantId, key }).lean();
      if (!issue || issue.deleted) return undefined;
      return { key, title: issue.summary, statusCategory: issue.statusCategory, assignee: issue.assignee };
    },
    async chatAccountsOf(tenantId, tool, handle) {
      if (tool === 'github') return chatOnly(await findChatAccounts(Person, tenantId, handle));
      const personId = await personIdOf(tenantId, tool, handle);
      if (!personId) return [];
      return chatOnly(await Person.find({ tenantId, personId }, { tool: 1, handle: 1 }).lean());
    },
    async reposOf(tenantId, member) {
      const personId = await personIdOf(tenantId, member.tool, member.handle);
      if (!personId) return [];
      const logins = await Person.find({ tenantId, personId, tool: 'github' }, { handle: 1 }).lean();
      if (logins.length === 0) return [];
      const pulls = await PullRequest.find(
        { tenantId, author: { $in: logins.map((login) => login.handle) } },
        { repo: 1, openedAt: 1 },
      )
        .sort({ openedAt: -1 })
        .limit(RECENT_PULLS)
        .lean();
      return [...new Set(pulls.map((pull) => pull.repo))];
    },
  };
}
