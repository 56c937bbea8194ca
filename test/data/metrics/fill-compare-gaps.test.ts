import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { applyFactWrites } from '../../../data/ingest/apply-fact-writes.ts';
import {
  createCompareGapFiller,
  createCompareOctokit,
  type CompareGapFiller,
} from '../../../data/metrics/fill-compare-gaps.ts';
import { createMetricsRollupUpdates } from '../../../data/metrics/metrics-rollup-updates.ts';
import { createMetricsReader } from '../../../data/metrics/mongo-metrics-reader.ts';
import { createMetricsSettingsStore } from '../../../data/metrics/mongo-metrics-settings.ts';
import { rebuildRollups } from '../../../data/metrics/recompute-rollups.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { DEFAULT_WAITS } from '../../../data/sources/backfill/retry-policy.ts';
import { compareGapsOnce } from '../../../jobs/metrics-compare-gaps.ts';
import { RELATIVE_ACCURACY } from '../../../handlers/metrics/log-histogram.ts';
import { describeLeadTimeChain } from '../../../handlers/metrics/explain-figure.ts';
import type { MetricsInput } from '../../../handlers/metrics/types.ts';
import { FakeGitHubRest, type GithubRepoData } from '../../fakes/github-rest-api.ts';
import { openTestDatabase } from '../../support/database.ts';
import { commitsOnlyRepo, generatedOrgHistory, restCommit } from '../../support/github-commit-history.ts';
import { at, commit, deployment, HOUR, pull, push, WEEK } from '../../handlers/metrics/build-facts.ts';
import { generateOrg } from '../../handlers/metrics/generate-org.ts';
import { metricsFactWrites } from './metrics-fact-writes.ts';

const REPO = 'acme/api';
const sha = (name: string) => Buffer.from(name).toString('hex').padEnd(40, '0');
const [M0, M1, M2, M3, H1] = ['m0', 'm1', 'm2', 'm3', 'h1'].map(sha) as [
  string,
  string,
  string,
  string,
  string,
];
const NOW = at(30);

/**
 * main: m0 ← m1 ← m2 (squash of #2) ← m3 (squash of #3); hotfix h1 (#4) off m1. Only the pushes m0→m1 and
 * m2→m3 were seen: m1→m2 is missing, so the deployment of m3 has a gap m1...m2 that GitHub's compare fills.
 */
function repoData(): GithubRepoData {
  return commitsOnlyRepo(REPO, [
    restCommit(REPO, M0, undefined, 'Init', -10),
    restCommit(REPO, M1, M0, 'Seed', 0),
    restCommit(REPO, H1, M1, 'Hotfix the timeout (#4)\n\nOne line.', 6),
    restCommit(REPO, M2, M1, 'Retry payments (#2)\n\nBack off on 502.', 10),
    restCommit(REPO, M3, M2, 'Log retries (#3)', 20),
  ]);
}

/** m1 deployed at h1, m3 at h24; #2 (merge sha m2) shipped by the second across the gap. */
function mainFacts(): MetricsInput {
  return {
    deployments: [deployment(REPO, 1, M1, [['success', 1]]), deployment(REPO, 2, M3, [['success', 24]])],
    pushes: [
      push(REPO, 'main', M0, M1, 0.5, [commit(M1, 'Seed', 0)]),
      push(REPO, 'main', M2, M3, 20, [commit(M3, 'Log retries (#3)', 20)]),
    ],
    pullRequests: [
      pull(REPO, 2, { opened: 2, merged: 10 }, { mergeCommitSha: M2 }),
      pull(REPO, 3, { opened: 15, merged: 20 }, { mergeCommitSha: M3 }),
    ],
    incidents: [],
    defaultBranches: { [REPO]: 'main' },
  };
}

/** The same, with the hotfix h1 deployed at h7 between: m3's compare against it has diverged. */
function hotfixFacts(): MetricsInput {
  const input = mainFacts();
  input.deployments.splice(1, 0, deployment(REPO, 3, H1, [['success', 7]], { ref: 'hotfix/timeout' }));
  input.pullRequests.push(pull(REPO, 4, { opened: 5, merged: 6 }, { mergeCommitSha: H1 }));
  return input;
}

describe('push-chain gaps filled with GitHub compare', function () {
  this.timeout(60_000);
  let connection: Connection;
  let models: Models;
  let github: FakeGitHubRest;
  let filler: CompareGapFiller;
  const settings = () => createMetricsSettingsStore(models.MetricSettings);
  const reader = () => createMetricsReader(models, settings());
  const deps = () => ({
    facts: factModelsOf(models),
    MetricRollup: models.MetricRollup,
    MetricRollupVersion: models.MetricRollupVersion,
    MetricDirtyMark: models.MetricDirtyMark,
    settings: settings(),
  });
  const compareCalls = () => github.requestsTo(/\/compare\//).length;
  const explain = (tenantId: string) => reader().explainDora(tenantId, { kind: 'tenant' }, WEEK);
  const fill = (tenantId: string, now = NOW) =>
    filler.fillTenant(tenantId, { since: at(0), maxCalls: 10, now });

  async function load(tenantId: string, input: MetricsInput) {
    await applyFactWrites(factModelsOf(models), tenantId, metricsFactWrites(input));
    await rebuildRollups(deps(), tenantId, { now: NOW });
  }

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    github = new FakeGitHubRest();
    await github.http.start();
    github.repos.set(REPO, repoData());
    filler = createCompareGapFiller({
      facts: factModelsOf(models),
      settings: settings(),
      MetricDirtyMark: models.MetricDirtyMark,
      // Backfill's client; its waits are recorded, not taken.
      octokit: createCompareOctokit(
        { token: github.token, apiUrl: github.url },
        { ...DEFAULT_WAITS, maxAttempts: 3, sleep: async () => {} },
      ),
    });
    for (const tenantId of ['one', 'other', 'flaky'] as const) await load(tenantId, mainFacts());
    await load('hotfix', hotfixFacts());
  });

  after(async () => {
    await github.http.stop();
    await connection.close();
  });

  it('fills the gap, links the PR shipped across it, says the compare did, and keeps the rollups exact', async () => {
    const before = await explain('one');
    assert.deepEqual(before.basis.gaps, [{ repo: REPO, base: M1, head: M2 }]);
    assert.deepEqual(before.leadTime.coverage, { linked: 1, total: 2, share: 0.5 });
    assert.deepEqual((await reader().readDora('one', { kind: 'tenant' }, WEEK)).prCoverage, {
      linked: 1,
      total: 2,
      share: 0.5,
    });

    const result = await fill('one');
    assert.deepEqual(result, { gaps: 1, calls: 1, filled: 1, failed: 0 });
    const [request] = github.requestsTo(/\/compare\//);
    assert.equal(request!.path, `/repos/${REPO}/compare/${M1}...${M2}?per_page=100&page=1`);
    const stored = await models.CommitCompare.findOne({ tenantId: 'one' }).lean();
    assert.equal(stored?.status, 'ahead');
    assert.equal(stored?.truncated, false);
    assert.equal(stored?.totalCommits, 1);
    assert.deepEqual(
      stored?.commits?.map((c) => ({ ...c })),
      [{ sha: M2, title: 'Retry payments (#2)', authoredAt: at(10) }],
    );

    const after = await explain('one');
    assert.deepEqual(after.basis.gaps, []);
    assert.deepEqual(after.leadTime.coverage, { linked: 2, total: 2, share: 1 });
    const item = after.leadTime.items.find((i) => i.number === 2)!;
    // #2: opened h2 (no head pushes, no PR commits), shipped by m3's deployment at h24.
    assert.equal(item.leadTimeMs, 22 * HOUR);
    assert.equal(item.phases.deployMs, 14 * HOUR);
    assert.deepEqual(item.filledBy, { base: M1, head: M2, status: 'ahead', truncated: false });
    assert.match(describeLeadTimeChain(item), /GitHub compare 6d31000\.\.\.6d32000 filled a push not seen/);
    assert.equal(after.leadTime.items.find((i) => i.number === 3)!.filledBy, undefined);

    // The stored compare marked its days: the incremental update brings the rollups to the exact answer.
    await createMetricsRollupUpdates(deps()).updateTenant('one', NOW);
    const read = await reader().readDora('one', { kind: 'tenant' }, WEEK);
    assert.deepEqual(read.prCoverage, after.leadTime.coverage);
    assert.equal(read.leadTime.p90 !== null, true);
    for (const q of ['p50', 'p90'] as const) {
      const exact = after.leadTime.leadTime[q]!;
      assert.ok(
        Math.abs(read.leadTime[q]! - exact) <= RELATIVE_ACCURACY * exact + 1e-9,
        `${q}: ${read.leadTime[q]} vs ${exact}`,
      );
    }
  });

  it('compares each pair once: a second run makes no call', async () => {
    const calls = compareCalls();
    assert.deepEqual(await fill('one'), { gaps: 0, calls: 0, filled: 0, failed: 0 });
    assert.equal(compareCalls(), calls);
    assert.equal(await models.CommitCompare.countDocuments({ tenantId: 'one' }), 1);
  });

  it("keeps tenants apart: another tenant's same gap stays open until it is compared for that tenant", async () => {
    assert.deepEqual((await explain('other')).basis.gaps, [{ repo: REPO, base: M1, head: M2 }]);
    assert.equal(await models.CommitCompare.countDocuments({ tenantId: 'other' }), 0);
    const calls = compareCalls();
    assert.equal((await fill('other')).filled, 1);
    assert.equal(compareCalls(), calls + 1);
    assert.deepEqual((await explain('other')).basis.gaps, []);
  });

  it('fills a diverged compare (a hotfix deployed between) with what the hotfix did not have', async () => {
    const result = await fill('hotfix');
    assert.deepEqual(result, { gaps: 2, calls: 2, filled: 2, failed: 0 });
    const stored = await models.CommitCompare.find({ tenantId: 'hotfix' }).sort({ neededAt: 1 }).lean();
    assert.deepEqual(
      stored.map((c) => [c.base, c.head, c.status, c.commits?.map((x) => x.sha)]),
      [
        [M1, H1, 'ahead', [H1]],
        [H1, M2, 'diverged', [M2]],
      ],
    );
    const answer = await explain('hotfix');
    assert.deepEqual(answer.basis.gaps, []);
    assert.deepEqual(answer.leadTime.coverage, { linked: 3, total: 3, share: 1 });
    const two = answer.leadTime.items.find((i) => i.number === 2)!;
    assert.equal(two.deploymentKey, `${REPO}#2`);
    assert.equal(two.filledBy?.status, 'diverged');
    assert.equal(answer.leadTime.items.find((i) => i.number === 4)!.deploymentKey, `${REPO}#3`);
  });

  it('leaves the gap reported after an API error, retries a 5xx later, and never retries a 404', async () => {
    github.faults.push({ match: /\/compare\//, status: 502, times: 3 });
    const calls = compareCalls();
    assert.deepEqual(await fill('flaky'), { gaps: 1, calls: 1, filled: 0, failed: 1 });
    assert.equal(compareCalls(), calls + 3, 'Octokit retried the 502 twice');
    const failed = await models.CommitCompare.findOne({ tenantId: 'flaky' }).lean();
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.error?.status, 502);
    assert.equal(failed?.attempts, 1);
    assert.deepEqual(failed?.retryAt, new Date(NOW.getTime() + HOUR));
    assert.deepEqual((await explain('flaky')).basis.gaps, [{ repo: REPO, base: M1, head: M2 }]);
    assert.deepEqual((await explain('flaky')).leadTime.coverage, { linked: 1, total: 2, share: 0.5 });

    // Not due yet: no call. After an hour: tried again, and filled.
    assert.equal((await fill('flaky', new Date(NOW.getTime() + 30 * 60_000))).calls, 0);
    assert.equal(compareCalls(), calls + 3);
    assert.deepEqual(await fill('flaky', new Date(NOW.getTime() + HOUR)), {
      gaps: 1,
      calls: 1,
      filled: 1,
      failed: 0,
    });
    const filled = await models.CommitCompare.findOne({ tenantId: 'flaky' }).lean();
    assert.equal(filled?.status, 'ahead');
    assert.equal(filled?.error, undefined);
    assert.equal(filled?.retryAt, undefined);
    assert.deepEqual((await explain('flaky')).basis.gaps, []);

    // A sha GitHub does not know (force-pushed away): failed for good, the gap stays reported.
    const lost = mainFacts();
    lost.deployments[1]!.sha = sha('gone');
    lost.pushes = lost.pushes.slice(0, 1);
    await load('lost', lost);
    assert.deepEqual(await fill('lost'), { gaps: 1, calls: 1, filled: 0, failed: 1 });
    const gone = await models.CommitCompare.findOne({ tenantId: 'lost' }).lean();
    assert.equal(gone?.error?.status, 404);
    assert.equal(gone?.retryAt, undefined);
    assert.equal((await fill('lost', new Date(NOW.getTime() + 30 * 24 * HOUR))).calls, 0);
    assert.deepEqual((await explain('lost')).basis.gaps, [{ repo: REPO, base: M1, head: sha('gone') }]);
  });

  it('stops within its call budget, newest deployment first', async () => {
    await load('budget', hotfixFacts());
    const result = await filler.fillTenant('budget', { since: at(0), maxCalls: 1, now: NOW });
    assert.deepEqual(result, { gaps: 2, calls: 1, filled: 1, failed: 0, stopped: 'budget' });
    const [only] = await models.CommitCompare.find({ tenantId: 'budget' }).lean();
    assert.deepEqual([only?.base, only?.head], [H1, M2]);
  });

  it('stops at a rate limit without storing anything against the pair', async () => {
    await load('limited', mainFacts());
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    github.faults.push({
      match: /\/compare\//,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded', documentation_url: 'https://docs.github.com/rest' },
      times: 1,
    });
    assert.deepEqual(await fill('limited'), {
      gaps: 1,
      calls: 1,
      filled: 0,
      failed: 0,
      stopped: 'rate-limit',
    });
    assert.equal(await models.CommitCompare.countDocuments({ tenantId: 'limited' }), 0);
    assert.equal((await fill('limited')).filled, 1, 'the next run goes on');

    // A 403 without rate-limit headers is a refusal (the token cannot read the repository): kept, tried later.
    await load('refused', mainFacts());
    github.faults.push({
      match: /\/compare\//,
      status: 403,
      body: { message: 'Resource not accessible' },
      times: 1,
    });
    assert.deepEqual(await fill('refused'), { gaps: 1, calls: 1, filled: 0, failed: 1 });
    const refused = await models.CommitCompare.findOne({ tenantId: 'refused' }).lean();
    assert.equal(refused?.error?.status, 403);
    assert.deepEqual(refused?.retryAt, new Date(NOW.getTime() + HOUR));
  });

  it('runs as a job: one call budget for all tenants, the rest waits for the next run', async () => {
    await load('jobA', mainFacts());
    await load('jobB', mainFacts());
    const gaps = { tenants: async () => ['jobA', 'jobB'], fillTenant: filler.fillTenant };
    const log = { info: () => {}, warn: () => {} };
    assert.equal(await compareGapsOnce(gaps, { log, now: () => NOW, budget: 1 }), 1);
    assert.equal(await models.CommitCompare.countDocuments({ tenantId: 'jobA' }), 1);
    assert.equal(await models.CommitCompare.countDocuments({ tenantId: 'jobB' }), 0);
    assert.equal(await compareGapsOnce(gaps, { log, now: () => NOW, budget: 1 }), 1);
    assert.equal(await models.CommitCompare.countDocuments({ tenantId: 'jobB' }), 1);
    assert.equal(await compareGapsOnce(gaps, { log, now: () => NOW, budget: 1 }), 0);
  });

  it('on a generated org, rollups updated after the compares equal the exact answer', async () => {
    const DAYS = 10;
    const range = { from: at(0), to: at(DAYS * 24) };
    const now = at(DAYS * 24 + 6);
    const org = generateOrg(7, 2, DAYS);
    for (const [repo, data] of generatedOrgHistory(org)) github.repos.set(repo, data);
    await applyFactWrites(factModelsOf(models), 'org', metricsFactWrites(org));
    await rebuildRollups(deps(), 'org', { now });
    const before = await reader().explainDora('org', { kind: 'tenant' }, range);
    assert.ok(before.basis.gaps.length > 0, 'the generated org misses pushes');

    const result = await filler.fillTenant('org', { since: at(0), maxCalls: 100, now });
    assert.equal(result.filled, before.basis.gaps.length);
    await createMetricsRollupUpdates(deps()).updateTenant('org', now);
    const exact = await reader().explainDora('org', { kind: 'tenant' }, range);
    assert.deepEqual(exact.basis.gaps, []);
    assert.ok(exact.leadTime.coverage.linked > before.leadTime.coverage.linked);
    const read = await reader().readDora('org', { kind: 'tenant' }, range);
    assert.deepEqual(read.prCoverage, exact.leadTime.coverage);
    assert.deepEqual(read.leftOut, exact.leadTime.leftOut);
    assert.equal(read.reworkRate, exact.reworkRate.rate);
    assert.equal(read.changeFailureRate, exact.changeFailureRate.rate);
    for (const q of ['p50', 'p75', 'p90'] as const) {
      const value = exact.leadTime.leadTime[q]!;
      assert.ok(
        Math.abs(read.leadTime[q]! - value) <= RELATIVE_ACCURACY * value + 1e-9,
        `lead ${q}: ${read.leadTime[q]} vs ${value}`,
      );
    }
  });

  it('reads the wire format: a compare longer than a page is fetched page by page', async () => {
    const data = repoData();
    // 150 commits after m3: two pages of 100.
    let parent = M3;
    for (let n = 0; n < 150; n += 1) {
      const id = sha(`x${n}`);
      data.commits.push(restCommit('acme/long', id, parent, `Step ${n}`, 21 + n / 100));
      parent = id;
    }
    github.repos.set('acme/long', data);
    const long: MetricsInput = {
      deployments: [
        deployment('acme/long', 1, M3, [['success', 21]]),
        deployment('acme/long', 2, parent, [['success', 25]]),
      ],
      pushes: [],
      pullRequests: [pull('acme/long', 9, { opened: 21, merged: 22 }, { mergeCommitSha: sha('x99') })],
      incidents: [],
    };
    await load('long', long);
    const calls = compareCalls();
    assert.equal((await fill('long')).filled, 1);
    assert.equal(compareCalls(), calls + 2);
    const stored = await models.CommitCompare.findOne({ tenantId: 'long' }).lean();
    assert.equal(stored?.commits?.length, 150);
    assert.equal(stored?.truncated, false);
    assert.deepEqual((await explain('long')).leadTime.coverage, { linked: 1, total: 1, share: 1 });
  });
});
