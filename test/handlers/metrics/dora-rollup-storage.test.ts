import assert from 'node:assert/strict';
import { Schema, type Connection, type Model } from 'mongoose';
import { tenantCollection } from '../../../data/db/tenant-collection.ts';
import { tenantScoped } from '../../../data/db/tenant-scoped.ts';
import {
  readRollups,
  rollupIncrements,
  summarizeForRollup,
  type StoredRollup,
} from '../../../handlers/metrics/dora-rollup.ts';
import { measureDora } from '../../../handlers/metrics/measure-dora.ts';
import { openTestDatabase } from '../../support/database.ts';
import { at, WEEK } from './build-facts.ts';
import { buildTwoServices, CONFIG } from './two-services.ts';

interface ProbeFields extends StoredRollup {
  _id: string;
  tenantId: string;
  scope: string;
}

/** The rollup documents' `$inc`s on the database the tests run on (FerretDB v1, or MongoDB). */
describe('DORA rollups stored with $inc', () => {
  let connection: Connection;
  let Probe: Model<ProbeFields>;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const schema = new Schema<ProbeFields>({ _id: String, scope: String }, { strict: false });
    schema.plugin(tenantScoped);
    Probe = connection.model<ProbeFields>('RollupProbe', schema, 'rollup_probes');
  });

  after(async () => {
    await connection?.close();
  });

  it('accumulate numeric bucket keys as plain objects, and read back as the in-memory rollups do', async () => {
    const probes = tenantCollection(Probe);
    const days = Array.from({ length: 7 }, (_, day) =>
      summarizeForRollup(
        measureDora(buildTwoServices(), CONFIG, { from: at(day * 24), to: at(day * 24 + 24) }),
      ),
    );
    // One document for the week, incremented day by day, as facts arriving would.
    await probes.updateById('T1', 'T1|acme|2026-W37', { $set: { scope: 'acme' } }, { upsert: true });
    for (const day of days) {
      const increments = rollupIncrements(day);
      if (Object.keys(increments).length > 0)
        await probes.updateById('T1', 'T1|acme|2026-W37', { $inc: increments });
    }
    const stored = await probes.findById('T1', 'T1|acme|2026-W37');
    assert.ok(stored);
    assert.equal(Array.isArray(stored.hist?.restore), false);
    assert.deepEqual(readRollups([stored], 1), readRollups(days, 1));
    assert.equal(
      readRollups([stored], 1).deployments,
      measureDora(buildTwoServices(), CONFIG, WEEK).deploymentFrequency.count,
    );
  });
});
