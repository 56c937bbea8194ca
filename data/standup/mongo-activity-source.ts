import type { ActivitySource } from '../../handlers/standup/activity.ts';
import type { ActivityItem } from '../../handlers/standup/types.ts';
import type { Models } from '../models/index.ts';
import { findLinkedAccounts, oneOrAny, type LinkedAccounts } from './linked-accounts.ts';

type ActivityModels = Pick<
  Models,
  | 'Person'
  | 'PullRequest'
  | 'Review'
  | 'Commit'
  | 'IssueTransition'
  | 'JiraIssue'
  | 'Incident'
  | 'Deployment'
  | 'AuditEvent'
  | 'Approval'
>;

export interface ActivitySourceOptions {
  /** The Jira site (`https://your-team.atlassian.net`), to link issues; without it they go unlinked. */
  jiraBaseUrl?: string;
}

interface Window {
  since: Date;
  until: Date;
}

const SHIPPED_LIMIT = 10;
const PRODUCTION = /^prod(uction)?$/i;
/** GitHub's own merge commits; a squash merge ("Title (#12)") is left out as the PR it belongs to. */
const MERGE_COMMIT = /^Merge (pull request|branch|remote-tracking branch) /;
const SQUASHED_PR = /\(#(\d+)\)$/;
const REVIEW_VERB: Record<string, string> = {
  approved: 'Approved',
  changes_requested: 'Requested changes on',
};
const DECISION_VERB: Record<string, string> = {
  approved: 'Approved',
  declined: 'Declined',
  modified: 'Modified',
};

const inWindow = ({ since, until }: Window) => ({ $gte: since, $lt: until });
const within = (at: Date | undefined, { since, until }: Window): at is Date =>
  at !== undefined && at >= since && at < until;
/** A fact's `_id` (see factIdOf): the PRs and issues other facts name are read by it, not by their keys. */
const factId = (tenantId: string, ...key: (string | number)[]) => [tenantId, ...key].join('|');
const prRef = (repo: string, number: number) => `${repo}#${number}`;
const titled = (ref: string, title: string | undefined) => (title ? `${ref} ${title}` : ref);
const oldestFirst = (a: ActivityItem, b: ActivityItem) => (a.at ?? '').localeCompare(b.at ?? '');

function item(kind: ActivityItem['kind'], text: string, url: string | undefined, at?: Date): ActivityItem {
  return { kind, text, ...(url ? { url } : {}), ...(at ? { at: at.toISOString() } : {}) };
}

/**
 * Drafts and shipped work from the normalized facts. Per member: two reads of `people`, then one read per fact
 * collection filtered by tenant, the member's handles and the window, and reads by `_id` of the PRs, Jira
 * issues and approvals that reviews, transitions and the audit ledger name (for their titles). A handle is an
 * equality filter when the member has one account in the tool, which FerretDB pushes down to SQL.
 */
export function createActivitySource(
  models: ActivityModels,
  options: ActivitySourceOptions = {},
): ActivitySource {
  const jiraSite = options.jiraBaseUrl?.replace(/\/+$/, '');
  const issueUrl = (key: string | undefined) => (key && jiraSite ? `${jiraSite}/browse/${key}` : undefined);

  /** Their PRs opened or merged in the window (one opened and merged shows once, as merged), and open ones. */
  async function pullRequests(tenantId: string, github: string[], window: Window) {
    const done: ActivityItem[] = [];
    const today: ActivityItem[] = [];
    const refs = new Set<string>();
    if (github.length === 0) return { done, today, refs };
    const prs = await models.PullRequest.find(
      {
        tenantId,
        author: oneOrAny(github),
        $or: [{ openedAt: inWindow(window) }, { mergedAt: inWindow(window) }, { state: 'open' }],
      },
      { repo: 1, number: 1, title: 1, url: 1, state: 1, draft: 1, openedAt: 1, mergedAt: 1, approvedAt: 1 },
    ).lean();
    for (const pr of prs) {
      const ref = prRef(pr.repo, pr.number);
      const text = titled(ref, pr.title);
      if (within(pr.mergedAt, window)) done.push(item('pr-merged', `Merged ${text}`, pr.url, pr.mergedAt));
      else if (within(pr.openedAt, window))
        done.push(item('pr-opened', `Opened ${text}`, pr.url, pr.openedAt));
      else if (pr.state !== 'open') continue;
      refs.add(ref);
      // Waiting for review: not a draft and nobody has approved it yet.
      if (pr.state === 'open' && !pr.draft && !pr.approvedAt)
        today.push(item('pr-waiting', `Waiting for review: ${text}`, pr.url, pr.openedAt));
    }
    return { done, today, refs };
  }

  /** One item per PR they reviewed (never their own), with the verb of their latest review of it. */
  async function reviews(tenantId: string, github: string[], window: Window): Promise<ActivityItem[]> {
    if (github.length === 0) return [];
    const submitted = await models.Review.find(
      { tenantId, author: oneOrAny(github), submittedAt: inWindow(window) },
      { repo: 1, prNumber: 1, state: 1, submittedAt: 1, url: 1 },
    ).lean();
    const latest = new Map<string, (typeof submitted)[number]>();
    for (const review of submitted.sort((a, b) => Number(a.submittedAt) - Number(b.submittedAt))) {
      if (review.prNumber !== undefined) latest.set(factId(tenantId, review.repo, review.prNumber), review);
    }
    if (latest.size === 0) return [];
    const prs = await models.PullRequest.find(
      { tenantId, _id: { $in: [...latest.keys()] } },
      { title: 1, url: 1, author: 1 },
    ).lean();
    const prOf = new Map(prs.map((pr) => [pr._id, pr]));
    return [...latest].flatMap(([id, review]) => {
      const pr = prOf.get(id);
      if (pr?.author && github.includes(pr.author)) return [];
      const verb = REVIEW_VERB[review.state ?? ''] ?? 'Reviewed';
      const text = `${verb} ${titled(prRef(review.repo, review.prNumber!), pr?.title)}`;
      return [item('pr-reviewed', text, pr?.url ?? review.url, review.submittedAt)];
    });
  }

  /** Commits they authored, one item per repository, without merge commits and squashes of PRs listed. */
  async function commits(tenantId: string, github: string[], window: Window, listed: Set<string>) {
    if (github.length === 0) return [];
    const authored = await models.Commit.find(
      { tenantId, authorLogin: oneOrAny(github), committedAt: inWindow(window) },
      { repo: 1, sha: 1, title: 1, url: 1, committedAt: 1, authorLogin: 1 },
    ).lean();
    const byRepo = new Map<string, typeof authored>();
    for (const commit of authored) {
      const title = commit.title ?? '';
      const squashed = SQUASHED_PR.exec(title)?.[1];
      if (MERGE_COMMIT.test(title) || (squashed && listed.has(prRef(commit.repo, Number(squashed)))))
        continue;
      byRepo.set(commit.repo, [...(byRepo.get(commit.repo) ?? []), commit]);
    }
    return [...byRepo].map(([repo, list]) => {
      const newest = list.reduce((a, b) => (Number(a.committedAt) >= Number(b.committedAt) ? a : b));
      if (list.length === 1) {
        const text = titled(`Committed ${repo}@${newest.sha.slice(0, 7)}`, newest.title);
        return item('commit', text, newest.url, newest.committedAt);
      }
      // The author's commits in that repository: the one page that shows them all.
      const repoUrl = newest.url?.replace(/\/commit\/[0-9a-f]+$/, '');
      const url =
        repoUrl && newest.authorLogin ? `${repoUrl}/commits?author=${newest.authorLogin}` : undefined;
      return item('commit', `${list.length} commits to ${repo}`, url, newest.committedAt);
    });
  }

  /** Their status changes in the window, the latest per issue, with the issue as it is now. */
  async function transitions(tenantId: string, jira: string[], window: Window) {
    if (jira.length === 0) return [];
    const moves = await models.IssueTransition.find(
      { tenantId, by: oneOrAny(jira), at: inWindow(window) },
      { issueId: 1, issueKey: 1, to: 1, at: 1 },
    ).lean();
    const latest = new Map(
      moves.sort((a, b) => Number(a.at) - Number(b.at)).map((move) => [factId(tenantId, move.issueId), move]),
    );
    if (latest.size === 0) return [];
    const issues = await models.JiraIssue.find(
      { tenantId, _id: { $in: [...latest.keys()] } },
      { key: 1, summary: 1, status: 1, statusCategory: 1 },
    ).lean();
    const issueOf = new Map(issues.map((issue) => [issue._id, issue]));
    return [...latest].map(([id, move]) => {
      const issue = issueOf.get(id);
      const key = issue?.key ?? move.issueKey ?? move.issueId;
      return { move, issue, key, text: titled(key, issue?.summary) };
    });
  }

  async function issuesInProgress(tenantId: string, jira: string[]): Promise<ActivityItem[]> {
    if (jira.length === 0) return [];
    const issues = await models.JiraIssue.find(
      { tenantId, assignee: oneOrAny(jira), statusCategory: 'indeterminate' },
      { key: 1, summary: 1, status: 1, deleted: 1, startedAt: 1 },
    ).lean();
    return issues
      .filter((issue) => !issue.deleted)
      .map((issue) => {
        const text = `${issue.status ?? 'In progress'}: ${titled(issue.key ?? '', issue.summary)}`;
        return item('issue-in-progress', text, issueUrl(issue.key), issue.startedAt);
      });
  }

  /** Incidents assigned to them that were acknowledged or resolved in the window. */
  async function incidents(tenantId: string, names: string[], window: Window): Promise<ActivityItem[]> {
    if (names.length === 0) return [];
    const handled = await models.Incident.find(
      {
        tenantId,
        assignees: oneOrAny(names),
        $or: [{ acknowledgedAt: inWindow(window) }, { resolvedAt: inWindow(window) }],
      },
      { number: 1, title: 1, url: 1, acknowledgedAt: 1, resolvedAt: 1 },
    ).lean();
    return handled.map((incident) => {
      const resolved = within(incident.resolvedAt, window);
      const ref = `${resolved ? 'Resolved' : 'Acknowledged'} ${incident.number ? `incident #${incident.number}` : 'an incident'}`;
      return item(
        'incident',
        titled(ref, incident.title),
        incident.url,
        resolved ? incident.resolvedAt : incident.acknowledgedAt,
      );
    });
  }

  /** Their decisions as the audit ledger records them (who, when, how), named from the approvals decided. */
  async function approvals(tenantId: string, deciders: string[], window: Window): Promise<ActivityItem[]> {
    if (deciders.length === 0) return [];
    const decisions = await models.AuditEvent.find(
      { tenantId, actor: oneOrAny(deciders), verb: 'approval.decide', ts: inWindow(window) },
      { subject: 1, outcome: 1, ts: 1 },
    ).lean();
    const decided = decisions.filter((decision) => DECISION_VERB[decision.outcome]);
    if (decided.length === 0) return [];
    const idOf = (subject: string) => subject.replace(/^approval:/, '');
    const found = await models.Approval.find(
      { tenantId, _id: { $in: [...new Set(decided.map((decision) => idOf(decision.subject)))] } },
      { action_type: 1, target_ref: 1, execution: 1 },
    ).lean();
    const approvalOf = new Map(found.map((approval) => [approval._id, approval]));
    return decided.flatMap((decision) => {
      const approval = approvalOf.get(idOf(decision.subject));
      if (!approval) return [];
      // `github:acme/api#42` reads as `acme/api#42`.
      const target = approval.target_ref.replace(/^[a-z]+:/, '');
      const text = `${DECISION_VERB[decision.outcome]} ${approval.action_type} for ${target}`;
      const url = (approval.execution as { url?: string | null } | null)?.url ?? undefined;
      return [item('approval', text, url, decision.ts)];
    });
  }

  async function draftOf(tenantId: string, accounts: LinkedAccounts, window: Window) {
    const github = accounts.handlesOf('github');
    const jira = accounts.handlesOf('jira');
    const [prs, reviewed, moved, inProgress, handled, decided] = await Promise.all([
      pullRequests(tenantId, github, window),
      reviews(tenantId, github, window),
      transitions(tenantId, jira, window),
      issuesInProgress(tenantId, jira),
      incidents(tenantId, accounts.pagerDutyNames, window),
      approvals(tenantId, accounts.deciderIds, window),
    ]);
    // After the PRs: a squash merge of a PR already listed is that PR, not a commit of its own.
    const committed = await commits(tenantId, github, window, prs.refs);
    const movedItems = moved.map(({ move, issue, key, text }) =>
      item(
        'issue-moved',
        `Moved ${text} to ${move.to ?? issue?.status ?? 'a new status'}`,
        issueUrl(key),
        move.at,
      ),
    );
    return {
      done: [...prs.done, ...reviewed, ...committed, ...movedItems, ...handled, ...decided].sort(oldestFirst),
      today: [...prs.today.sort(oldestFirst), ...inProgress.sort(oldestFirst)],
    };
  }

  async function shippedOf(tenantId: string, accounts: LinkedAccounts, window: Window) {
    const github = accounts.handlesOf('github');
    const [merged, moved, deployed] = await Promise.all([
      github.length === 0
        ? []
        : models.PullRequest.find(
            { tenantId, author: oneOrAny(github), mergedAt: inWindow(window) },
            { repo: 1, number: 1, title: 1, url: 1, mergedAt: 1 },
          ).lean(),
      transitions(tenantId, accounts.handlesOf('jira'), window),
      github.length === 0
        ? []
        : models.Deployment.find(
            { tenantId, creator: oneOrAny(github), firstSuccessAt: inWindow(window) },
            { repo: 1, environment: 1, sha: 1, firstSuccessAt: 1 },
          ).lean(),
    ]);
    return [
      ...merged.map((pr) =>
        item('pr-merged', `Merged ${titled(prRef(pr.repo, pr.number), pr.title)}`, pr.url, pr.mergedAt),
      ),
      // Moved to done and still there: an issue moved back out of done has not shipped.
      ...moved
        .filter(({ move, issue }) => issue?.statusCategory === 'done' && issue.status === move.to)
        .map(({ move, key, text }) => item('issue-moved', `Done ${text}`, issueUrl(key), move.at)),
      // Not the deployment's `url`: GitHub gives its API address, which is no page to open.
      ...deployed
        .filter((deployment) => PRODUCTION.test(deployment.environment ?? ''))
        .map((deployment) => {
          const at = deployment.sha ? `${deployment.repo}@${deployment.sha.slice(0, 7)}` : deployment.repo;
          return item(
            'deployed',
            `Deployed ${at} to ${deployment.environment}`,
            undefined,
            deployment.firstSuccessAt,
          );
        }),
    ];
  }

  return {
    async draftFor(tenantId, member, since, until) {
      const accounts = await findLinkedAccounts(models.Person, tenantId, [member]);
      return draftOf(tenantId, accounts, { since, until });
    },

    async shippedBy(tenantId, members, since, until, limit = SHIPPED_LIMIT) {
      if (members.length === 0) return [];
      const accounts = await findLinkedAccounts(models.Person, tenantId, members);
      const items = await shippedOf(tenantId, accounts, { since, until });
      return items.sort((a, b) => oldestFirst(b, a)).slice(0, limit);
    },
  };
}
