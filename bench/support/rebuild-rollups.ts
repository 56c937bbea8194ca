/**
 * One tenant's `metrics rebuild` in a process of its own, for bench/metrics-rollups.bench.ts: its peak RSS is
 * then the rebuild's, as the CLI's would be, not the generated org's the benchmark holds.
 *   node bench/support/rebuild-rollups.ts DB_NAME TENANT NOW_ISO   → one JSON line on stdout
 */
import mongoose from 'mongoose';
import { createMetricsSettingsStore } from '../../data/metrics/mongo-metrics-settings.ts';
import { rebuildRollups } from '../../data/metrics/recompute-rollups.ts';
import { factModelsOf } from '../../data/models/ingest-models.ts';
import { defineModels } from '../../data/models/index.ts';
import { testServerUri } from '../../test/support/database.ts';

const [dbName, tenantId, now] = process.argv.slice(2);
if (!dbName || !tenantId || !now) throw new Error('usage: rebuild-rollups.ts DB_NAME TENANT NOW_ISO');
const connection = await mongoose.createConnection(testServerUri(), { dbName }).asPromise();
const models = defineModels(connection);
const before = process.memoryUsage().rss;
const started = Date.now();
const result = await rebuildRollups(
  {
    facts: factModelsOf(models),
    MetricRollup: models.MetricRollup,
    MetricRollupVersion: models.MetricRollupVersion,
    settings: createMetricsSettingsStore(models.MetricSettings),
  },
  tenantId,
  { now: new Date(now) },
);
const seconds = (Date.now() - started) / 1000;
await connection.close();
// maxRSS is the kernel's peak for this process, in KiB.
console.log(
  JSON.stringify({ ...result, seconds, beforeRss: before, peakRss: process.resourceUsage().maxRSS * 1024 }),
);
