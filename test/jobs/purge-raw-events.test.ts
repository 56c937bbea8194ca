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
    const event = (
      tenantId: string,
      deliveryId: string,
      ageDays: number,
      state: 'normalized' | 'failed' | 'pending',
    ) => ({
      tenantId,
      source: 'github' as const,
      deliveryId,
      eventType: 'push',
      headers: {},
      body: '{}',
      verification: { verified: true, method: 'hmac-sha256' },
      receivedAt: new Date(now.getTime() - ageDays * DAY),
      attempts: state === 'failed' ? 5 : 0,
      ...(state === 'normalized' ? { normalizedAt: new Date(now.getTime() - ageDays * DAY) } : {}),
      ...(state === 'failed' ? { failedAt: new Date(now.getTime() - ageDays * DAY) } : {}),
    });
    await models.EventRaw.insertMany([
      event('T1', 'old-normalized', 31, 'normalized'),
      event('T1', 'old-failed', 40, 'failed'),
      event('T1', 'old-pending', 45, 'pending'),
      event('T1', 'recent', 29, 'normalized'),
      event('T2', 'other-tenant-old', 60, 'normalized'),
    ]);
    await models.PullRequest.collection.insertOne({
      _id: 'T1|acme/web|1',
      tenantId: 'T1',
      repo: 'acme/web',
      number: 1,
    } as never);

    assert.equal(await purgeRawEvents(models.EventRaw, 30, now), 3);
    const left = async (tenantId: string) =>
      (await models.EventRaw.find({ tenantId }).lean()).map((e) => e.deliveryId).sort();
    assert.deepEqual(await left('T1'), ['old-pending', 'recent']);
    assert.deepEqual(await left('T2'), []);
    assert.equal(await models.PullRequest.countDocuments({ tenantId: 'T1' }), 1, 'facts are kept');
    assert.equal(await purgeRawEvents(models.EventRaw, 30, now), 0, 'a second run has nothing to do');
  });
});
