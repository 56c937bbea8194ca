import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import mongoose, { type Connection } from 'mongoose';
import { applyFactWrites } from '../../../data/ingest/apply-fact-writes.ts';
import { createMetricsRollupUpdates } from '../../../data/metrics/metrics-rollup-updates.ts';
import { createMetricsReader } from '../../../data/metrics/mongo-metrics-reader.ts';
import { createMetricsSettingsStore } from '../../../data/metrics/mongo-metrics-settings.ts';
import { rebuildRollups } from '../../../data/metrics/recompute-rollups.ts';
import type { DemoDelivery } from '../../../data/demo/generate-demo.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { unpackEntries } from '../../../data/models/metric-rollup.ts';
import type { FactWrite } from '../../../data/sources/fact-write.ts';
import { normalizeEvent } from '../../../data/sources/normalize-event.ts';
import { RELATIVE_ACCURACY } from '../../../handlers/metrics/log-histogram.ts';
import type { MetricsScope } from '../../../handlers/metrics/ports.ts';
import type { TimeRange } from '../../../handlers/metrics/types.ts';
import { openTestDatabase, testDatabaseUri } from '../../support/database.ts';
import { at, shuffled } from '../../handlers/metrics/build-facts.ts';
import { generateOrg } from '../../handlers/metrics/generate-org.ts';
import { metricsFactWrites } from './metrics-fact-writes.ts';

// FerretDB on SQLite pushes down only `_id` lookups and has one writer: a shorter history keeps this file in
// minutes there (ranges below stay inside 10 days).
const ON_SQLITE = process.env.TEST_DB_BACKEND === 'sqlite';
const DAYS = ON_SQLITE ? 10 : 21;
const RANGE: TimeRange = { from: at(0), to: at(DAYS * 24) };
const NOW = at(DAYS * 24 + 6);

function depsOf(models: Models) {
  const settings = createMetricsSettingsStore(models.MetricSettings);
  const deps = {
    facts: factModelsOf(models),
    MetricRollup: models.MetricRollup,
    MetricRollupVersion: models.MetricRollupVersion,
    MetricDirtyMark: models.MetricDirtyMark,
    settings,
  };
  return {
    deps,
    settings,
    updates: createMetricsRollupUpdates(deps),
    reader: createMetricsReader(models, settings),
  };
}

const timeOf = (write: FactWrite) =>
  Math.min(
    ...[write.once, write.earliest, write.snapshot?.fields].flatMap((fields) =>
      Object.values(fields ?? {}).flatMap((value) => (value instanceof Date ? [value.getTime()] : [])),
    ),
  );

function within(read: number | null, exact: number | null, label: string): void {
  if (exact === null || read === null) return assert.equal(read, exact, label);
  assert.ok(Math.abs(read - exact) <= RELATIVE_ACCURACY * exact + 1e-9, `${label}: ${read} vs ${exact}`);
}

describe('delivery metrics rollups on the database', function () {
  this.timeout(ON_SQLITE ? 600_000 : 300_000);
  let connection: Connection;
  let second: Connection;
  let models: Models;
  let one: ReturnType<typeof depsOf>;
  const org = generateOrg(13, 4, DAYS);
  const writes = metricsFactWrites(org);

  /** What the rollup documents hold, by scope and day, without zeros: equal documents, equal figures. */
  async function storedRollups(tenantId: string) {
    const docs = await models.MetricRollup.find({ tenantId }).lean();
    const stripped = (values: Record<string, number> | undefined) =>
      Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== 0));
    return Object.fromEntries(
      docs
        .flatMap((doc) => {
          assert.equal(doc._id, `${tenantId}|${doc.day}`);
          return unpackEntries(doc.rollups).map((entry) => {
            const hist = Object.fromEntries(
              Object.entries(entry.hist ?? {})
                .map(([name, buckets]) => [name, stripped(buckets)] as const)
                .filter(([, buckets]) => Object.keys(buckets).length > 0),
            );
            return [
              `${entry.kind}|${entry.scope}|${doc.day}`,
              { counts: stripped(entry.counts as Record<string, number>), hist },
            ] as const;
          });
        })
        .filter(([, doc]) => Object.keys(doc.counts).length > 0 || Object.keys(doc.hist).length > 0),
    );
  }

  /** Applies writes in batches as the normalizer does, each batch followed by its hook and a rollup update. */
  async function ingest(
    tenantId: string,
    list: readonly FactWrite[],
    batch: number,
    using = one,
    models_ = models,
  ) {
    const facts = factModelsOf(models_);
    for (let start = 0; start < list.length; start += batch) {
      const slice = list.slice(start, start + batch);
      await applyFactWrites(facts, tenantId, slice);
      await using.updates.recordWrites(tenantId, slice, NOW);
      await using.updates.updateTenant(tenantId, NOW);
    }
  }

  async function assertReadMatchesExact(tenantId: string, scope: MetricsScope, range: TimeRange) {
    const read = await one.reader.readDora(tenantId, scope, range);
    const exact = await one.reader.explainDora(tenantId, scope, range);
    assert.equal(read.deployments, exact.deploymentFrequency.count);
    assert.equal(read.deploymentDaysPerWeek, exact.deploymentFrequency.deploymentDaysPerWeek);
    assert.equal(read.changeFailureRate, exact.changeFailureRate.rate);
    assert.equal(read.reworkRate, exact.reworkRate.rate);
    assert.deepEqual(read.prCoverage, exact.leadTime.coverage);
    assert.deepEqual(read.incidentCoverage, exact.changeFailureRate.incidentCoverage);
    assert.deepEqual(read.leftOut, exact.leadTime.leftOut);
    for (const q of ['p50', 'p75', 'p90'] as const)
      within(read.leadTime[q], exact.leadTime.leadTime[q], `lead ${q}`);
    for (const q of ['p50', 'p90'] as const) {
      within(read.mttr[q], exact.timeToRestore.mttr[q], `mttr ${q}`);
      within(
        read.failedDeploymentRecovery[q],
        exact.timeToRestore.failedDeploymentRecovery[q],
        `recovery ${q}`,
      );
    }
    return { read, exact };
  }

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    second = await mongoose.createConnection(testDatabaseUri(import.meta.url)).asPromise();
    models = defineModels(connection);
    await ensureIndexes(models);
    one = depsOf(models);
    // The reference: every fact applied at once, then rebuilt from scratch.
    await applyFactWrites(factModelsOf(models), 'REF', writes);
    await rebuildRollups(one.deps, 'REF', { now: NOW });
  });

  after(async () => {
    await second?.close();
    await connection?.close();
  });

  it('rebuilt from scratch, read the exact figures back for the tenant, a repository and a service', async () => {
    const { read } = await assertReadMatchesExact('REF', { kind: 'tenant' }, RANGE);
    assert.ok(
      read.deployments > 50 && read.prCoverage.total > 150 && read.incidentCoverage.total > 3,
      JSON.stringify(read),
    );
    await assertReadMatchesExact('REF', { kind: 'repo', repo: 'acme/svc1' }, RANGE);
    await assertReadMatchesExact(
      'REF',
      { kind: 'service', service: 'svc2' },
      { from: at(7 * 24), to: at(14 * 24) },
    );
    await assertReadMatchesExact('REF', { kind: 'tenant' }, { from: at(3 * 24), to: at(5 * 24) });
  });

  it('updated incrementally as facts arrive in time order, equal the rebuilt ones', async () => {
    const chronological = [...writes].sort((a, b) => timeOf(a) - timeOf(b));
    await ingest('INC', chronological, 250);
    assert.deepEqual(await storedRollups('INC'), await storedRollups('REF'));
  });

  it('give the same numbers whatever order the facts arrive in', async () => {
    await ingest('SHUF', shuffled(writes, 5), 400);
    assert.deepEqual(await storedRollups('SHUF'), await storedRollups('REF'));
  });

  it('stay exact with two processes applying facts and updating rollups at once', async () => {
    const other = depsOf(defineModels(second));
    const mixed = shuffled(writes, 11);
    const half = (parity: number) => mixed.filter((_, i) => Math.floor(i / 150) % 2 === parity);
    await Promise.all([
      ingest('PAR', half(0), 150, one),
      ingest('PAR', half(1), 150, other, defineModels(second)),
    ]);
    // A mark recorded while the other process was recomputing is handled by the next run.
    await one.updates.updateTenant('PAR', NOW);
    assert.deepEqual(await storedRollups('PAR'), await storedRollups('REF'));
    const versions = await models.MetricRollupVersion.countDocuments({ tenantId: 'PAR' });
    assert.ok(versions <= 3 * (DAYS + 1), `${versions} ledger versions kept`);
  });

  it('keep each tenant’s facts in its own rollups', async () => {
    const otherOrg = generateOrg(99, 2, DAYS);
    await ingest('B', metricsFactWrites(otherOrg), 1000);
    const ofB = await one.reader.readDora('B', { kind: 'tenant' }, RANGE);
    const ofRef = await one.reader.readDora('REF', { kind: 'tenant' }, RANGE);
    assert.notEqual(ofB.deployments, ofRef.deployments);
    await assertReadMatchesExact('B', { kind: 'tenant' }, RANGE);
    const stored = await storedRollups('B');
    assert.ok(
      Object.keys(stored).every((key) => /^(repo\|acme\/svc[01]|service\|(svc[01]|billing))\|/.test(key)),
      Object.keys(stored).join(),
    );
    assert.equal((await one.reader.readDora('NOBODY', { kind: 'tenant' }, RANGE)).deployments, 0);
  });

  it('are built whole, once, for a tenant with facts and no rollups yet (an upgrade)', async () => {
    await applyFactWrites(factModelsOf(models), 'UPGRADED', metricsFactWrites(generateOrg(7, 2, DAYS)));
    const marked = await one.updates.markTenantsWithoutRollups(NOW);
    assert.ok(marked.includes('UPGRADED'), marked.join());
    assert.ok(!marked.includes('REF'), 'a tenant with rollups is left alone');
    assert.equal((await one.reader.readDora('UPGRADED', { kind: 'tenant' }, RANGE)).deployments, 0);
    await one.updates.updateTenant('UPGRADED', NOW);
    await assertReadMatchesExact('UPGRADED', { kind: 'tenant' }, RANGE);
    assert.ok(!(await one.updates.markTenantsWithoutRollups(NOW)).includes('UPGRADED'));
  });

  it('follow the services map after a rebuild', async () => {
    const before = await one.reader.readDora('REF', { kind: 'repo', repo: 'acme/svc0' }, RANGE);
    await one.settings.mapService('REF', 'billing', ['acme/svc0']);
    const progress: number[] = [];
    await rebuildRollups(one.deps, 'REF', { now: NOW, onProgress: (done) => progress.push(done) });
    assert.equal(progress.at(-1), DAYS + 1);
    const after = await assertReadMatchesExact('REF', { kind: 'repo', repo: 'acme/svc0' }, RANGE);
    // The orphan billing incident now belongs to svc0's scope.
    assert.equal(after.read.incidentCoverage.total, before.incidentCoverage.total + 1);
    await one.settings.mapService('REF', 'billing', []);
    await rebuildRollups(one.deps, 'REF', { now: NOW });
  });

  it('equal the exact figures on the demo team, fed its webhooks', async () => {
    const deliveries = JSON.parse(await readFile('data/demo/events.json', 'utf8')) as DemoDelivery[];
    const demoWrites = deliveries.flatMap((d) => normalizeEvent(d.source, d.eventType, d.payload));
    const times = demoWrites.map(timeOf).filter(Number.isFinite);
    const last = new Date(Math.max(...times));
    const range = {
      from: new Date(Math.floor(Math.min(...times) / 86_400_000) * 86_400_000),
      to: new Date(Math.ceil(last.getTime() / 86_400_000) * 86_400_000),
    };
    const facts = factModelsOf(models);
    for (let start = 0; start < demoWrites.length; start += 500) {
      const slice = demoWrites.slice(start, start + 500);
      await applyFactWrites(facts, 'DEMO', slice);
      await one.updates.recordWrites('DEMO', slice, last);
      await one.updates.updateTenant('DEMO', last);
    }
    const { read } = await assertReadMatchesExact('DEMO', { kind: 'tenant' }, range);
    assert.ok(read.deployments > 10, `${read.deployments} demo deployments`);
    assert.ok(read.incidentCoverage.total >= 3, JSON.stringify(read.incidentCoverage));
  });
});
