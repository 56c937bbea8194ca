import assert from 'node:assert/strict';
import type { StreamResult } from '../../../data/sources/backfill/backfill-context.ts';
import { backfillJira } from '../../../data/sources/jira/backfill.ts';
import { backfillPagerDuty } from '../../../data/sources/pagerduty/backfill.ts';
import { FakeJiraCloud } from '../../fakes/jira-cloud-api.ts';
import { FakePagerDuty } from '../../fakes/pagerduty-api.ts';
import { backfillContext, comparableFacts, recordingWaits } from '../../support/backfill-context.ts';
import { snapshotFacts } from '../../support/fact-snapshot.ts';
import { HISTORY_SINCE, loadJiraAndPagerDutyHistory } from '../../support/jira-pagerduty-history.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { sendJira, sendPagerDuty } from '../../support/webhook-delivery.ts';

const JIRA_SECRET = 'backfill-jira-secret';
const PAGERDUTY_SECRET = 'backfill-pagerduty-secret';

describe('Jira and PagerDuty backfill against their REST fakes', function () {
  this.timeout(60_000);
  let server: TestServer;
  let jira: FakeJiraCloud;
  let pagerDuty: FakePagerDuty;
  let webhookState: Awaited<ReturnType<typeof comparableFacts>>;
  /**
   * The facts, with each incident status change told by its status and time: a webhook keys it by its event
   * id, backfill by its log entry id.
   */
  const backfillable = async (tenantId: string) => {
    const facts = await comparableFacts(server.models, tenantId);
    const changes = (facts.incidentStatusChange ?? []).map((change) => {
      const { changeId: _id, ...rest } = change as Record<string, unknown>;
      return JSON.stringify(rest, Object.keys(rest).sort());
    });
    return { ...facts, incidentStatusChange: changes.sort().map((text) => JSON.parse(text)) };
  };

  const run = async (tenantId: string, waits = recordingWaits()) => {
    const context = backfillContext(server.models, tenantId, { since: HISTORY_SINCE }, waits);
    return [
      ...(await backfillJira(
        { baseUrl: jira.url, email: jira.email, apiToken: jira.apiToken, pageSize: 1 },
        context,
      )),
      ...(await backfillPagerDuty({ token: pagerDuty.token, apiUrl: pagerDuty.url, pageSize: 1 }, context)),
    ];
  };
  const errorsOf = (results: StreamResult[]) => results.filter((result) => result.error);
  const searchTokens = (from = 0) =>
    jira.http.requests
      .slice(from)
      .filter((request) => request.path.startsWith('/rest/api/3/search/jql'))
      .map((request) => new URL(request.path, jira.url).searchParams.get('nextPageToken'));

  before(async () => {
    jira = new FakeJiraCloud();
    pagerDuty = new FakePagerDuty();
    await Promise.all([jira.http.start(), pagerDuty.http.start()]);
    // With Jira credentials, as in production: the enricher reads the status list for the categories.
    server = await startTestServer(import.meta.url, {
      JIRA_WEBHOOK_SECRET: JIRA_SECRET,
      PAGERDUTY_WEBHOOK_SECRET: PAGERDUTY_SECRET,
      JIRA_BASE_URL: jira.url,
      JIRA_EMAIL: jira.email,
      JIRA_API_TOKEN: jira.apiToken,
    });
    const { jiraEvents, pagerDutyEvents } = loadJiraAndPagerDutyHistory(jira, pagerDuty);
    for (const [index, payload] of jiraEvents.entries()) {
      const sent = await sendJira(server.url, JIRA_SECRET, payload, { deliveryId: `jira-${index}` });
      assert.equal(sent.status, 202, JSON.stringify(sent.body));
    }
    for (const payload of pagerDutyEvents) {
      assert.equal((await sendPagerDuty(server.url, [PAGERDUTY_SECRET], payload)).status, 202);
    }
    await server.normalizer.idle();
    await server.normalizer.drainAll();
    webhookState = await backfillable('demo');
  });
  after(async () => {
    await Promise.all([jira.http.stop(), pagerDuty.http.stop()]);
    await server.close();
  });

  it('ends in the same facts as the webhook deliveries, paging through issues, boards and incidents', async () => {
    const results = await run('bf-same');
    assert.deepEqual(errorsOf(results), []);
    assert.deepEqual(await backfillable('bf-same'), webhookState);
    for (const kind of [
      'issue',
      'issueTransition',
      'sprint',
      'incident',
      'incidentStatusChange',
      'service',
    ]) {
      assert.ok(webhookState[kind]!.length > 0, `the history has ${kind} facts`);
    }
    assert.deepEqual(searchTokens(), [null, '1'], 'two issues in range, one a page');
    const search = new URL(jira.requestsTo(/search\/jql/)[0]!.path, jira.url).searchParams;
    assert.equal(search.get('jql'), 'updated >= "2026-10-01 00:00" ORDER BY updated ASC');
    assert.equal(search.get('expand'), 'changelog');
    const incidents = results.find((result) => result.stream === 'pagerduty:incidents')!;
    assert.deepEqual(incidents.tally, { pages: 2, notModified: 0, items: 2 });
  });

  it('reruns without changing anything, asking Jira only for what changed since the last run', async () => {
    const before = await snapshotFacts(server.models, 'bf-same');
    const seen = jira.http.requests.length;
    const results = await run('bf-same');
    assert.deepEqual(errorsOf(results), []);
    const jql = new URL(jira.requestsTo(/search\/jql/).at(-1)!.path, jira.url).searchParams.get('jql')!;
    assert.ok(jira.http.requests.length > seen);
    const narrowedTo = /updated >= "([^"]+)"/.exec(jql)![1]!;
    const minutesAgo = new Date(Date.now() - 5 * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    assert.ok(
      narrowedTo > minutesAgo,
      `the rerun asks from the last run's end, not the range start (${jql})`,
    );
    assert.deepEqual(await snapshotFacts(server.models, 'bf-same'), before, 'not even a revision moved');
  });

  it("reads the rest of a long changelog when the search's expansion is cut short", async () => {
    jira.changelogLimit = 1;
    try {
      assert.deepEqual(errorsOf(await run('bf-changelog')), []);
    } finally {
      jira.changelogLimit = 100;
    }
    assert.equal(jira.requestsTo(/^\/rest\/api\/3\/issue\/10231\/changelog\?startAt=1/).length, 1);
    assert.deepEqual(await backfillable('bf-changelog'), webhookState);
  });

  it('waits out a Jira 429 for its Retry-After and a PagerDuty 429 until ratelimit-reset, and retries a 502', async () => {
    jira.faults.push({
      match: /^\/rest\/api\/3\/search\/jql/,
      status: 429,
      headers: { 'retry-after': '3' },
      times: 1,
    });
    // pdjs retries a 429 three times itself before answering with it.
    pagerDuty.faults.push(
      { match: /^\/services/, status: 429, headers: { 'ratelimit-reset': '2' }, times: 4 },
      { match: /^\/incidents\?/, status: 502, times: 1 },
    );
    const waits = recordingWaits();
    const results = await run('bf-faults', waits);
    assert.deepEqual(errorsOf(results), []);
    assert.deepEqual(
      waits.taken.map(({ ms, reason, status }) => [status, reason, ms]),
      [
        [429, 'retry-after', 3000],
        [429, 'rate-limit-reset', 2000],
        [502, 'backoff', 5],
      ],
    );
    assert.deepEqual(await backfillable('bf-faults'), webhookState);
  });

  it('resumes an interrupted issue search from its page token, without fetching the first page again', async () => {
    const fault = { match: /^\/rest\/api\/3\/search\/jql.*nextPageToken=1/, status: 502, times: 100 };
    jira.faults.push(fault);
    const first = await run('bf-resume');
    assert.deepEqual(
      errorsOf(first).map((result) => result.stream),
      ['jira:issues'],
    );
    fault.times = 0;
    const seen = jira.http.requests.length;
    assert.deepEqual(errorsOf(await run('bf-resume')), []);
    assert.deepEqual(searchTokens(seen), ['1']);
    assert.deepEqual(await backfillable('bf-resume'), webhookState);
  });

  it('fills the metrics fields: every incident status change, what incidents name, status categories', async () => {
    const tenantId = 'bf-same';
    const changes = await server.models.IncidentStatusChange.find({ tenantId }).sort({ at: 1 }).lean();
    assert.deepEqual(
      changes.map((change) => [change.incidentId, change.changeId, change.status, change.at?.toISOString()]),
      [
        ['Q2KJ0T8QBO1XZ7', 'RTRI4D5B1A', 'triggered', '2026-10-08T03:14:07.512Z'],
        ['Q2KJ0T8QBO1XZ7', 'RACK9K2L4D', 'acknowledged', '2026-10-08T03:19:41.004Z'],
        ['Q2KJ0T8QBO1XZ7', 'RRESQ5S8U1', 'resolved', '2026-10-08T04:02:13.877Z'],
        ['Q3OPEN000000A1', 'RTRI0OPEN1', 'triggered', '2026-10-09T11:00:00.250Z'],
      ],
      'keyed by log entry; the assignment in between is no status change',
    );
    const open = await server.models.Incident.findOne({ tenantId, incidentId: 'Q3OPEN000000A1' }).lean();
    assert.deepEqual(open?.names, [{ repo: 'acme/checkout', prNumber: 42 }]);
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
    // The issue's first status: the first transition's `from`, with its category.
    assert.equal(transitions[0]!.from, 'To Do');
  });

  it("backfills a reopened incident's every change, and an incident without a log from its own times", async () => {
    const incident = pagerDuty.incidents[0]!;
    const reopened = {
      ...structuredClone(incident),
      id: 'Q4REOPEN00000A',
      number: 414,
      created_at: '2026-10-20T08:00:00Z',
      status: 'resolved',
      resolved_at: '2026-10-20T10:00:00Z',
      last_status_change_at: '2026-10-20T10:00:00Z',
    };
    const logEntry = (id: string, type: string, at: string) => ({
      id,
      type,
      summary: type,
      created_at: at,
      agent: { id: 'PLH1HKV', type: 'user_reference', summary: 'Ben Okafor' },
      incident: { id: reopened.id, type: 'incident_reference' },
    });
    pagerDuty.incidents.push(reopened, {
      ...structuredClone(incident),
      id: 'Q5NOLOG00000A',
      number: 415,
      created_at: '2026-10-21T08:00:00Z',
      title: 'checkout-api errors',
      description:
        'Rolled back https://api.github.com/repos/acme/checkout/deployments/8000005, see acme/checkout#43',
      status: 'resolved',
      resolved_at: '2026-10-21T08:30:00Z',
      last_status_change_at: '2026-10-21T08:30:00Z',
    });
    pagerDuty.logEntries.set(reopened.id, [
      logEntry('RL1', 'trigger_log_entry', '2026-10-20T08:00:00Z'),
      logEntry('RL2', 'acknowledge_log_entry', '2026-10-20T08:05:00Z'),
      logEntry('RL3', 'unacknowledge_log_entry', '2026-10-20T08:35:00Z'),
      logEntry('RL4', 'resolve_log_entry', '2026-10-20T09:00:00Z'),
      logEntry('RL5', 'notify_log_entry', '2026-10-20T09:10:00Z'),
      logEntry('RL6', 'resolve_log_entry', '2026-10-20T10:00:00Z'),
    ]);
    try {
      assert.deepEqual(errorsOf(await run('bf-reopened')), []);
    } finally {
      pagerDuty.incidents.splice(-2);
      pagerDuty.logEntries.delete(reopened.id);
    }
    const changesOf = async (incidentId: string) =>
      (
        await server.models.IncidentStatusChange.find({ tenantId: 'bf-reopened', incidentId })
          .sort({ at: 1 })
          .lean()
      ).map((change) => [change.changeId, change.status, change.at?.toISOString()]);
    assert.deepEqual(await changesOf('Q4REOPEN00000A'), [
      ['RL1', 'triggered', '2026-10-20T08:00:00.000Z'],
      ['RL2', 'acknowledged', '2026-10-20T08:05:00.000Z'],
      ['RL3', 'triggered', '2026-10-20T08:35:00.000Z'],
      ['RL4', 'resolved', '2026-10-20T09:00:00.000Z'],
      ['RL6', 'resolved', '2026-10-20T10:00:00.000Z'],
    ]);
    assert.deepEqual(await changesOf('Q5NOLOG00000A'), [
      ['Q5NOLOG00000A:created', 'triggered', '2026-10-21T08:00:00.000Z'],
      ['Q5NOLOG00000A:resolved', 'resolved', '2026-10-21T08:30:00.000Z'],
    ]);
    const noLog = await server.models.Incident.findOne({
      tenantId: 'bf-reopened',
      incidentId: 'Q5NOLOG00000A',
    }).lean();
    assert.deepEqual(noLog?.names, [
      { repo: 'acme/checkout', deploymentId: 8000005 },
      { repo: 'acme/checkout', prNumber: 43 },
    ]);
    const elsewhere = await server.models.IncidentStatusChange.countDocuments({
      tenantId: 'bf-same',
      incidentId: { $in: ['Q4REOPEN00000A', 'Q5NOLOG00000A'] },
    });
    assert.equal(elsewhere, 0, "another tenant's backfill wrote none of them");
  });
});
