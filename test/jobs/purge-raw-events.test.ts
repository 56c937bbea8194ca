import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { purgeRawEvents } from '../../data/ingest/purge-raw-events.ts';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { openTestDatabase } from '../support/database.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('raw event retention (purge-raw-events)', () => {
  let connection: Connection;
  let models: Models;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
  });
  after(() => connection.close());

  it('purges normalized or failed deliveries older than RETENTION_DAYS in every tenant, keeping pending ones and all facts', async () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const event = (tenantId: string, deliveryId: string, ageDays: number) => ({
      tenantId,
      source: 'github' as const,
      deliveryId,
      eventType: 'push',
      headers: {},
      body: '{}',
      verification: { verified: true, method: 'hmac-sha256' },
      receivedAt: new Date(now.getTime() - ageDays * DAY),
    });
    const stored = await models.EventRaw.insertMany([
      event('T1', 'old-normalized', 31),
      event('T1', 'old-failed', 40),
      event('T1', 'old-pending', 45),
      event('T1', 'recent', 29),
      event('T2', 'other-tenant-old', 60),
    ]);
    const queue = (deliveryId: string, failed: boolean) => {
      const raw = stored.find((e) => e.deliveryId === deliveryId)!;
      return {
        _id: raw._id,
        tenantId: raw.tenantId,
        receivedAt: raw.receivedAt,
        attempts: failed ? 5 : 0,
        ...(failed ? { failedAt: raw.receivedAt } : {}),
      };
    };
    await models.EventPending.insertMany([queue('old-failed', true), queue('old-pending', false)]);
    await models.PullRequest.collection.insertOne({
      _id: 'T1|acme/web|1',
      tenantId: 'T1',
      repo: 'acme/web',
      number: 1,
    } as never);

    assert.equal(await purgeRawEvents(models, 30, now), 3);
    const left = async (tenantId: string) =>
      (await models.EventRaw.find({ tenantId }).lean()).map((e) => e.deliveryId).sort();
    assert.deepEqual(await left('T1'), ['old-pending', 'recent']);
    assert.deepEqual(await left('T2'), []);
    assert.equal(await models.PullRequest.countDocuments({ tenantId: 'T1' }), 1, 'facts are kept');
    assert.deepEqual(
      (await models.EventPending.find({ tenantId: 'T1' }).lean()).map((entry) => String(entry._id)),
      [String(queue('old-pending', false)._id)],
      'the given-up entry goes with its event; the queued one stays',
    );
    assert.equal(await purgeRawEvents(models, 30, now), 0, 'a second run has nothing to do');
  });
});
