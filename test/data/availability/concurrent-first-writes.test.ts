import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createAvailabilityStore } from '../../../data/availability/mongo-availability-store.ts';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import type { AvailabilityStore } from '../../../handlers/availability/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0RACE';

describe("availability: a person's first save racing what their chat profile reports (real database)", () => {
  let connection: Connection;
  let store: AvailabilityStore;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    store = createAvailabilityStore(models);
  });
  after(() => connection.close());

  it('keeps both, however the two upserts of a new person interleave', async () => {
    // Teams sends the locale with the very first message, so the report and the typed `tz` both create the document.
    for (let person = 0; person < 40; person += 1) {
      const account = { tool: 'teams' as const, handle: `aad-${person}` };
      await Promise.all([
        store.save(TENANT, account, { timeOff: [], timeZone: 'Pacific/Auckland' }),
        store.report(TENANT, account, { reportedRegion: 'US' }),
      ]);
      const settings = await store.settingsOf(TENANT, account);
      assert.equal(settings.timeZone, 'Pacific/Auckland', `person ${person}`);
      assert.equal(settings.reportedRegion, 'US', `person ${person}`);
    }
  });
});
