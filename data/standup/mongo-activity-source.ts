import type { ActivitySource } from '../../handlers/standup/activity.ts';
import { accountKey, type ActivityItem, type StandupDraft } from '../../handlers/standup/types.ts';
import type { Models } from '../models/index.ts';
import {
  findLinkedAccounts,
  findLinkedAccountsOfEach,
  oneOrAny,
  type LinkedAccounts,
} from './linked-accounts.ts';

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
const approvalIdOf = (subject: string) => subject.replace(/^approval:/, '');
const uniqueOf = (lists: string[][]) => [...new Set(lists.flat())];

/** The accounts of many members as one, to read their facts together. */
function unionOf(list: readonly LinkedAccounts[]): LinkedAccounts {
  return {
    handlesOf: (tool) => uniqueOf(list.map((accounts) => accounts.handlesOf(tool))),
    pagerDutyNames: uniqueOf(list.map((accounts) => accounts.pagerDutyNames)),
    deciderIds: uniqueOf(list.map((accounts) => accounts.deciderIds)),
  };
}

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

  /**
   * The facts a draft is built from, for the handles of one member or of many at once (a fan-out's batch):
   * one read per fact collection over all of them and the widest window, then reads by `_id` of the PRs,
   * issues and approvals named. `draftFrom` picks each member's own out of them.
   */
  async function draftFacts(tenantId: string, accounts: LinkedAccounts, window: Window) {
    const github = accounts.handlesOf('github');
    const jira = accounts.handlesOf('jira');
    const names = accounts.pagerDutyNames;
    const deciders = accounts.deciderIds;
    const none = Promise.resolve([]);
    const [prs, reviews, commits, moves, inProgress, incidents, decisions] = await Promise.all([
      github.length === 0
        ? none
        : models.PullRequest.find(
            {
              tenantId,
              author: oneOrAny(github),
              $or: [{ openedAt: inWindow(window) }, { mergedAt: inWindow(window) }, { state: 'open' }],
            },
            {
              repo: 1,
              number: 1,
              title: 1,
              url: 1,
              state: 1,
              draft: 1,
              openedAt: 1,
              mergedAt: 1,
              approvedAt: 1,
              author: 1,
            },
          ).lean(),
      github.length === 0
        ? none
        : models.Review.find(
            { tenantId, author: oneOrAny(github), submittedAt: inWindow(window) },
            { repo: 1, prNumber: 1, state: 1, submittedAt: 1, url: 1, author: 1 },
          ).lean(),
      github.length === 0
        ? none
        : models.Commit.find(
            { tenantId, authorLogin: oneOrAny(github), committedAt: inWindow(window) },
            { repo: 1, sha: 1, title: 1, url: 1, committedAt: 1, authorLogin: 1 },
          ).lean(),
      jira.length === 0
        ? none
        : models.IssueTransition.find(
            { tenantId, by: oneOrAny(jira), at: inWindow(window) },
            { issueId: 1, issueKey: 1, to: 1, at: 1, by: 1 },
          ).lean(),
      jira.length === 0
        ? none
        : models.JiraIssue.find(
            { tenantId, assignee: oneOrAny(jira), statusCategory: 'indeterminate' },
            { key: 1, summary: 1, status: 1, deleted: 1, startedAt: 1, assignee: 1 },
          ).lean(),
      names.length === 0
        ? none
        : models.Incident.find(
            {
              tenantId,
              assignees: oneOrAny(names),
              $or: [{ acknowledgedAt: inWindow(window) }, { resolvedAt: inWindow(window) }],
            },
            { number: 1, title: 1, url: 1, acknowledgedAt: 1, resolvedAt: 1, assignees: 1 },
          ).lean(),
      deciders.length === 0
        ? none
        : models.AuditEvent.find(
            { tenantId, actor: oneOrAny(deciders), verb: 'approval.decide', ts: inWindow(window) },
            { subject: 1, outcome: 1, ts: 1, actor: 1 },
          ).lean(),
    ]);
    const reviewedIds = [
      ...new Set(
        reviews.flatMap((review) =>
          review.prNumber === undefined ? [] : [factId(tenantId, review.repo, review.prNumber)],
        ),
      ),
    ];
    const movedIds = [...new Set(moves.map((move) => factId(tenantId, move.issueId)))];
    const decidedIds = [
      ...new Set(
        decisions.filter((decision) => DECISION_VERB[decision.outcome]).map((d) => approvalIdOf(d.subject)),
      ),
    ];
    const [reviewedPrs, movedIssues, decided] = await Promise.all([
      reviewedIds.length === 0
        ? none
        : models.PullRequest.find(
            { tenantId, _id: { $in: reviewedIds } },
            { title: 1, url: 1, author: 1 },
          ).lean(),
      movedIds.length === 0
        ? none
        : models.JiraIssue.find(
            { tenantId, _id: { $in: movedIds } },
            { key: 1, summary: 1, status: 1, statusCategory: 1 },
          ).lean(),
      decidedIds.length === 0
        ? none
        : models.Approval.find(
            { tenantId, _id: { $in: decidedIds } },
            { action_type: 1, target_ref: 1, execution: 1 },
          ).lean(),
    ]);
    return {
      prs,
      reviews,
      commits,
      moves,
      inProgress,
      incidents,
      decisions,
      prOf: new Map(reviewedPrs.map((pr) => [pr._id, pr])),
      issueOf: new Map(movedIssues.map((issue) => [issue._id, issue])),
      approvalOf: new Map(decided.map((approval) => [approval._id, approval])),
    };
  }
  type DraftFacts = Awaited<ReturnType<typeof draftFacts>>;

  /** Their PRs opened or merged in the window (one opened and merged shows once, as merged), and open ones. */
  function pullRequests(facts: DraftFacts, github: string[], window: Window) {
    const done: ActivityItem[] = [];
    const today: ActivityItem[] = [];
    const refs = new Set<string>();
    for (const pr of facts.prs) {
      if (!pr.author || !github.includes(pr.author)) continue;
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
  function reviews(facts: DraftFacts, tenantId: string, github: string[], window: Window): ActivityItem[] {
    const submitted = facts.reviews.filter(
      (review) => review.author && github.includes(review.author) && within(review.submittedAt, window),
    );
    const latest = new Map<string, (typeof submitted)[number]>();
    for (const review of submitted.sort((a, b) => Number(a.submittedAt) - Number(b.submittedAt))) {
      if (review.prNumber !== undefined) latest.set(factId(tenantId, review.repo, review.prNumber), review);
    }
    return [...latest].flatMap(([id, review]) => {
      const pr = facts.prOf.get(id);
      if (pr?.author && github.includes(pr.author)) return [];
      const verb = REVIEW_VERB[review.state ?? ''] ?? 'Reviewed';
      const text = `${verb} ${titled(prRef(review.repo, review.prNumber!), pr?.title)}`;
      return [item('pr-reviewed', text, pr?.url ?? review.url, review.submittedAt)];
    });
  }

  /** Commits they authored, one item per repository, without merge commits and squashes of PRs listed. */
  function commits(facts: DraftFacts, github: string[], window: Window, listed: Set<string>) {
    const authored = facts.commits.filter(
      (commit) =>
        commit.authorLogin && github.includes(commit.authorLogin) && within(commit.committedAt, window),
    );
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
  function transitionsFrom(
    facts: Pick<DraftFacts, 'moves' | 'issueOf'>,
    tenantId: string,
    jira: string[],
    window: Window,
  ) {
    const moves = facts.moves.filter((move) => move.by && jira.includes(move.by) && within(move.at, window));
    const latest = new Map(
      moves.sort((a, b) => Number(a.at) - Number(b.at)).map((move) => [factId(tenantId, move.issueId), move]),
    );
    return [...latest].map(([id, move]) => {
      const issue = facts.issueOf.get(id);
      const key = issue?.key ?? move.issueKey ?? move.issueId;
      return { move, issue, key, text: titled(key, issue?.summary) };
    });
  }

  async function transitions(tenantId: string, jira: string[], window: Window) {
    if (jira.length === 0) return [];
    const moves = await models.IssueTransition.find(
      { tenantId, by: oneOrAny(jira), at: inWindow(window) },
      { issueId: 1, issueKey: 1, to: 1, at: 1, by: 1 },
    ).lean();
    const ids = [...new Set(moves.map((move) => factId(tenantId, move.issueId)))];
    if (ids.length === 0) return [];
    const issues = await models.JiraIssue.find(
      { tenantId, _id: { $in: ids } },
      { key: 1, summary: 1, status: 1, statusCategory: 1 },
    ).lean();
    const issueOf = new Map(issues.map((issue) => [issue._id, issue]));
    return transitionsFrom({ moves, issueOf }, tenantId, jira, window);
  }

  function issuesInProgress(facts: DraftFacts, jira: string[]): ActivityItem[] {
    return facts.inProgress
      .filter((issue) => issue.assignee && jira.includes(issue.assignee) && !issue.deleted)
      .map((issue) => {
        const text = `${issue.status ?? 'In progress'}: ${titled(issue.key ?? '', issue.summary)}`;
        return item('issue-in-progress', text, issueUrl(issue.key), issue.startedAt);
      });
  }

  /** Incidents assigned to them that were acknowledged or resolved in the window. */
  function incidents(facts: DraftFacts, names: string[], window: Window): ActivityItem[] {
    const handled = facts.incidents.filter(
      (incident) =>
        (incident.assignees ?? []).some((name) => names.includes(name)) &&
        (within(incident.acknowledgedAt, window) || within(incident.resolvedAt, window)),
    );
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
  function approvals(facts: DraftFacts, deciders: string[], window: Window): ActivityItem[] {
    const decided = facts.decisions.filter(
      (decision) =>
        deciders.includes(decision.actor) && within(decision.ts, window) && DECISION_VERB[decision.outcome],
    );
    return decided.flatMap((decision) => {
      const approval = facts.approvalOf.get(approvalIdOf(decision.subject));
      if (!approval) return [];
      // `github:acme/api#42` reads as `acme/api#42`.
      const target = approval.target_ref.replace(/^[a-z]+:/, '');
      const text = `${DECISION_VERB[decision.outcome]} ${approval.action_type} for ${target}`;
      const url = (approval.execution as { url?: string | null } | null)?.url ?? undefined;
      return [item('approval', text, url, decision.ts)];
    });
  }

  /** One member's draft from facts read for them (or for a batch they are in), over their own window. */
  function draftFrom(facts: DraftFacts, tenantId: string, accounts: LinkedAccounts, window: Window) {
    const github = accounts.handlesOf('github');
    const jira = accounts.handlesOf('jira');
    const prs = pullRequests(facts, github, window);
    const reviewed = reviews(facts, tenantId, github, window);
    const moved = transitionsFrom(facts, tenantId, jira, window);
    const inProgress = issuesInProgress(facts, jira);
    const handled = incidents(facts, accounts.pagerDutyNames, window);
    const decided = approvals(facts, accounts.deciderIds, window);
    // After the PRs: a squash merge of a PR already listed is that PR, not a commit of its own.
    const committed = commits(facts, github, window, prs.refs);
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
      const window = { since, until };
      return draftFrom(await draftFacts(tenantId, accounts, window), tenantId, accounts, window);
    },

    async draftsFor(tenantId, requests, until) {
      const drafts = new Map<string, Omit<StandupDraft, 'openBlockers'>>();
      if (requests.length === 0) return drafts;
      const linked = await findLinkedAccountsOfEach(
        models.Person,
        tenantId,
        requests.map((request) => request.member),
      );
      const since = new Date(Math.min(...requests.map((request) => request.since.getTime())));
      const facts = await draftFacts(tenantId, unionOf([...linked.values()]), { since, until });
      for (const { member, since: memberSince } of requests) {
        const key = accountKey(member);
        const accounts = linked.get(key)!;
        drafts.set(key, draftFrom(facts, tenantId, accounts, { since: memberSince, until }));
      }
      return drafts;
    },

    async shippedBy(tenantId, members, since, until, limit = SHIPPED_LIMIT) {
      if (members.length === 0) return [];
      const accounts = await findLinkedAccounts(models.Person, tenantId, members);
      const items = await shippedOf(tenantId, accounts, { since, until });
      return items.sort((a, b) => oldestFirst(b, a)).slice(0, limit);
    },
  };
}
