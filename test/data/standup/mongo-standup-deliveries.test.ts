import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import {
  createStandupDeliveries,
  DELIVERY_LEASE_MS,
} from '../../../data/standup/mongo-standup-deliveries.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { openTestDatabase } from '../../support/database.ts';

const NOW = new Date('2026-12-02T09:30:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const ref = { surface: 'slack' as const, channel: 'D1', ts: '1.000' };

describe('standup deliveries (each message claimed once, on the real database)', () => {
  let connection: Connection;
  let models: Models;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
  });
  after(async () => connection.close());
  beforeEach(async () => {
    await models.StandupDelivery.deleteMany({ tenantId: 'T1' });
    await models.StandupDelivery.deleteMany({ tenantId: 'T2' });
  });

  it('gives a key to one of many claimants at once, and to nobody once it is sent', async () => {
    const processes = [1, 2, 3].map(() => createStandupDeliveries(models.StandupDelivery));
    const claims = await Promise.all(
      processes.map((log) => log.claim('T1', 'st|2026-12-02|prompt|slack:U1', NOW)),
    );
    assert.equal(claims.filter(Boolean).length, 1);
    const [first] = processes;
    await first!.finish(claims.find(Boolean)!, { ref }, NOW);
    assert.equal(
      await first!.claim('T1', 'st|2026-12-02|prompt|slack:U1', later(DELIVERY_LEASE_MS * 10)),
      undefined,
    );
    assert.deepEqual(await first!.find('T1', 'st|2026-12-02|prompt|slack:U1'), { ref });
  });

  it('lets another process take over a claim left unfinished past its lease (its sender died mid-send)', async () => {
    const log = createStandupDeliveries(models.StandupDelivery);
    const key = 'st|2026-12-02|prompt|slack:U2';
    assert.ok(await log.claim('T1', key, NOW));
    assert.equal(
      await log.claim('T1', key, later(DELIVERY_LEASE_MS - 1)),
      undefined,
      'still within its lease',
    );
    const takeover = await log.claim('T1', key, later(DELIVERY_LEASE_MS));
    assert.equal(takeover?.attempt, 2);
    await log.finish(takeover!, { ref }, later(DELIVERY_LEASE_MS));
    assert.deepEqual(await log.find('T1', key), { ref });
    assert.equal(await log.claim('T1', key, later(DELIVERY_LEASE_MS * 3)), undefined);
  });

  it("frees a released claim for the next run, and lists a day's refusals", async () => {
    const log = createStandupDeliveries(models.StandupDelivery);
    const claim = await log.claim('T1', 'st|2026-12-02|prompt|slack:U3', NOW);
    await log.release(claim!);
    const again = await log.claim('T1', 'st|2026-12-02|prompt|slack:U3', NOW);
    assert.ok(again);
    await log.finish(again, { error: 'channel_not_found' }, NOW);
    assert.deepEqual(await log.refused('T1', 'st|2026-12-02|prompt|'), [
      { key: 'st|2026-12-02|prompt|slack:U3', error: 'channel_not_found' },
    ]);
    assert.deepEqual(await log.refused('T1', 'st|2026-12-03|prompt|'), []);
  });

  it('keeps tenants apart: the same key is separate per tenant', async () => {
    const log = createStandupDeliveries(models.StandupDelivery);
    const claim = await log.claim('T1', 'st|2026-12-02|report', NOW);
    await log.finish(claim!, { ref }, NOW);
    assert.equal(await log.find('T2', 'st|2026-12-02|report'), undefined);
    assert.ok(await log.claim('T2', 'st|2026-12-02|report', NOW));
  });
});
