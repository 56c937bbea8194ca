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
    server = await startTestServer(import.meta.url, {
      JIRA_WEBHOOK_SECRET: JIRA_SECRET,
      PAGERDUTY_WEBHOOK_SECRET: PAGERDUTY_SECRET,
    });
    jira = new FakeJiraCloud();
    pagerDuty = new FakePagerDuty();
    await Promise.all([jira.http.start(), pagerDuty.http.start()]);
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
    webhookState = await comparableFacts(server.models, 'demo');
  });
  after(async () => {
    await Promise.all([jira.http.stop(), pagerDuty.http.stop()]);
    await server.close();
  });

  it('ends in the same facts as the webhook deliveries, paging through issues, boards and incidents', async () => {
    const results = await run('bf-same');
    assert.deepEqual(errorsOf(results), []);
    assert.deepEqual(await comparableFacts(server.models, 'bf-same'), webhookState);
    for (const kind of ['issue', 'issueTransition', 'sprint', 'incident', 'service']) {
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
    assert.deepEqual(await comparableFacts(server.models, 'bf-changelog'), webhookState);
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
    assert.deepEqual(await comparableFacts(server.models, 'bf-faults'), webhookState);
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
    assert.deepEqual(await comparableFacts(server.models, 'bf-resume'), webhookState);
  });
});
