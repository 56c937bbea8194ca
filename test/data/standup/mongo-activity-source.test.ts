import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createMongoApprovalStore } from '../../../data/approvals/mongo-approval-store.ts';
import { createMongoAuditLedger } from '../../../data/audit/mongo-audit-ledger.ts';
import {
  DEMO_REPOS,
  JIRA_STATUS,
  deploymentPayloads,
  githubRepository,
  githubUser,
  iso,
  jiraStatusChangelog,
  jiraTime,
  jiraUser,
  type DemoPerson,
  type DemoRepo,
  type JiraStatus,
} from '../../../data/demo/demo-payloads.ts';
import { DEMO_PEOPLE } from '../../../data/demo/demo-team.ts';
import { createIdentityDirectory } from '../../../data/identity/mongo-identity-directory.ts';
import { applyFactWrites } from '../../../data/ingest/apply-fact-writes.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { normalizeEvent } from '../../../data/sources/normalize-event.ts';
import type { SourceName } from '../../../data/sources/types.ts';
import { createActivitySource } from '../../../data/standup/mongo-activity-source.ts';
import type { ActivitySource } from '../../../handlers/standup/activity.ts';
import type { ActivityItem, ChatAccount } from '../../../handlers/standup/types.ts';
import { pendingApproval } from '../../support/approval-fixture.ts';
import { openTestDatabase } from '../../support/database.ts';

const [ANA, BEN] = DEMO_PEOPLE as unknown as [DemoPerson, DemoPerson];
const [WEB, API, MOBILE] = DEMO_REPOS as unknown as [DemoRepo, DemoRepo, DemoRepo];
const TENANT = 'T0DRAFT';
const OTHER_TENANT = 'T0OTHER';
const ANA_SLACK: ChatAccount = { tool: 'slack', handle: 'U0ANA' };
const BEN_SLACK: ChatAccount = { tool: 'slack', handle: 'U0BEN' };
const HOUR = 3_600_000;
/** The window: since Ana's last standup, until now. */
const SINCE = new Date('2026-11-19T09:00:00Z');
const UNTIL = new Date('2026-11-20T09:00:00Z');
const at = (hours: number) => SINCE.getTime() + hours * HOUR;

function pullRequest(
  repo: DemoRepo,
  number: number,
  author: DemoPerson,
  options: { title: string; openedAt: number; mergedAt?: number; draft?: boolean },
) {
  const updatedAt = options.mergedAt ?? options.openedAt;
  return {
    action: options.mergedAt ? 'closed' : 'opened',
    number,
    pull_request: {
      id: 5_000_000 + number,
      number,
      title: options.title,
      user: githubUser(author),
      html_url: `https://github.com/acme/${repo.name}/pull/${number}`,
      state: options.mergedAt ? 'closed' : 'open',
      draft: options.draft ?? false,
      merged: Boolean(options.mergedAt),
      created_at: iso(options.openedAt),
      updated_at: iso(updatedAt),
      closed_at: options.mergedAt ? iso(options.mergedAt) : null,
      merged_at: options.mergedAt ? iso(options.mergedAt) : null,
      labels: [],
      requested_reviewers: [],
      assignees: [],
      base: { ref: 'main' },
      head: { ref: `feature-${number}`, sha: `${number}`.padEnd(40, 'a') },
    },
    repository: githubRepository(repo),
    sender: githubUser(author),
  };
}

function review(
  repo: DemoRepo,
  prNumber: number,
  prAuthor: DemoPerson,
  reviewer: DemoPerson,
  id: number,
  state: 'APPROVED' | 'COMMENTED',
  submittedAt: number,
) {
  return {
    action: 'submitted',
    review: {
      id,
      user: githubUser(reviewer),
      state,
      submitted_at: iso(submittedAt),
      commit_id: 'c'.repeat(40),
      html_url: `https://github.com/acme/${repo.name}/pull/${prNumber}#pullrequestreview-${id}`,
    },
    pull_request: { number: prNumber, user: githubUser(prAuthor) },
    repository: githubRepository(repo),
    sender: githubUser(reviewer),
  };
}

function push(repo: DemoRepo, author: DemoPerson, commits: { sha: string; message: string; at: number }[]) {
  return {
    ref: 'refs/heads/main',
    commits: commits.map((commit) => ({
      id: commit.sha,
      message: commit.message,
      timestamp: iso(commit.at),
      url: `https://github.com/acme/${repo.name}/commit/${commit.sha}`,
      author: { name: author.name, email: `${author.login}@acme.example`, username: author.login },
    })),
    repository: githubRepository(repo),
    sender: githubUser(author),
  };
}

function jiraMove(
  issue: { id: string; key: string; summary: string; assignee: DemoPerson },
  by: DemoPerson,
  changelogId: string,
  from: JiraStatus,
  to: JiraStatus,
  when: number,
) {
  return {
    timestamp: when,
    webhookEvent: 'jira:issue_updated',
    user: jiraUser(by),
    issue: {
      id: issue.id,
      key: issue.key,
      fields: {
        summary: issue.summary,
        project: { key: 'ENG' },
        issuetype: { name: 'Story' },
        status: JIRA_STATUS[to],
        assignee: jiraUser(issue.assignee),
        reporter: jiraUser(issue.assignee),
        created: jiraTime(when - 72 * HOUR),
        updated: jiraTime(when),
      },
    },
    changelog: jiraStatusChangelog(changelogId, from, to),
  };
}

function incident(
  eventType: 'incident.acknowledged' | 'incident.resolved',
  person: DemoPerson,
  when: number,
) {
  const user = { id: person.pd, type: 'user_reference', summary: person.name };
  return {
    event: {
      id: `EV-${eventType}-${person.pd}`,
      event_type: eventType,
      resource_type: 'incident',
      occurred_at: iso(when),
      agent: user,
      data: {
        id: `Q-${person.pd}`,
        type: 'incident',
        html_url: `https://acme.pagerduty.com/incidents/Q-${person.pd}`,
        number: 1301,
        status: eventType === 'incident.resolved' ? 'resolved' : 'acknowledged',
        created_at: iso(when - HOUR),
        title: 'payments-api 5xx above 2%',
        urgency: 'high',
        service: { id: 'PSVC0PA', type: 'service_reference', summary: 'payments-api' },
        assignees: [user],
      },
    },
  };
}

describe('standup drafts from the facts (real database)', () => {
  let connection: Connection;
  let models: Models;
  let source: ActivitySource;

  /** What the normalizer does with each delivery: the production path from payload to facts. */
  async function deliver(tenantId: string, source: SourceName, eventType: string, payload: unknown) {
    const writes = normalizeEvent(source, eventType, payload as Record<string, unknown>);
    await applyFactWrites(factModelsOf(models), tenantId, writes);
  }

  async function linkAccounts(tenantId: string, chat: ChatAccount, person: DemoPerson) {
    const identity = createIdentityDirectory(models.Person);
    await identity.link(tenantId, chat, { tool: 'github', handle: person.login }, 'manual');
    await identity.link(tenantId, chat, { tool: 'jira', handle: person.jira }, 'manual');
    await identity.link(tenantId, chat, { tool: 'pagerduty', handle: person.pd }, 'manual');
  }

  async function decide(tenantId: string, id: string, actor: string, outcome: string, when: number) {
    await createMongoApprovalStore(models.Approval, models.ApprovalClaim).insert(
      pendingApproval({ id, tenantId, action_type: 'pr.merge', target_ref: 'github:acme/payments-api#300' }),
    );
    await createMongoAuditLedger(models.AuditEvent, { now: () => new Date(when) }).append({
      tenantId,
      subject: `approval:${id}`,
      verb: 'approval.decide',
      payload: { decision: 'approve' },
      actor,
      outcome,
      correlation_id: null,
    });
  }

  /** Ana's and Ben's day in one tenant: each kind once in the window, and the same kinds outside it. */
  async function loadTeam() {
    const github = (event: string, payload: unknown) => deliver(TENANT, 'github', event, payload);
    // Opened and merged in the window: once, as merged. Its squash commit is the PR, not a commit of its own.
    await github('pull_request', pullRequest(API, 201, ANA, { title: 'Fix retries', openedAt: at(1) }));
    await github(
      'pull_request',
      pullRequest(API, 201, ANA, { title: 'Fix retries', openedAt: at(1), mergedAt: at(5) }),
    );
    await github('push', push(API, ANA, [{ sha: 'f'.repeat(40), message: 'Fix retries (#201)', at: at(5) }]));
    // Opened in the window and waiting; opened before, still waiting; a draft, which waits for nobody.
    await github('pull_request', pullRequest(API, 202, ANA, { title: 'Add backoff', openedAt: at(2) }));
    await github('pull_request', pullRequest(WEB, 150, ANA, { title: 'Saved cards', openedAt: at(-48) }));
    await github(
      'pull_request',
      pullRequest(WEB, 151, ANA, { title: 'Spike', openedAt: at(-30), draft: true }),
    );
    // Merged before the window: not hers to report today.
    await github(
      'pull_request',
      pullRequest(WEB, 149, ANA, { title: 'Old work', openedAt: at(-80), mergedAt: at(-20) }),
    );
    // Ben's PR, which Ana reviews twice (one item, her latest verb); her own PR she comments on (skipped).
    await github(
      'pull_request',
      pullRequest(API, 300, BEN, { title: 'Capture idempotently', openedAt: at(-10), mergedAt: at(8) }),
    );
    await github('pull_request_review', review(API, 300, BEN, ANA, 9001, 'COMMENTED', at(2)));
    await github('pull_request_review', review(API, 300, BEN, ANA, 9002, 'APPROVED', at(3)));
    await github('pull_request_review', review(API, 202, ANA, ANA, 9003, 'COMMENTED', at(4)));
    await github('pull_request_review', review(API, 300, BEN, ANA, 9000, 'COMMENTED', at(-5)));
    // Commits: three to one repository (one item), one to another, a merge commit, one before the window.
    await github(
      'push',
      push(WEB, ANA, [
        { sha: '1'.repeat(40), message: 'Tidy the cart\n\nDetails', at: at(1) },
        { sha: '2'.repeat(40), message: 'Cache tax rates', at: at(2) },
        { sha: '3'.repeat(40), message: "Merge branch 'main' into cart", at: at(2.5) },
        { sha: '4'.repeat(40), message: 'Drop the coupon endpoint', at: at(3) },
        { sha: '5'.repeat(40), message: 'Yesterday morning', at: at(-3) },
      ]),
    );
    await github(
      'push',
      push(MOBILE, ANA, [{ sha: 'abcdef1'.padEnd(40, '0'), message: 'Bump RN', at: at(6) }]),
    );
    await github('push', push(MOBILE, BEN, [{ sha: 'b'.repeat(40), message: 'Ben was here', at: at(6) }]));
    // Jira: Ana moves ENG-501 twice (one item, to Done); ENG-502 is hers and in progress (moved by Ben).
    const done = { id: '30501', key: 'ENG-501', summary: 'Retry captures', assignee: ANA };
    const progress = { id: '30502', key: 'ENG-502', summary: 'Refund rounding', assignee: ANA };
    await deliver(
      TENANT,
      'jira',
      'jira:issue_updated',
      jiraMove(done, ANA, '7001', 'todo', 'progress', at(1)),
    );
    await deliver(
      TENANT,
      'jira',
      'jira:issue_updated',
      jiraMove(done, ANA, '7002', 'progress', 'done', at(6)),
    );
    await deliver(
      TENANT,
      'jira',
      'jira:issue_updated',
      jiraMove(progress, BEN, '7003', 'todo', 'progress', at(-30)),
    );
    // PagerDuty: Ana acknowledges and resolves her incident.
    await deliver(
      TENANT,
      'pagerduty',
      'incident.acknowledged',
      incident('incident.acknowledged', ANA, at(4)),
    );
    await deliver(TENANT, 'pagerduty', 'incident.resolved', incident('incident.resolved', ANA, at(7)));
    // Deploys: Ana's production deploy shipped; a failed one did not.
    for (const [id, failed] of [
      [880101, false],
      [880102, true],
    ] as const) {
      const deploy = deploymentPayloads({
        id,
        statusId: id + 1000,
        repo: API,
        sha: `${id}`.padEnd(40, 'd'),
        deployer: ANA,
        createdAt: at(5.5),
        finishedAt: at(6),
        failed,
      });
      await github('deployment', deploy.created);
      await github('deployment_status', deploy.status);
    }
    // Ana approves an action; a refused attempt is no decision.
    await decide(TENANT, 'ap-1', 'slack:U0ANA', 'approved', at(7.5));
    await decide(TENANT, 'ap-2', 'slack:U0ANA', 'refused', at(7.6));
    await linkAccounts(TENANT, ANA_SLACK, ANA);
    await linkAccounts(TENANT, BEN_SLACK, BEN);
  }

  /** The same accounts in another tenant, busy in the same window: none of it may show in TENANT. */
  async function loadOtherTenant() {
    const github = (event: string, payload: unknown) => deliver(OTHER_TENANT, 'github', event, payload);
    await github(
      'pull_request',
      pullRequest(API, 999, ANA, { title: 'Other tenant', openedAt: at(1), mergedAt: at(2) }),
    );
    await github('pull_request', pullRequest(API, 998, ANA, { title: 'Other tenant open', openedAt: at(1) }));
    await github('pull_request_review', review(API, 997, BEN, ANA, 9999, 'APPROVED', at(3)));
    await github(
      'push',
      push(WEB, ANA, [{ sha: '9'.repeat(40), message: 'Other tenant commit', at: at(2) }]),
    );
    const issue = { id: '39999', key: 'OTH-1', summary: 'Other tenant issue', assignee: ANA };
    await deliver(
      OTHER_TENANT,
      'jira',
      'jira:issue_updated',
      jiraMove(issue, ANA, '7999', 'todo', 'progress', at(2)),
    );
    await decide(OTHER_TENANT, 'ap-9', 'slack:U0ANA', 'declined', at(3));
    await linkAccounts(OTHER_TENANT, ANA_SLACK, ANA);
  }

  before(async function () {
    this.timeout(120_000);
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    await loadTeam();
    await loadOtherTenant();
    source = createActivitySource(models, { jiraBaseUrl: 'https://acme-eng.atlassian.net/' });
  });

  after(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const texts = (items: ActivityItem[]) => items.map((item) => item.text);

  it('drafts what the member did in the window, each kind once with its link, in time order', async () => {
    const draft = await source.draftFor(TENANT, ANA_SLACK, SINCE, UNTIL);
    assert.deepEqual(
      draft.done.map(({ kind, text, url }) => ({ kind, text, url })),
      [
        {
          kind: 'pr-opened',
          text: 'Opened acme/payments-api#202 Add backoff',
          url: 'https://github.com/acme/payments-api/pull/202',
        },
        {
          kind: 'pr-reviewed',
          text: 'Approved acme/payments-api#300 Capture idempotently',
          url: 'https://github.com/acme/payments-api/pull/300',
        },
        {
          kind: 'commit',
          text: '3 commits to acme/checkout-web',
          url: 'https://github.com/acme/checkout-web/commits?author=ana-lima',
        },
        {
          kind: 'pr-merged',
          text: 'Merged acme/payments-api#201 Fix retries',
          url: 'https://github.com/acme/payments-api/pull/201',
        },
        {
          kind: 'commit',
          text: 'Committed acme/mobile-app@abcdef1 Bump RN',
          url: `https://github.com/acme/mobile-app/commit/${'abcdef1'.padEnd(40, '0')}`,
        },
        {
          kind: 'issue-moved',
          text: 'Moved ENG-501 Retry captures to Done',
          url: 'https://acme-eng.atlassian.net/browse/ENG-501',
        },
        {
          kind: 'incident',
          text: 'Resolved incident #1301 payments-api 5xx above 2%',
          url: 'https://acme.pagerduty.com/incidents/Q-PANA001',
        },
        { kind: 'approval', text: 'Approved pr.merge for acme/payments-api#300', url: undefined },
      ],
    );
    assert.ok(
      draft.done.every((item) => item.at && item.at >= SINCE.toISOString() && item.at < UNTIL.toISOString()),
    );
  });

  it('lists the today candidates: open non-draft PRs waiting for review, Jira issues in progress', async () => {
    const draft = await source.draftFor(TENANT, ANA_SLACK, SINCE, UNTIL);
    assert.deepEqual(
      draft.today.map(({ kind, text, url }) => ({ kind, text, url })),
      [
        {
          kind: 'pr-waiting',
          text: 'Waiting for review: acme/checkout-web#150 Saved cards',
          url: 'https://github.com/acme/checkout-web/pull/150',
        },
        {
          kind: 'pr-waiting',
          text: 'Waiting for review: acme/payments-api#202 Add backoff',
          url: 'https://github.com/acme/payments-api/pull/202',
        },
        {
          kind: 'issue-in-progress',
          text: 'In Progress: ENG-502 Refund rounding',
          url: 'https://acme-eng.atlassian.net/browse/ENG-502',
        },
      ],
    );
  });

  it('respects the window: a day earlier shows the earlier work and none of today’s', async () => {
    const draft = await source.draftFor(TENANT, ANA_SLACK, new Date(at(-24)), SINCE);
    assert.deepEqual(texts(draft.done), [
      'Merged acme/checkout-web#149 Old work',
      'Reviewed acme/payments-api#300 Capture idempotently',
      'Committed acme/checkout-web@5555555 Yesterday morning',
    ]);
  });

  it("never shows another person's or another tenant's work", async () => {
    const ana = await source.draftFor(TENANT, ANA_SLACK, SINCE, UNTIL);
    const all = texts([...ana.done, ...ana.today]).join('\n');
    assert.doesNotMatch(all, /Other tenant|OTH-1|Declined|Ben was here|#997|#998|#999/);
    const ben = await source.draftFor(TENANT, BEN_SLACK, SINCE, UNTIL);
    assert.deepEqual(texts(ben.done), [
      'Committed acme/mobile-app@bbbbbbb Ben was here',
      'Merged acme/payments-api#300 Capture idempotently',
    ]);
    assert.deepEqual(ben.today, []);
    // The other tenant sees its own work, and only that.
    const other = await source.draftFor(OTHER_TENANT, ANA_SLACK, SINCE, UNTIL);
    assert.deepEqual(texts(other.done), [
      'Opened acme/payments-api#998 Other tenant open',
      'Merged acme/payments-api#999 Other tenant',
      'Committed acme/checkout-web@9999999 Other tenant commit',
      'Moved OTH-1 Other tenant issue to In Progress',
      'Approved acme/payments-api#997',
      'Declined pr.merge for acme/payments-api#300',
    ]);
    assert.ok(texts(other.done).every((text) => !/Fix retries|Add backoff|ENG-50/.test(text)));
  });

  it('drafts a batch (draftsFor) exactly as each member alone, each over their own window', async () => {
    const stranger: ChatAccount = { tool: 'slack', handle: 'U0NOBODY' };
    const requests = [
      { member: ANA_SLACK, since: SINCE },
      { member: BEN_SLACK, since: new Date(SINCE.getTime() - 24 * HOUR) },
      { member: stranger, since: new Date(SINCE.getTime() + 2 * HOUR) },
    ];
    const drafts = await source.draftsFor!(TENANT, requests, UNTIL);
    assert.equal(drafts.size, 3);
    for (const { member, since } of requests) {
      assert.deepEqual(
        drafts.get(`${member.tool}:${member.handle}`),
        await source.draftFor(TENANT, member, since, UNTIL),
      );
    }
    assert.ok((drafts.get('slack:U0ANA')?.done.length ?? 0) > 0);
  });

  it('drafts nothing for a member nobody has linked or who did nothing', async () => {
    assert.deepEqual(await source.draftFor(TENANT, { tool: 'slack', handle: 'U0NOBODY' }, SINCE, UNTIL), {
      done: [],
      today: [],
    });
  });

  it("lists the team's shipped work newest first: merged PRs, issues done, successful production deploys", async () => {
    const shipped = await source.shippedBy(TENANT, [ANA_SLACK, BEN_SLACK], SINCE, UNTIL);
    assert.deepEqual(
      shipped.map(({ kind, text }) => ({ kind, text })),
      [
        { kind: 'pr-merged', text: 'Merged acme/payments-api#300 Capture idempotently' },
        { kind: 'issue-moved', text: 'Done ENG-501 Retry captures' },
        { kind: 'deployed', text: 'Deployed acme/payments-api@880101d to production' },
        { kind: 'pr-merged', text: 'Merged acme/payments-api#201 Fix retries' },
      ],
    );
    assert.deepEqual(texts(await source.shippedBy(TENANT, [ANA_SLACK, BEN_SLACK], SINCE, UNTIL, 2)), [
      'Merged acme/payments-api#300 Capture idempotently',
      'Done ENG-501 Retry captures',
    ]);
    assert.deepEqual(texts(await source.shippedBy(TENANT, [BEN_SLACK], SINCE, UNTIL)), [
      'Merged acme/payments-api#300 Capture idempotently',
    ]);
    assert.deepEqual(await source.shippedBy(TENANT, [], SINCE, UNTIL), []);
  });
});
