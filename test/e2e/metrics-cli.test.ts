import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { applyFactWrites } from '../../data/ingest/apply-fact-writes.ts';
import { factModelsOf } from '../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { unpackEntries } from '../../data/models/metric-rollup.ts';
import { generateOrg } from '../handlers/metrics/generate-org.ts';
import { metricsFactWrites } from '../data/metrics/metrics-fact-writes.ts';
import { FakeGitHubRest } from '../fakes/github-rest-api.ts';
import { openTestDatabase, testDatabaseUri } from '../support/database.ts';
import { generatedOrgHistory } from '../support/github-commit-history.ts';
import { runCli } from '../support/run-cli.ts';

/** `em-agent metrics rebuild` and `em-agent services map`, as processes on the test database. */
describe('em-agent metrics rebuild and services map (the process)', function () {
  this.timeout(180_000);
  let connection: Connection;
  let models: Models;
  const env = () => ({ MONGODB_URI: testDatabaseUri(import.meta.url) });
  async function cli(args: string[], extra: Record<string, string> = {}) {
    const run = runCli(args, { ...env(), ...extra });
    const code = await run.exited;
    return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') };
  }

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    await applyFactWrites(factModelsOf(models), 'T1', metricsFactWrites(generateOrg(3, 2, 7)));
  });
  after(() => connection?.close());

  it('refuse a bad date or repository with a clear message', async () => {
    const since = await cli(['metrics', 'rebuild', '--since', '2026-13-40']);
    assert.equal(since.code, 1);
    assert.match(since.stderr, /--since: expected a date as YYYY-MM-DD/);
    const repo = await cli(['services', 'map', 'api', 'not-a-repo', '--tenant', 'T1']);
    assert.equal(repo.code, 1);
    assert.match(repo.stderr, /expected owner\/repo \(got "not-a-repo"\)/);
  });

  it('map a service, then rebuild the tenant’s rollups from a day on', async () => {
    const map = await cli(['services', 'map', 'billing', 'acme/svc0', '--tenant', 'T1']);
    assert.equal(map.code, 0, map.stderr);
    const settings = await models.MetricSettings.findOne({ tenantId: 'T1', _id: 'T1' }).lean();
    assert.deepEqual(settings?.serviceRepos, [{ name: 'billing', repos: ['acme/svc0'] }]);
    assert.match(map.stdout, /metrics-rollups job re-attributes past incidents within a few minutes/);
    assert.equal(await models.MetricDirtyMark.countDocuments({ tenantId: 'T1' }), 1, 'every day marked');
    const rebuild = await cli(['metrics', 'rebuild', '--tenant', 'T1', '--since', '2026-09-07']);
    assert.equal(rebuild.code, 0, rebuild.stderr);
    assert.match(rebuild.stdout, /^T1: \d+ days recomputed, \d+ changed/m);
    assert.match(rebuild.stderr, /T1 \[#+\] \d+\/\d+/);
    const days = await models.MetricRollup.find({ tenantId: 'T1' }).lean();
    const entries = days
      .flatMap((doc) => unpackEntries(doc.rollups))
      .filter((entry) => entry.kind === 'repo');
    assert.ok(entries.reduce((sum, entry) => sum + (entry.counts?.deployments ?? 0), 0) > 5);
    assert.doesNotMatch(rebuild.stdout, /push-chain gaps/, 'no GITHUB_TOKEN: no compare');
  });

  it('with GITHUB_TOKEN, compares the push chain’s gaps before rebuilding', async () => {
    const org = generateOrg(3, 2, 7);
    await applyFactWrites(factModelsOf(models), 'T2', metricsFactWrites(org));
    const github = new FakeGitHubRest();
    await github.http.start();
    try {
      for (const [repo, data] of generatedOrgHistory(org)) github.repos.set(repo, data);
      const extra = { GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url };
      const rebuild = await cli(['metrics', 'rebuild', '--tenant', 'T2', '--since', '2026-09-07'], extra);
      assert.equal(rebuild.code, 0, rebuild.stderr);
      const [, gaps, filled] = /^T2: (\d+) push-chain gaps, (\d+) filled by GitHub compare, 0 failed$/m.exec(
        rebuild.stdout,
      )!;
      assert.ok(Number(gaps) > 0);
      assert.equal(filled, gaps);
      assert.equal(await models.CommitCompare.countDocuments({ tenantId: 'T2' }), Number(gaps));
      assert.equal(github.requestsTo(/\/compare\//).length, Number(gaps));
      // Compared once: a second rebuild finds no gap left.
      const again = await cli(['metrics', 'rebuild', '--tenant', 'T2', '--since', '2026-09-07'], extra);
      assert.match(again.stdout, /^T2: 0 push-chain gaps, 0 filled/m);
    } finally {
      await github.http.stop();
    }
  });
});
