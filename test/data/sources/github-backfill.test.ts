import assert from 'node:assert/strict';
import { backfillGithub } from '../../../data/sources/github/backfill.ts';
import type { StreamResult } from '../../../data/sources/backfill/backfill-context.ts';
import { FakeGitHubRest } from '../../fakes/github-rest-api.ts';
import { backfillContext, comparableFacts, recordingWaits } from '../../support/backfill-context.ts';
import { buildGithubRepo, GITHUB_SINCE } from '../../support/github-backfill-team.ts';
import { snapshotFacts } from '../../support/fact-snapshot.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { sendGithub } from '../../support/webhook-delivery.ts';

const SECRET = 'backfill-github-secret';
const REPOS = ['acme/api', 'acme/web'];

describe('GitHub backfill against the REST fake', function () {
  this.timeout(60_000);
  let server: TestServer;
  let github: FakeGitHubRest;
  let webhookState: Awaited<ReturnType<typeof comparableFacts>>;
  /** GitHub's REST API has no push history: push facts come from webhooks alone. */
  const backfillable = async (tenantId: string) => {
    const { push: _pushes, ...facts } = await comparableFacts(server.models, tenantId);
    return facts;
  };

  const run = (tenantId: string, waits = recordingWaits()) =>
    backfillGithub(
      { token: github.token, apiUrl: github.url, repos: REPOS, perPage: 3 },
      backfillContext(server.models, tenantId, { since: GITHUB_SINCE }, waits),
    );
  const errorsOf = (results: StreamResult[]) => results.filter((result) => result.error);
  const total = (results: StreamResult[], field: 'pages' | 'notModified' | 'items') =>
    results.reduce((sum, result) => sum + result.tally[field], 0);

  before(async () => {
    github = new FakeGitHubRest();
    await github.http.start();
    // With a token, as in production: the enrichers read what the payloads lack (PR commits, release tags).
    server = await startTestServer(import.meta.url, {
      GITHUB_WEBHOOK_SECRET: SECRET,
      GITHUB_TOKEN: github.token,
      GITHUB_API_URL: github.url,
    });
    for (const repo of REPOS) {
      const built = buildGithubRepo(repo);
      github.repos.set(repo, built.data);
      for (const [index, { event, payload }] of built.events.entries()) {
        const sent = await sendGithub(server.url, SECRET, event, payload, { deliveryId: `${repo}-${index}` });
        assert.equal(sent.status, 202, JSON.stringify(sent.body));
      }
    }
    await server.normalizer.idle();
    await server.normalizer.drainAll();
    webhookState = await backfillable('demo');
  });
  after(async () => {
    await github.http.stop();
    await server.close();
  });

  it('ends in the same facts as the webhook deliveries of the same history, paging through every listing', async () => {
    const results = await run('bf-same');
    assert.deepEqual(errorsOf(results), []);
    assert.deepEqual(await backfillable('bf-same'), webhookState);
    assert.equal(webhookState.pullRequest!.length, 12, 'six pull requests in range per repository');
    for (const [kind, facts] of Object.entries(webhookState)) {
      const notGithubs = [
        'issue',
        'issueTransition',
        'issueFieldChange',
        'sprint',
        'incident',
        'incidentStatusChange',
        'service',
        // Fetched for the push chain's gaps by the metrics-compare-gaps job, by neither webhooks nor backfill.
        'commitCompare',
      ];
      if (!notGithubs.includes(kind)) {
        assert.ok(facts.length > 0, `the history has ${kind} facts`);
      }
    }
    const pulls = github.requestsTo(/^\/repos\/acme\/api\/pulls\?/).map((request) => request.path);
    // Seven pull requests, three a page, newest first: the third page holds the one updated before the range.
    assert.deepEqual(
      pulls.map((path) => new URL(path, github.url).searchParams.get('page') ?? '1'),
      ['1', '2', '3'],
    );
    const runs = results.find((result) => result.stream === 'github:acme/api:workflow-runs')!;
    assert.deepEqual(runs.tally, { pages: 1, notModified: 0, items: 3 });
  });

  it("fills delivery metrics' facts: merge sha, first commit time, release commits, authored times", async () => {
    const tenantId = 'bf-same';
    const sha = (n: number) => n.toString(16).padStart(40, 'a');
    const pull = (number: number) =>
      server.models.PullRequest.findOne({ tenantId, repo: 'acme/api', number }).lean();
    const merged = await pull(3);
    assert.equal(merged?.mergeCommitSha, sha(303));
    assert.equal(merged?.firstCommitAt?.toISOString(), '2026-09-03T09:00:00.000Z', 'authored, not committed');
    const open = await pull(2);
    assert.equal(open?.mergeCommitSha, undefined, "an open PR's merge sha is only GitHub's test merge");
    assert.equal(open?.firstCommitAt, undefined);
    // Read once per merged PR and tenant: by the webhook tenant's enricher, then by this backfill.
    assert.equal(github.requestsTo(/^\/repos\/acme\/api\/pulls\/3\/commits\?/).length, 2);
    assert.equal(github.requestsTo(/^\/repos\/acme\/api\/pulls\/2\/commits/).length, 0);

    const release = (id: number) =>
      server.models.Release.findOne({ tenantId, repo: 'acme/api', releaseId: id }).lean();
    const fromBranch = await release(4_000_004);
    assert.equal(fromBranch?.targetCommitish, 'main');
    assert.equal(fromBranch?.sha, sha(104), "the tag's commit, not the branch's head");
    const fromSha = await release(4_000_006);
    assert.equal(fromSha?.sha, sha(106));
    assert.equal(
      github.requestsTo(/^\/repos\/acme\/api\/commits\/v1\.6\.0/).length,
      0,
      'a sha needs no call',
    );

    const commit = await server.models.Commit.findOne({ tenantId, repo: 'acme/api', sha: sha(102) }).lean();
    assert.equal(commit?.authoredAt?.toISOString(), '2026-09-03T15:00:00.000Z');

    assert.equal(await server.models.Push.countDocuments({ tenantId }), 0, 'no push history in the REST API');
    const pushes = await server.models.Push.find({ tenantId: 'demo', repo: 'acme/api' }).lean();
    assert.deepEqual(
      pushes.map((push) => [push.branch, push.before, push.after, push.commits?.map((c) => c.sha)]),
      [['main', sha(1), sha(106), [sha(102), sha(104), sha(106)]]],
    );
  });

  it('reruns as a no-op: every page answers 304 and nothing is written', async () => {
    const before = await snapshotFacts(server.models, 'bf-same');
    const seen = github.http.requests.length;
    const results = await run('bf-same');
    assert.deepEqual(errorsOf(results), []);
    assert.equal(total(results, 'items'), 0);
    assert.equal(total(results, 'notModified'), total(results, 'pages'));
    const rerun = github.http.requests.slice(seen);
    assert.ok(rerun.length > 0 && rerun.every((request) => request.headers['if-none-match']));
    assert.deepEqual(await snapshotFacts(server.models, 'bf-same'), before, 'not even a revision moved');
  });

  it("keeps tenants apart: another tenant's run fetches everything and writes only its own facts", async () => {
    const results = await run('bf-other');
    assert.equal(total(results, 'notModified'), 0, "one tenant's ETags never serve another");
    assert.deepEqual(await backfillable('bf-other'), webhookState);
    const cursors = await server.models.BackfillCursor.countDocuments({ tenantId: 'bf-other' });
    assert.equal(await server.models.BackfillCursor.countDocuments({ tenantId: 'bf-same' }), cursors);
    const nobody = await snapshotFacts(server.models, 'bf-nobody');
    assert.deepEqual(nobody, Object.fromEntries(Object.keys(nobody).map((kind) => [kind, []])));
  });

  it('waits out a 429 for its Retry-After, and until x-ratelimit-reset on an exhausted 403, and retries a 502', async () => {
    const now = Date.UTC(2026, 10, 1, 12);
    github.faults.push(
      {
        match: /^\/repos\/acme\/api\/pulls\?.*page=2/,
        status: 429,
        headers: { 'retry-after': '7' },
        times: 1,
      },
      {
        match: /^\/repos\/acme\/web\/releases/,
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 42) },
        body: { message: 'API rate limit exceeded', documentation_url: 'https://docs.github.com/rest' },
        times: 1,
      },
      { match: /^\/repos\/acme\/api\/commits/, status: 502, times: 1 },
    );
    const waits = recordingWaits({ now: () => now });
    const results = await run('bf-faults', waits);
    assert.deepEqual(errorsOf(results), []);
    assert.deepEqual(
      waits.taken.map(({ ms, reason, status }) => [status, reason, ms]),
      [
        [429, 'retry-after', 7000],
        [502, 'backoff', 5],
        [403, 'rate-limit-reset', 42_000],
      ],
    );
    assert.deepEqual(await backfillable('bf-faults'), webhookState);
  });

  it('after the last request of the rate-limit window, waits until x-ratelimit-reset before the next', async () => {
    const now = Date.UTC(2026, 10, 1, 12);
    github.lastInWindow = { match: /^\/repos\/acme\/web\/commits/, resetAt: now / 1000 + 20 };
    const waits = recordingWaits({ now: () => now });
    assert.deepEqual(errorsOf(await run('bf-window', waits)), []);
    assert.deepEqual(
      waits.taken.map(({ ms, reason, status }) => [status, reason, ms]),
      [[200, 'rate-limit-reset', 20_000]],
    );
  });

  it('resumes after an interruption from the page it stopped at, without fetching completed pages again', async () => {
    const fault = { match: /^\/repos\/acme\/api\/pulls\?.*page=2/, status: 502, times: 100 };
    github.faults.push(fault);
    const first = await run('bf-resume');
    assert.deepEqual(
      errorsOf(first).map((result) => result.stream),
      ['github:acme/api:pulls'],
    );
    assert.match(errorsOf(first)[0]!.error!, /HTTP 502/);
    assert.equal(100 - fault.times, 3, 'three attempts, then the stream gave up');
    fault.times = 0;

    const seen = github.http.requests.length;
    const second = await run('bf-resume');
    assert.deepEqual(errorsOf(second), []);
    const pages = github.http.requests
      .slice(seen)
      .filter((request) => /^\/repos\/acme\/api\/pulls\?/.test(request.path))
      .map((request) => new URL(request.path, github.url).searchParams.get('page') ?? '1');
    assert.deepEqual(
      pages,
      ['2', '3'],
      'the first page, applied before the interruption, is not fetched again',
    );
    assert.deepEqual(await backfillable('bf-resume'), webhookState);
  });
});
