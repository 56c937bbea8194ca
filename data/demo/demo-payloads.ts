/**
 * The canned team's provider shapes (GitHub users and repositories, Jira users, statuses and sprints,
 * PagerDuty references), shared by the dataset generator and the daily demo activity so both speak alike.
 */
import { DEMO_PEOPLE } from './demo-team.ts';

export type DemoPerson = (typeof DEMO_PEOPLE)[number];

/** mulberry32: a small seeded PRNG, so the same seed always produces the same team and days. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOUR = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Jira's timestamp format: ISO with milliseconds and `+0000`. */
export const jiraTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
export const email = (person: DemoPerson) => `${person.login.split('-')[0]}@acme.example`;

export const DEMO_REPOS = [
  { id: 7100001, name: 'checkout-web' },
  { id: 7100002, name: 'payments-api' },
  { id: 7100003, name: 'mobile-app' },
] as const;
export type DemoRepo = (typeof DEMO_REPOS)[number];

export const DEMO_TITLES = [
  'Add saved cards to checkout',
  'Retry idempotent payment captures',
  'Fix currency rounding on refunds',
  'Move feature flags to the new SDK',
  'Speed up cart page first paint',
  'Log webhook latency per provider',
  'Paginate the order history API',
  'Upgrade React Native to 0.76',
  'Handle 3-D Secure challenge timeouts',
  'Drop the legacy coupon endpoint',
  'Cache tax rates per region',
  'Alert on payout reconciliation drift',
];

export function githubUser(person: DemoPerson) {
  return {
    login: person.login,
    id: 9100000 + DEMO_PEOPLE.indexOf(person),
    type: 'User',
    html_url: `https://github.com/${person.login}`,
  };
}

export function githubRepository(repo: DemoRepo) {
  return {
    id: repo.id,
    name: repo.name,
    full_name: `acme/${repo.name}`,
    private: true,
    owner: { login: 'acme', id: 9000001, type: 'Organization' },
    html_url: `https://github.com/acme/${repo.name}`,
    default_branch: 'main',
    archived: false,
    created_at: '2024-03-01T09:00:00Z',
    updated_at: '2026-08-01T09:00:00Z',
  };
}

export const JIRA_SITE = 'https://acme-eng.atlassian.net';

export function jiraUser(person: DemoPerson) {
  return {
    self: `${JIRA_SITE}/rest/api/2/user?accountId=${person.jira}`,
    accountId: person.jira,
    displayName: person.name,
    emailAddress: email(person),
    active: true,
    accountType: 'atlassian',
  };
}

export const JIRA_STATUS = {
  todo: { name: 'To Do', id: '10000', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
  progress: {
    name: 'In Progress',
    id: '3',
    statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' },
  },
  review: {
    name: 'In Review',
    id: '10002',
    statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' },
  },
  done: { name: 'Done', id: '10001', statusCategory: { id: 3, key: 'done', name: 'Done' } },
};
export type JiraStatus = keyof typeof JIRA_STATUS;

/** The `changelog` of a Jira `issue_updated` webhook that moved an issue from one status to another. */
export function jiraStatusChangelog(id: string, from: JiraStatus, to: JiraStatus) {
  return {
    id,
    items: [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: JIRA_STATUS[from].id,
        fromString: JIRA_STATUS[from].name,
        to: JIRA_STATUS[to].id,
        toString: JIRA_STATUS[to].name,
      },
    ],
  };
}

export interface DemoSprint {
  id: number;
  name: string;
  goal: string;
  start: number;
  end: number;
}

/** The dataset's two sprints (events.json); the daily demo activity goes on every two weeks after the last. */
export const DEMO_SPRINTS: readonly DemoSprint[] = [
  {
    id: 41,
    name: 'ENG Sprint 21',
    goal: 'Saved cards behind a flag',
    start: Date.parse('2026-10-26T08:00:00Z'),
    end: Date.parse('2026-11-09T08:00:00Z'),
  },
  {
    id: 42,
    name: 'ENG Sprint 22',
    goal: 'Saved cards GA, refund fixes',
    start: Date.parse('2026-11-09T08:00:00Z'),
    end: Date.parse('2026-11-23T08:00:00Z'),
  },
];

/** A sprint as an issue's sprint field lists it. */
export function sprintRef(sprint: DemoSprint, state: string) {
  return {
    id: sprint.id,
    name: sprint.name,
    state,
    boardId: 7,
    goal: sprint.goal,
    startDate: new Date(sprint.start).toISOString(),
    endDate: new Date(sprint.end).toISOString(),
  };
}

/** A sprint as Jira's sprint_started / sprint_closed webhooks carry it. */
export function sprintPayload(sprint: DemoSprint, webhookEvent: string, state: string, at: number) {
  return {
    timestamp: at,
    webhookEvent,
    sprint: {
      id: sprint.id,
      self: `${JIRA_SITE}/rest/agile/1.0/sprint/${sprint.id}`,
      state,
      name: sprint.name,
      startDate: new Date(sprint.start).toISOString(),
      endDate: new Date(sprint.end).toISOString(),
      ...(state === 'closed' ? { completeDate: new Date(sprint.end + HOUR).toISOString() } : {}),
      originBoardId: 7,
      goal: sprint.goal,
    },
  };
}

export const PAGERDUTY_SERVICES = [
  { id: 'PSVC0PA', name: 'payments-api' },
  { id: 'PSVC0CW', name: 'checkout-web' },
] as const;

export function pagerDutyRef(kind: string, id: string, summary: string, plural: string) {
  return {
    id,
    type: `${kind}_reference`,
    summary,
    self: `https://api.pagerduty.com/${plural}/${id}`,
    html_url: `https://acme.pagerduty.com/${plural}/${id}`,
  };
}

/** The push a squash merge makes to `main`, as GitHub's `push` webhook sends it. */
export function mergePushPayload(merge: {
  repo: DemoRepo;
  sha: string;
  before: string;
  title: string;
  at: number;
  author: DemoPerson;
  merger: DemoPerson;
}) {
  const { repo, sha, author, merger } = merge;
  return {
    ref: 'refs/heads/main',
    before: merge.before,
    after: sha,
    commits: [
      {
        id: sha,
        message: `${merge.title}\n\nReviewed-by: ${merger.name}`,
        timestamp: iso(merge.at),
        url: `https://github.com/acme/${repo.name}/commit/${sha}`,
        author: { name: author.name, email: email(author), username: author.login },
      },
    ],
    repository: githubRepository(repo),
    sender: githubUser(merger),
  };
}

/** A finished CI run, as GitHub's `workflow_run` (completed) webhook sends it. */
export function workflowRunPayload(run: {
  id: number;
  runNumber: number;
  repo: DemoRepo;
  event: string;
  branch: string;
  sha: string;
  failed: boolean;
  startedAt: number;
  doneAt: number;
  actor: DemoPerson;
}) {
  const { id, repo, actor } = run;
  return {
    action: 'completed',
    workflow_run: {
      id,
      name: 'CI',
      workflow_id: 61000 + repo.id - 7100000,
      event: run.event,
      head_branch: run.branch,
      head_sha: run.sha,
      run_number: run.runNumber,
      run_attempt: 1,
      status: 'completed',
      conclusion: run.failed ? 'failure' : 'success',
      created_at: iso(run.startedAt),
      run_started_at: iso(run.startedAt + 20_000),
      updated_at: iso(run.doneAt),
      html_url: `https://github.com/acme/${repo.name}/actions/runs/${id}`,
      actor: githubUser(actor),
    },
    repository: githubRepository(repo),
    sender: githubUser(actor),
  };
}

/** A production deployment of `sha` and its final status, as GitHub's two webhooks send them. */
export function deploymentPayloads(deploy: {
  id: number;
  statusId: number;
  repo: DemoRepo;
  sha: string;
  deployer: DemoPerson;
  createdAt: number;
  finishedAt: number;
  failed: boolean;
}) {
  const { id, repo, deployer } = deploy;
  const deployment = {
    id,
    sha: deploy.sha,
    ref: 'main',
    task: 'deploy',
    environment: 'production',
    creator: githubUser(deployer),
    created_at: iso(deploy.createdAt),
    url: `https://api.github.com/repos/acme/${repo.name}/deployments/${id}`,
  };
  const context = { repository: githubRepository(repo), sender: githubUser(deployer) };
  return {
    created: { action: 'created', deployment, ...context },
    status: {
      action: 'created',
      deployment_status: {
        id: deploy.statusId,
        state: deploy.failed ? 'failure' : 'success',
        environment: 'production',
        description: deploy.failed ? `Health check failed: ${repo.name} 5xx above 2%` : 'Deployed',
        creator: githubUser(deployer),
        created_at: iso(deploy.finishedAt),
      },
      deployment,
      ...context,
    },
  };
}
