import type { BlockerDeps, LinkedItem, PullRequestInfo, Unblocker } from './blocker-types.ts';
import type { BlockerRef } from './parse-blocker-refs.ts';
import { accountKey, type ChatAccount } from './types.ts';

type LinkDeps = Pick<BlockerDeps, 'work' | 'jiraBaseUrl'>;

export const itemKey = (item: LinkedItem): string =>
  item.kind === 'person'
    ? accountKey(item.account)
    : item.kind === 'pr'
      ? `${item.repo}#${item.number}`
      : item.key;

const githubPullUrl = (repo: string, number: number) => `https://github.com/${repo}/pull/${number}`;

/** The refs as items: a bare `#123` goes to the first of the member's repositories that has it. */
export async function linkRefs(
  deps: LinkDeps,
  tenantId: string,
  refs: readonly BlockerRef[],
  defaultRepos: () => Promise<string[]>,
): Promise<LinkedItem[]> {
  const items: LinkedItem[] = [];
  for (const ref of refs) {
    if (ref.kind === 'person') {
      items.push(ref);
    } else if (ref.kind === 'jira') {
      const issue = await deps.work.jiraIssue(tenantId, ref.key);
      const url = ref.url ?? (deps.jiraBaseUrl && `${deps.jiraBaseUrl.replace(/\/$/, '')}/browse/${ref.key}`);
      items.push({
        kind: 'jira',
        key: ref.key,
        ...(url ? { url } : {}),
        ...(issue?.title ? { title: issue.title } : {}),
      });
    } else {
      const repos = ref.repos.length > 0 ? ref.repos : await defaultRepos();
      const pull = await deps.work.pullRequest(tenantId, repos, ref.number);
      const repo = pull?.repo ?? repos[0];
      // A number in no known repository links nothing; the text still says it.
      if (!repo) continue;
      const url = pull?.url ?? ref.url ?? githubPullUrl(repo, ref.number);
      items.push({
        kind: 'pr',
        repo,
        number: ref.number,
        url,
        ...(pull?.title ? { title: pull.title } : {}),
      });
    }
  }
  const byKey = new Map<string, LinkedItem>();
  for (const item of items) if (!byKey.has(itemKey(item))) byKey.set(itemKey(item), item);
  return [...byKey.values()];
}

function pullPeople(pull: PullRequestInfo): { login: string; role: Unblocker['role'] }[] {
  return [
    ...(pull.author ? [{ login: pull.author, role: 'author' as const }] : []),
    ...pull.requestedReviewers.map((login) => ({ login, role: 'reviewer' as const })),
    ...pull.reviewers.map((login) => ({ login, role: 'reviewer' as const })),
  ];
}

/**
 * Who can unblock, in the order to ask them: a pull request's author, then its requested reviewers, then those
 * who reviewed; a Jira issue's assignee; a person named. Never the member who is blocked. Read from the facts
 * each time, since reviewers and assignees change. An account on the standup's surface is preferred.
 */
export async function unblockersOf(
  deps: LinkDeps,
  tenantId: string,
  items: readonly LinkedItem[],
  member: ChatAccount,
): Promise<Unblocker[]> {
  const found: Unblocker[] = [];
  const add = (accounts: ChatAccount[], role: Unblocker['role']) => {
    if (accounts.some((account) => accountKey(account) === accountKey(member))) return;
    const account = accounts.find((candidate) => candidate.tool === member.tool) ?? accounts[0];
    if (account && !found.some((other) => accountKey(other.account) === accountKey(account))) {
      found.push({ account, role });
    }
  };
  for (const item of items) {
    if (item.kind === 'person') {
      add([item.account], 'mentioned');
    } else if (item.kind === 'jira') {
      const assignee = (await deps.work.jiraIssue(tenantId, item.key))?.assignee;
      if (assignee) add(await deps.work.chatAccountsOf(tenantId, 'jira', assignee), 'assignee');
    } else {
      const pull = await deps.work.pullRequest(tenantId, [item.repo], item.number);
      for (const { login, role } of pull ? pullPeople(pull) : []) {
        add(await deps.work.chatAccountsOf(tenantId, 'github', login), role);
      }
    }
  }
  return found;
}
