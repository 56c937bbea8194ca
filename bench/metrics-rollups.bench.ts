/**
 * Delivery-metrics rollups at an org's scale (issue 13, Performance). A seeded org (test/handlers/metrics/
 * generate-org.ts): REPOS repositories (default 50) over DAYS days (default 730) of squash merges, deployments
 * (some failing, redeployed, status flips), missed pushes and incidents, as the fact writes webhooks make.
 * 1. History (all but the last TAIL_DAYS days, default 2) is merged in memory and bulk-inserted: not timed.
 * 2. `metrics rebuild` of the tenant, in a process of its own: timed, with that process's peak resident memory.
 * 3. The tail's fact writes arrive in time order, 100 a batch, as the normalizer applies them: facts applied,
 *    the dirty mark recorded, and the rollup update run every BATCHES_PER_UPDATE batches (default 10, as the
 *    metrics-rollups job runs every minute): events per second, all included.
 * 4. readDora for one team (TEAM_REPOS repositories, default 5) over one quarter from the rollups, RUNS times
 *    (default 50): p50 and p95; and the same figures computed exactly from the facts (explainDora: the loader and
 *    measureDora), EXACT_RUNS times (default 3). Both must agree. Then what `/dora` reads for its card (the
 *    quarter, the period before and each week): one readDoraRanges, against a readDora per range.
 *   npm run bench -- bench/metrics-rollups.bench.ts      (REPOS, DAYS, TAIL_DAYS, TEAM_REPOS, RUNS, EXACT_RUNS)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { applyFactWrites } from '../data/ingest/apply-fact-writes.ts';
import { createMetricsRollupUpdates } from '../data/metrics/metrics-rollup-updates.ts';
import { createMetricsReader } from '../data/metrics/mongo-metrics-reader.ts';
import { createMetricsSettingsStore } from '../data/metrics/mongo-metrics-settings.ts';
import { factModelsOf } from '../data/models/ingest-models.ts';
import { defineModels, ensureIndexes } from '../data/models/index.ts';
import type { FactWrite } from '../data/sources/fact-write.ts';
import { factIdOf, mergeFact, type FactDocument } from '../data/sources/merge-fact.ts';
import { previousPeriod, weeksOf } from '../handlers/metrics/parse-range.ts';
import { at } from '../test/handlers/metrics/build-facts.ts';
import { generateOrg } from '../test/handlers/metrics/generate-org.ts';
import { metricsFactWrites } from '../test/data/metrics/metrics-fact-writes.ts';
import { testServerUri } from '../test/support/database.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const REPOS = Number(process.env.REPOS ?? 50);
const DAYS = Number(process.env.DAYS ?? 730);
const TAIL_DAYS = Number(process.env.TAIL_DAYS ?? 2);
const TEAM_REPOS = Number(process.env.TEAM_REPOS ?? 5);
const RUNS = Number(process.env.RUNS ?? 50);
const EXACT_RUNS = Number(process.env.EXACT_RUNS ?? 3);
const BATCHES_PER_UPDATE = Number(process.env.BATCHES_PER_UPDATE ?? 10);
const TENANT = 'T0METRICSBENCH';
const NOW = at(DAYS * 24 + 1);
const MB = 1024 * 1024;
const run = promisify(execFile);

const timeOf = (write: FactWrite) =>
  Math.min(
    ...[write.once, write.earliest, write.snapshot?.fields].flatMap((fields) =>
      Object.values(fields ?? {}).flatMap((value) => (value instanceof Date ? [value.getTime()] : [])),
    ),
  );
const percentile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;

const org = generateOrg(2026, REPOS, DAYS);
const writes = metricsFactWrites(org).sort((a, b) => timeOf(a) - timeOf(b));
const tailFrom = at((DAYS - TAIL_DAYS) * 24).getTime();
const split = writes.findIndex((write) => timeOf(write) >= tailFrom);
const history = writes.slice(0, split);
const tail = writes.slice(split);
console.log(
  `org: ${REPOS} repositories, ${DAYS} days: ${org.pullRequests.length} PRs, ${org.deployments.length} deployments, ` +
    `${org.pushes.length} pushes, ${org.incidents.length} incidents; ${writes.length} fact writes ` +
    `(${history.length} history, bulk-loaded; ${tail.length} in the last ${TAIL_DAYS} days, ingested live)`,
);

const connection = await mongoose
  .createConnection(testServerUri(), { dbName: 'bench_metrics_rollups' })
  .asPromise();
await connection.dropDatabase();
const models = defineModels(connection);
await ensureIndexes(models);
const facts = factModelsOf(models);
const settings = createMetricsSettingsStore(models.MetricSettings);
const deps = {
  facts,
  MetricRollup: models.MetricRollup,
  MetricRollupVersion: models.MetricRollupVersion,
  MetricDirtyMark: models.MetricDirtyMark,
  settings,
};
const team = Array.from({ length: TEAM_REPOS }, (_, r) => `acme/svc${r}`);
await settings.mapTeam(TENANT, 'Payments', team);

// 1. History, merged in memory and bulk-inserted.
{
  const started = Date.now();
  const byFact = new Map<string, { kind: FactWrite['kind']; doc: FactDocument }>();
  for (const write of history) {
    const id = `${write.kind}/${factIdOf(TENANT, write)}`;
    const known = byFact.get(id);
    byFact.set(id, { kind: write.kind, doc: mergeFact(known?.doc, TENANT, write) });
  }
  const byKind = new Map<FactWrite['kind'], FactDocument[]>();
  for (const { kind, doc } of byFact.values()) {
    const list = byKind.get(kind) ?? [];
    list.push({ ...doc, rev: 1 });
    byKind.set(kind, list);
  }
  for (const [kind, docs] of byKind)
    for (let i = 0; i < docs.length; i += 5000)
      await (facts[kind] as unknown as mongoose.Model<FactDocument>).collection.insertMany(
        docs.slice(i, i + 5000) as never[],
        { ordered: false },
      );
  console.log(
    `history: ${byFact.size} facts inserted in ${((Date.now() - started) / 1000).toFixed(1)} s (not timed below)`,
  );
}
writes.length = 0;
history.length = 0;

// 2. Full rebuild, in a process of its own (bench/support/rebuild-rollups.ts), as `metrics rebuild` runs.
{
  const { stdout } = await run(process.execPath, [
    'bench/support/rebuild-rollups.ts',
    connection.name,
    TENANT,
    NOW.toISOString(),
  ]);
  const rebuilt = JSON.parse(stdout) as { days: number; seconds: number; beforeRss: number; peakRss: number };
  const rollups = await models.MetricRollup.countDocuments({ tenantId: TENANT });
  console.log(
    `rebuild: ${rebuilt.days} days (${rollups} rollup documents) in ${rebuilt.seconds.toFixed(1)} s; ` +
      `peak RSS of the rebuilding process ${(rebuilt.peakRss / MB).toFixed(0)} MB ` +
      `(${(rebuilt.beforeRss / MB).toFixed(0)} MB at its start; goal ≤ 300 MB)`,
  );
}

// 3. The tail, live.
{
  const updates = createMetricsRollupUpdates(deps);
  const started = Date.now();
  let batches = 0;
  let updateMs = 0;
  for (let i = 0; i < tail.length; i += 100) {
    const batch = tail.slice(i, i + 100);
    await applyFactWrites(facts, TENANT, batch);
    await updates.recordWrites(TENANT, batch, NOW);
    batches += 1;
    if (batches % BATCHES_PER_UPDATE === 0 || i + 100 >= tail.length) {
      const u = Date.now();
      await updates.updateTenant(TENANT, NOW);
      updateMs += Date.now() - u;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `ingest: ${tail.length} fact writes in ${seconds.toFixed(1)} s = ${(tail.length / seconds).toFixed(0)} events/s ` +
      `(facts, marks and ${Math.ceil(batches / BATCHES_PER_UPDATE)} rollup updates, ${(updateMs / 1000).toFixed(1)} s of them)`,
  );
}

// 4. One team, one quarter: rollups against the exact computation.
{
  const reader = createMetricsReader(models, settings);
  const quarter = { from: at((DAYS - 91) * 24), to: at(DAYS * 24) };
  const scope = { kind: 'team' as const, team: 'Payments' };
  const times: number[] = [];
  let read = await reader.readDora(TENANT, scope, quarter);
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    read = await reader.readDora(TENANT, scope, quarter);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const exactTimes: number[] = [];
  let exact = await reader.explainDora(TENANT, scope, quarter);
  for (let run = 0; run < EXACT_RUNS; run += 1) {
    const started = performance.now();
    exact = await reader.explainDora(TENANT, scope, quarter);
    exactTimes.push(performance.now() - started);
  }
  exactTimes.sort((a, b) => a - b);
  const same =
    read.deployments === exact.deploymentFrequency.count &&
    read.changeFailureRate === exact.changeFailureRate.rate &&
    read.prCoverage.total === exact.leadTime.coverage.total;
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const exactMedian = percentile(exactTimes, 0.5);
  console.log(
    `readDora (team of ${TEAM_REPOS} repositories, one quarter: ${read.deployments} deployments, ` +
      `${read.prCoverage.total} PRs, ${read.incidentCoverage.total} incidents): p50 ${p50.toFixed(1)} ms, ` +
      `p95 ${p95.toFixed(1)} ms (goal < 100 ms)`,
  );
  console.log(
    `exact from facts: median ${exactMedian.toFixed(0)} ms over ${EXACT_RUNS} runs; rollups ${(exactMedian / p50).toFixed(0)}× ` +
      `faster at the median (goal ≥ 50×); same figures: ${same ? 'yes' : 'NO'}`,
  );
  if (!same) process.exitCode = 1;

  // What `/dora` reads for its card: the quarter, the period before it and each week, in one read.
  const viewRanges = [quarter, previousPeriod(quarter), ...weeksOf(quarter)];
  const timed = async (runs: number, read: () => Promise<unknown>) => {
    const list: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await read();
      list.push(performance.now() - started);
    }
    return list.sort((a, b) => a - b);
  };
  const oneRead = await timed(RUNS, () => reader.readDoraRanges(TENANT, scope, viewRanges));
  // As `/dora` read before: a readDora per range, all at once (on a busy shared PostgreSQL that many queries at
  // once can run out of connections; then say so and go on).
  const eachRange = await timed(Math.min(RUNS, 10), () =>
    Promise.all(viewRanges.map((range) => reader.readDora(TENANT, scope, range))),
  ).catch((error: unknown) => (error as Error).message.split('\n')[0]!);
  const shown = (list: number[] | string) =>
    typeof list === 'string'
      ? `failed: ${list}`
      : `p50 ${percentile(list, 0.5).toFixed(1)} ms, p95 ${percentile(list, 0.95).toFixed(1)} ms`;
  console.log(
    `/dora view (${viewRanges.length} ranges: the quarter, the one before, ${viewRanges.length - 2} weeks): ` +
      `one readDoraRanges ${shown(oneRead)}; a readDora per range at once ${shown(eachRange)}`,
  );
}
await connection.dropDatabase();
await connection.close();
