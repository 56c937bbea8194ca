import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Types } from 'mongoose';
import { startTestServer, type TestServer } from '../support/server.ts';
import { snapshotFacts } from '../support/fact-snapshot.ts';
import { sendGithub, sendJira, sendPagerDuty } from '../support/webhook-delivery.ts';

const GITHUB_SECRET = 'normalize-github-secret';
const JIRA_SECRET = 'normalize-jira-secret';
const PAGERDUTY_SECRET = 'normalize-pagerduty-secret';
const EVENT_TYPES = [
  'pull_request',
  'pull_request_review',
  'push',
  'deployment',
  'deployment_status',
  'workflow_run',
  'check_run',
  'release',
];

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}
const examples = (createRequire(import.meta.url)('@octokit/webhooks-examples') as ExampleGroup[])
  .filter((group) => EVENT_TYPES.includes(group.name))
  .flatMap((group) => group.examples.map((payload, index) => ({ event: group.name, index, payload })));
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

describe('normalization of stored deliveries into facts', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer(import.meta.url, {
      GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
      JIRA_WEBHOOK_SECRET: JIRA_SECRET,
      PAGERDUTY_WEBHOOK_SECRET: PAGERDUTY_SECRET,
    });
  });
  after(() => server.close());

  async function settle(tenantId = 'demo') {
    await server.normalizer.idle();
    await server.normalizer.drainAll();
    const pending = await server.models.EventPending.countDocuments({ tenantId });
    assert.equal(pending, 0, 'every stored event is normalized');
  }

  it('stores every @octokit/webhooks-examples payload once and normalizes each without error', async () => {
    assert.ok(examples.length >= 70, `expected the package's examples, found ${examples.length}`);
    for (const { event, index, payload } of examples) {
      const sent = await sendGithub(server.url, GITHUB_SECRET, event, payload, {
        deliveryId: `ex-${event}-${index}`,
      });
      assert.equal(sent.status, 202, `${event} #${index}: ${JSON.stringify(sent.body)}`);
    }
    await settle();
    const stored = await server.models.EventRaw.find({ tenantId: 'demo', source: 'github' }).lean();
    assert.equal(stored.length, examples.length);
    assert.deepEqual(
      (await server.models.EventPending.find({ tenantId: 'demo' }).lean()).map((entry) => entry.lastError),
      [],
      'no event failed or is left in the queue',
    );
    const facts = await snapshotFacts(server.models, 'demo');
    for (const kind of [
      'repository',
      'pullRequest',
      'review',
      'commit',
      'deployment',
      'deploymentStatus',
      'ciRun',
      'release',
    ]) {
      assert.ok(facts[kind]!.length > 0, `no ${kind} facts`);
    }
    const pr = await server.models.PullRequest.findOne({
      tenantId: 'demo',
      repo: 'Codertocat/Hello-World',
      number: 2,
    }).lean();
    assert.equal(pr?.author, 'Codertocat');
    assert.equal(pr?.openedAt?.toISOString(), '2019-05-15T15:20:33.000Z');
  });

  it('changes nothing when every example is delivered twice more, as duplicates and as new deliveries', async () => {
    const before = await snapshotFacts(server.models, 'demo');
    for (const round of [1, 2]) {
      for (const { event, index, payload } of examples) {
        const duplicate = await sendGithub(server.url, GITHUB_SECRET, event, payload, {
          deliveryId: `ex-${event}-${index}`,
        });
        assert.equal(duplicate.status, 200);
        const redelivered = await sendGithub(server.url, GITHUB_SECRET, event, payload, {
          deliveryId: `replay-${round}-${event}-${index}`,
        });
        assert.equal(redelivered.status, 202);
      }
    }
    await settle();
    assert.equal(
      await server.models.EventRaw.countDocuments({ tenantId: 'demo', source: 'github' }),
      examples.length * 3,
    );
    assert.deepEqual(await snapshotFacts(server.models, 'demo'), before);
  });

  it('ends a pull request merged when its merge arrives before its opening', async () => {
    const opened = structuredClone(
      examples.find((e) => e.event === 'pull_request' && e.payload.action === 'opened')!.payload,
    ) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    opened.repository.full_name = 'acme/out-of-order';
    opened.pull_request.number = 77;
    opened.pull_request.updated_at = '2026-10-01T10:00:00Z';
    opened.pull_request.created_at = '2026-10-01T10:00:00Z';
    const merged = structuredClone(opened);
    merged.action = 'closed';
    Object.assign(merged.pull_request, {
      state: 'closed',
      merged: true,
      title: 'Final title',
      updated_at: '2026-10-02T16:30:00Z',
      closed_at: '2026-10-02T16:30:00Z',
      merged_at: '2026-10-02T16:30:00Z',
    });
    const path = '/webhooks/github';
    assert.equal((await sendGithub(server.url, GITHUB_SECRET, 'pull_request', merged, { path })).status, 202);
    await settle();
    assert.equal((await sendGithub(server.url, GITHUB_SECRET, 'pull_request', opened, { path })).status, 202);
    await settle();
    const pr = await server.models.PullRequest.findOne({
      tenantId: 'demo',
      repo: 'acme/out-of-order',
      number: 77,
    }).lean();
    assert.equal(pr?.state, 'merged');
    assert.equal(pr?.title, 'Final title');
    assert.equal(pr?.openedAt?.toISOString(), '2026-10-01T10:00:00.000Z');
    assert.equal(pr?.readyAt?.toISOString(), '2026-10-01T10:00:00.000Z');
    assert.equal(pr?.mergedAt?.toISOString(), '2026-10-02T16:30:00.000Z');
    assert.equal(pr?.closedAt?.toISOString(), '2026-10-02T16:30:00.000Z');
  });

  it('ends a PagerDuty incident resolved, with all three times, when resolved arrives before acknowledged and triggered', async () => {
    for (const name of ['incident-resolved', 'incident-acknowledged', 'incident-triggered']) {
      assert.equal(
        (await sendPagerDuty(server.url, [PAGERDUTY_SECRET], fixture(`pagerduty/${name}.json`))).status,
        202,
      );
      await settle();
    }
    const incident = await server.models.Incident.findOne({
      tenantId: 'demo',
      incidentId: 'Q2KJ0T8QBO1XZ7',
    }).lean();
    assert.equal(incident?.status, 'resolved');
    assert.equal(incident?.triggeredAt?.toISOString(), '2026-10-08T03:14:07.000Z');
    assert.equal(incident?.acknowledgedAt?.toISOString(), '2026-10-08T03:19:41.004Z');
    assert.equal(incident?.resolvedAt?.toISOString(), '2026-10-08T04:02:13.877Z');
    assert.equal(incident?.serviceName, 'checkout-api');
    assert.equal(incident?.priority, 'P1');
    const service = await server.models.Service.findOne({ tenantId: 'demo', serviceId: 'PF9KMXH' }).lean();
    assert.equal(service?.name, 'checkout-api');
  });

  it('keeps a Jira issue Done with its status history and sprint when updates arrive newest first', async () => {
    const sends = [
      ['issue-updated-done', 'j-done'],
      ['sprint-closed', 'j-sprint-closed'],
      ['issue-updated-in-progress', 'j-progress'],
      ['sprint-started', 'j-sprint-started'],
      ['issue-created', 'j-created'],
    ];
    for (const [name, deliveryId] of sends) {
      assert.equal(
        (await sendJira(server.url, JIRA_SECRET, fixture(`jira/${name}.json`), { deliveryId })).status,
        202,
      );
      await settle();
    }
    const issue = await server.models.JiraIssue.findOne({ tenantId: 'demo', issueId: '10231' }).lean();
    assert.equal(issue?.key, 'ENG-101');
    assert.equal(issue?.status, 'Done');
    assert.equal(issue?.statusCategory, 'done');
    assert.deepEqual(issue?.sprintIds, [37]);
    assert.equal(issue?.storyPoints, 5);
    assert.equal(issue?.startedAt?.toISOString(), '2026-10-07T10:12:44.201Z');
    assert.equal(issue?.resolvedAt?.toISOString(), '2026-10-13T14:02:00.901Z');
    const transitions = await server.models.IssueTransition.find({ tenantId: 'demo', issueId: '10231' })
      .sort({ at: 1 })
      .lean();
    assert.deepEqual(
      transitions.map((t) => [t.from, t.to]),
      [
        ['To Do', 'In Progress'],
        ['In Progress', 'Done'],
      ],
    );
    const sprint = await server.models.Sprint.findOne({ tenantId: 'demo', sprintId: 37 }).lean();
    assert.equal(sprint?.state, 'closed');
    assert.equal(sprint?.completeDate?.toISOString(), '2026-10-19T09:50:00.377Z');
  });

  it('recovers from a crash through the queue: a stored event is normalized by the sweep, an entry without its event is dropped once old', async () => {
    const tenantId = 'crash-tenant';
    const payload = structuredClone(
      examples.find((e) => e.event === 'pull_request' && e.payload.action === 'opened')!.payload,
    ) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    payload.repository.full_name = 'acme/after-crash';
    const receivedAt = new Date(Date.now() - 5 * 60_000);
    // The process died after storing the delivery and its queue entry, before normalizing it.
    const stored = await server.models.EventRaw.create({
      tenantId,
      source: 'github',
      deliveryId: 'crash-1',
      eventType: 'pull_request',
      headers: {},
      body: JSON.stringify(payload),
      verification: { verified: true, method: 'hmac-sha256' },
      receivedAt,
    });
    const youngOrphan = new Types.ObjectId();
    await server.models.EventPending.insertMany([
      { _id: stored._id, tenantId, receivedAt, attempts: 0 },
      // Died between writing the entry and its event: the provider got no ack and retries as a new delivery.
      { _id: new Types.ObjectId(), tenantId, receivedAt, attempts: 0 },
      // An entry whose event may be being stored right now is left for a later sweep.
      { _id: youngOrphan, tenantId, receivedAt: new Date(), attempts: 0 },
    ]);

    await server.normalizer.drainAll();

    const pr = await server.models.PullRequest.findOne({ tenantId, repo: 'acme/after-crash' }).lean();
    assert.equal(pr?.number, payload.pull_request.number);
    assert.deepEqual(
      (await server.models.EventPending.find({ tenantId }).lean()).map((entry) => String(entry._id)),
      [String(youngOrphan)],
    );
  });
});
