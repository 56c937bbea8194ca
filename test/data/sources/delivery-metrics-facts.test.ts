import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FakeGitHubRest } from '../../fakes/github-rest-api.ts';
import { FakeJiraCloud } from '../../fakes/jira-cloud-api.ts';
import { comparableFacts } from '../../support/backfill-context.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { sendGithub, sendJira, sendPagerDuty } from '../../support/webhook-delivery.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- provider JSON

const SECRETS = { github: 'dm-github', jira: 'dm-jira', pagerduty: 'dm-pagerduty' };
const REPO = 'acme/api';
const sha = (c: string) => c.repeat(40);

interface ExampleGroup {
  name: string;
  examples: Json[];
}
const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as ExampleGroup[];
const example = (name: string, pick: (payload: Json) => boolean) =>
  structuredClone(examples.find((group) => group.name === name)!.examples.find(pick)!);
const fixture = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));

/** GitHub's own example payloads, moved to acme/api and to a story: a PR merged, its push, a release. */
function githubDeliveries() {
  const repository = (payload: Json) => ({ ...payload.repository, full_name: REPO, name: 'api' });
  const branchPush = example('push', (p) => p.ref === 'refs/heads/master');
  const commit = (id: string, message: string, timestamp: string, distinct: boolean) => ({
    ...structuredClone(branchPush.head_commit),
    id,
    tree_id: sha('e'),
    distinct,
    message,
    timestamp,
    url: `https://github.com/${REPO}/commit/${id}`,
  });
  const first = commit(
    sha('1'),
    'Retry the payment call (#12)\n\nBack off on 502.',
    '2026-11-02T09:00:00-07:00',
    true,
  );
  const head = commit(sha('2'), 'Log the retries', '2026-11-02T18:30:00+02:00', false);
  const push = {
    ...branchPush,
    ref: 'refs/heads/main',
    before: sha('0'),
    after: head.id,
    created: false,
    commits: [first, head],
    head_commit: head,
    compare: `https://github.com/${REPO}/compare/${sha('0').slice(0, 12)}...${head.id.slice(0, 12)}`,
    repository: { ...repository(branchPush), pushed_at: Date.UTC(2026, 10, 2, 17) / 1000 },
  };
  const tagPush = example('push', (p) => p.ref === 'refs/tags/simple-tag' && p.created);
  const deletion = example('push', (p) => p.deleted);
  Object.assign(deletion, {
    ref: 'refs/heads/retry-payments',
    before: first.id,
    repository: { ...repository(deletion), pushed_at: Date.UTC(2026, 10, 3, 8) / 1000 },
  });

  const merged = example('pull_request', (p) => p.action === 'closed');
  Object.assign(merged.pull_request, {
    number: 12,
    state: 'closed',
    merged: true,
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-02T16:00:00Z',
    closed_at: '2026-11-02T16:00:00Z',
    merged_at: '2026-11-02T16:00:00Z',
    merge_commit_sha: sha('1'),
  });
  merged.number = 12;
  const opened = structuredClone(merged);
  Object.assign(opened, { action: 'opened' });
  Object.assign(opened.pull_request, {
    state: 'open',
    merged: false,
    updated_at: '2026-11-01T09:00:00Z',
    closed_at: null,
    merged_at: null,
    // While open, GitHub's test merge commit: not what ships.
    merge_commit_sha: sha('0'),
  });

  const published = example('release', (p) => p.action === 'published');
  Object.assign(published.release, {
    id: 501,
    tag_name: 'v2.0.0',
    target_commitish: 'main',
    draft: false,
    created_at: '2026-11-02T17:00:00Z',
    published_at: '2026-11-02T17:05:00Z',
  });
  const fromSha = structuredClone(published);
  Object.assign(fromSha.release, { id: 502, tag_name: 'v2.0.1', target_commitish: sha('1').toUpperCase() });

  const events: [string, Json][] = [
    ['push', push],
    ['push', tagPush],
    ['push', deletion],
    ['pull_request', opened],
    ['pull_request', merged],
    // The merge delivered again, as a new delivery: the PR's commits are still read once.
    ['pull_request', merged],
    ['release', published],
    ['release', fromSha],
  ];
  return events.map(([event, payload]) => ({
    event,
    payload: { ...payload, repository: repository(payload) } as Json,
  }));
}

/** Incident 412 of the fixtures, resolved, reopened and resolved again, naming the PR it blames. */
function pagerDutyDeliveries(): Json[] {
  const triggered = fixture('pagerduty/incident-triggered.json');
  const acknowledged = fixture('pagerduty/incident-acknowledged.json');
  const resolved = fixture('pagerduty/incident-resolved.json');
  const reopened = structuredClone(triggered);
  Object.assign(reopened.event, {
    id: '01E7GA0000000000000REOPEN1',
    event_type: 'incident.reopened',
    occurred_at: '2026-10-08T05:00:00.000Z',
  });
  const resolvedAgain = structuredClone(resolved);
  Object.assign(resolvedAgain.event, {
    id: '01E7GB000000000000RESOLVE2',
    occurred_at: '2026-10-08T05:30:00.000Z',
  });
  const events = [triggered, acknowledged, resolved, reopened, resolvedAgain];
  for (const event of events) {
    event.event.data.title = 'checkout-api 5xx rate above 5% since https://github.com/acme/api/pull/12';
  }
  return events;
}

const jiraDeliveries = () =>
  ['issue-created', 'issue-updated-in-progress', 'issue-updated-done'].map((name) =>
    fixture(`jira/${name}.json`),
  );

/** A fixed shuffle (a small LCG), so a failure names an order that can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("delivery metrics' facts from webhooks", function () {
  this.timeout(60_000);
  let server: TestServer;
  let github: FakeGitHubRest;
  let jira: FakeJiraCloud;
  const deliveries: { source: keyof typeof SECRETS; event?: string; payload: Json; id: string }[] = [];

  async function deliver(tenantId: string, order: typeof deliveries) {
    for (const delivery of order) {
      const tenantPath = tenantId === 'demo' ? '' : `/${tenantId}`;
      const path = `/webhooks/${delivery.source}${tenantPath}`;
      const deliveryId = `${tenantId}-${delivery.id}`;
      const sent =
        delivery.source === 'github'
          ? await sendGithub(server.url, SECRETS.github, delivery.event!, delivery.payload, {
              path,
              deliveryId,
            })
          : delivery.source === 'jira'
            ? await sendJira(server.url, SECRETS.jira, delivery.payload, { path, deliveryId })
            : await sendPagerDuty(server.url, [SECRETS.pagerduty], delivery.payload, path);
      assert.equal(sent.status, 202, `${delivery.id}: ${JSON.stringify(sent.body)}`);
      // One at a time, so each order is applied as it arrived.
      await server.normalizer.idle();
      await server.normalizer.drainAll();
    }
  }

  before(async () => {
    github = new FakeGitHubRest();
    jira = new FakeJiraCloud();
    await Promise.all([github.http.start(), jira.http.start()]);
    const githubEvents = githubDeliveries();
    const restCommit = (id: string, authored: string) => ({
      sha: id,
      node_id: `C_${id.slice(0, 6)}`,
      commit: {
        author: { name: 'Codertocat', email: 'octocat@github.com', date: authored },
        committer: { name: 'GitHub', email: 'noreply@github.com', date: '2026-11-02T15:00:00Z' },
        message: `Commit ${id.slice(0, 7)}`,
        tree: { sha: sha('e'), url: `https://api.github.com/repos/${REPO}/git/trees/${sha('e')}` },
        url: `https://api.github.com/repos/${REPO}/git/commits/${id}`,
        comment_count: 0,
      },
      url: `https://api.github.com/repos/${REPO}/commits/${id}`,
      html_url: `https://github.com/${REPO}/commit/${id}`,
      author: { login: 'Codertocat', type: 'User' },
      committer: { login: 'web-flow', type: 'User' },
      parents: [],
    });
    github.repos.set(REPO, {
      repository: githubEvents[0]!.payload.repository,
      pulls: [githubEvents.find((e) => e.payload.action === 'closed')!.payload.pull_request],
      reviews: new Map(),
      commits: [restCommit(sha('2'), '2026-11-02T16:30:00Z')],
      deployments: [],
      statuses: new Map(),
      runs: [],
      releases: [],
      // Listed oldest first by GitHub, but a rebase can put an earlier-authored commit later.
      pullCommits: new Map([
        [12, [restCommit(sha('3'), '2026-11-01T08:00:00Z'), restCommit(sha('4'), '2026-10-31T22:00:00Z')]],
      ]),
      tags: new Map([['v2.0.0', sha('2')]]),
    });
    jira.statuses.push(
      { id: '10000', name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
      { id: '3', name: 'In Progress', statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' } },
      { id: '10001', name: 'Done', statusCategory: { id: 3, key: 'done', name: 'Done' } },
    );
    server = await startTestServer(import.meta.url, {
      GITHUB_WEBHOOK_SECRET: SECRETS.github,
      JIRA_WEBHOOK_SECRET: SECRETS.jira,
      PAGERDUTY_WEBHOOK_SECRET: SECRETS.pagerduty,
      GITHUB_TOKEN: github.token,
      GITHUB_API_URL: github.url,
      JIRA_BASE_URL: jira.url,
      JIRA_EMAIL: jira.email,
      JIRA_API_TOKEN: jira.apiToken,
    });
    deliveries.push(
      ...githubEvents.map(({ event, payload }, i) => ({
        source: 'github' as const,
        event,
        payload,
        id: `gh-${i}`,
      })),
      ...pagerDutyDeliveries().map((payload, i) => ({
        source: 'pagerduty' as const,
        payload,
        id: `pd-${i}`,
      })),
      ...jiraDeliveries().map((payload, i) => ({ source: 'jira' as const, payload, id: `jira-${i}` })),
    );
    for (const tenantId of ['T0SHUF1', 'T0SHUF2']) {
      await server.models.Tenant.ensure(tenantId, 'slack', tenantId);
      await server.models.Tenant.updateOne(
        { tenantId },
        {
          $set: {
            webhookSecrets: { github: SECRETS.github, jira: SECRETS.jira, pagerduty: SECRETS.pagerduty },
          },
        },
      );
    }
    await deliver('demo', deliveries);
  });
  after(async () => {
    await Promise.all([github.http.stop(), jira.http.stop()]);
    await server.close();
  });

  const tenantId = 'demo';

  it('keeps a branch push whole: before, after, time, every listed commit with its authored time', async () => {
    const pushes = await server.models.Push.find({ tenantId }).sort({ after: 1 }).lean();
    assert.deepEqual(
      pushes.map(({ repo, branch, before, after, pushedAt, commits, forced, created, deleted }) => ({
        repo,
        branch,
        before,
        after,
        pushedAt: pushedAt?.toISOString(),
        commits: commits?.map((c) => [c.sha, c.title, c.authoredAt.toISOString()]),
        forced,
        created,
        deleted,
      })),
      [
        {
          repo: REPO,
          branch: 'retry-payments',
          before: sha('1'),
          after: sha('0'),
          // No head commit on a deletion: the push time GitHub stamps on the repository.
          pushedAt: '2026-11-03T08:00:00.000Z',
          commits: undefined,
          forced: false,
          created: false,
          deleted: true,
        },
        {
          repo: REPO,
          branch: 'main',
          before: sha('0'),
          after: sha('2'),
          pushedAt: '2026-11-02T16:30:00.000Z',
          commits: [
            [sha('1'), 'Retry the payment call (#12)', '2026-11-02T16:00:00.000Z'],
            // Not `distinct` (pushed to a branch before), yet new on main: kept.
            [sha('2'), 'Log the retries', '2026-11-02T16:30:00.000Z'],
          ],
          forced: false,
          created: false,
          deleted: false,
        },
      ],
      'the tag push is no push fact',
    );
    const commit = await server.models.Commit.findOne({ tenantId, repo: REPO, sha: sha('1') }).lean();
    assert.equal(commit?.authoredAt?.toISOString(), '2026-11-02T16:00:00.000Z');
  });

  it("keeps a merged PR's merge sha, and its first authored commit time read once from GitHub", async () => {
    const pull = await server.models.PullRequest.findOne({ tenantId, repo: REPO, number: 12 }).lean();
    assert.equal(pull?.mergeCommitSha, sha('1'), "the merged payload's, not the open one's test merge");
    assert.equal(pull?.firstCommitAt?.toISOString(), '2026-10-31T22:00:00.000Z');
    const reads = github.requestsTo(/^\/repos\/acme\/api\/pulls\/12\/commits/);
    assert.equal(reads.length, 1, 'the merge delivered twice is read once');
  });

  it("resolves a release made from a branch to its tag's commit, and takes a sha as it is", async () => {
    const releases = await server.models.Release.find({ tenantId, repo: REPO }).sort({ releaseId: 1 }).lean();
    assert.deepEqual(
      releases.map((release) => [release.tag, release.targetCommitish, release.sha]),
      [
        ['v2.0.0', 'main', sha('2')],
        ['v2.0.1', sha('1').toUpperCase(), sha('1')],
      ],
    );
    assert.deepEqual(
      github.http.requests.filter((r) => /\/commits\/v2/.test(r.path)).map((r) => r.path),
      ['/repos/acme/api/commits/v2.0.0'],
    );
  });

  it('records every PagerDuty status change, a reopening as triggered, and what the incident names', async () => {
    const changes = await server.models.IncidentStatusChange.find({ tenantId }).sort({ at: 1 }).lean();
    assert.deepEqual(
      changes.map((change) => [change.changeId, change.status, change.at?.toISOString()]),
      [
        ['01E7G8N6F3Y2KQ9XWJ0V4D5B1A', 'triggered', '2026-10-08T03:14:07.512Z'],
        ['01E7G8P2R5T8M0ZC3H6N9K2L4D', 'acknowledged', '2026-10-08T03:19:41.004Z'],
        ['01E7G9A4C7E0G3J6L9N2Q5S8U1', 'resolved', '2026-10-08T04:02:13.877Z'],
        ['01E7GA0000000000000REOPEN1', 'triggered', '2026-10-08T05:00:00.000Z'],
        ['01E7GB000000000000RESOLVE2', 'resolved', '2026-10-08T05:30:00.000Z'],
      ],
    );
    const incident = await server.models.Incident.findOne({ tenantId, incidentId: 'Q2KJ0T8QBO1XZ7' }).lean();
    assert.deepEqual(incident?.names, [{ repo: REPO, prNumber: 12 }]);
    assert.equal(incident?.status, 'resolved');
  });

  it("gives Jira transitions both statuses' categories from the status list, read once per tenant", async () => {
    const transitions = await server.models.IssueTransition.find({ tenantId, issueId: '10231' })
      .sort({ at: 1 })
      .lean();
    assert.deepEqual(
      transitions.map((t) => [t.from, t.fromCategory, t.to, t.toCategory]),
      [
        ['To Do', 'new', 'In Progress', 'indeterminate'],
        ['In Progress', 'indeterminate', 'Done', 'done'],
      ],
    );
    assert.equal(jira.requestsTo(/^\/rest\/api\/3\/status/).length, 1);
  });

  it('ends in the same facts whatever the order, each tenant with its own', async () => {
    const expected = await comparableFacts(server.models, tenantId);
    const pullReads = github.requestsTo(/\/pulls\/12\/commits/).length;
    for (const [index, other] of ['T0SHUF1', 'T0SHUF2'].entries()) {
      await deliver(other, shuffled(deliveries, 7 + index));
      assert.deepEqual(await comparableFacts(server.models, other), expected, `shuffle ${index + 1}`);
    }
    assert.equal(github.requestsTo(/\/pulls\/12\/commits/).length, pullReads + 2, 'once per tenant');
    assert.equal(jira.requestsTo(/^\/rest\/api\/3\/status/).length, 3, 'the status list cached per tenant');
    assert.deepEqual(
      await comparableFacts(server.models, tenantId),
      expected,
      'the first tenant is untouched',
    );
    assert.equal(await server.models.IncidentStatusChange.countDocuments({ tenantId }), 5);
  });
});
