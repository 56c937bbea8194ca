import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { purgeTriageRecords } from '../../data/triage/purge-triage-records.ts';
import { JOBS } from '../../jobs/index.ts';
import * as purgeTriageRecordsJob from '../../jobs/purge-triage-records.ts';
import { openTestDatabase } from '../support/database.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-04T03:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

describe('triage retention (purge-triage-records, real database)', () => {
  let connection: Connection;
  let models: Models;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
  });
  after(() => connection.close());

  const notice = (tenantId: string, login: string, changedDaysAgo: number, pending = false) => ({
    _id: `${tenantId}|${login}|acme/api#7`,
    tenantId,
    login,
    repo: 'acme/api',
    number: 7,
    role: 'author' as const,
    revision: 2,
    deliveredRevision: pending ? 1 : 2,
    pending,
    changedAt: daysAgo(changedDaysAgo),
  });

  it('removes month-old claims, digests, run-out snoozes and quiet notices, keeping the rest', async () => {
    await models.TriageNudge.insertMany([
      { _id: 'T1|acme/api#7|ana|2026-10-01', tenantId: 'T1', claimedAt: daysAgo(64) },
      { _id: 'T1|acme/api#7|ana|2026-12-03', tenantId: 'T1', claimedAt: daysAgo(1) },
      { _id: 'T2|acme/web#1|li|2026-10-01', tenantId: 'T2', claimedAt: daysAgo(64) },
    ]);
    await models.TriageNotice.insertMany([
      notice('T1', 'old', 40),
      notice('T1', 'waiting', 40, true),
      notice('T1', 'recent', 3),
    ]);
    await models.TriageNoticeEvent.insertMany(
      ['old', 'waiting', 'recent'].map((login) => ({
        _id: `T1|${login}|acme/api#7|opened`,
        tenantId: 'T1',
        noticeId: `T1|${login}|acme/api#7`,
        kind: 'approved',
        at: daysAgo(40),
      })),
    );
    await models.DeliveryClaim.insertMany([
      { _id: 'T1|old|acme/api#7|r1', tenantId: 'T1', claimedAt: daysAgo(41) },
      { _id: 'T1|old|acme/api#7|r2', tenantId: 'T1', claimedAt: daysAgo(40) },
      { _id: 'T1|waiting|acme/api#7|r1', tenantId: 'T1', claimedAt: daysAgo(41) },
      { _id: 'T1|notify-budget|ana|2026-10-01|0', tenantId: 'T1', claimedAt: daysAgo(64) },
      { _id: 'T1|notify-budget|ana|2026-12-03|0', tenantId: 'T1', claimedAt: daysAgo(1) },
      // Another feature's claim of the same age is not triage's to remove.
      { _id: 'T1|stale-digest|2026-W40:@ana', tenantId: 'T1', claimedAt: daysAgo(64) },
    ]);
    await models.TriageDigest.insertMany(
      [
        ['2026-10-01', 64],
        ['2026-12-03', 1],
      ].map(([date, age]) => ({
        _id: `T1|S1|${date}`,
        tenantId: 'T1',
        standupId: 'S1',
        date: date as string,
        state: 'quiet' as const,
        claimedAt: daysAgo(age as number),
        updatedAt: daysAgo(age as number),
      })),
    );
    await models.TriageSnooze.insertMany([
      {
        _id: 'T1|slack:U1|acme/api#7',
        tenantId: 'T1',
        viewer: 'slack:U1',
        repo: 'acme/api',
        number: 7,
        until: daysAgo(1),
        snoozedAt: daysAgo(2),
      },
      {
        _id: 'T1|slack:U1|acme/api#8',
        tenantId: 'T1',
        viewer: 'slack:U1',
        repo: 'acme/api',
        number: 8,
        until: daysAgo(-1),
        snoozedAt: daysAgo(0),
      },
      {
        _id: 'T1|slack:U1|acme/api#9',
        tenantId: 'T1',
        viewer: 'slack:U1',
        repo: 'acme/api',
        number: 9,
        head: 'abc',
        snoozedAt: daysAgo(60),
      },
    ]);

    assert.deepEqual(await purgeTriageRecords(models, now), {
      nudges: 2,
      notices: 1,
      budgetSlots: 1,
      digests: 1,
      snoozes: 1,
    });
    const ids = async (model: { find(filter: object): { lean(): Promise<{ _id: string }[]> } }) =>
      (await model.find({ tenantId: 'T1' }).lean()).map((doc) => doc._id).sort();
    assert.deepEqual(await ids(models.TriageNudge), ['T1|acme/api#7|ana|2026-12-03']);
    assert.equal(await models.TriageNudge.countDocuments({ tenantId: 'T2' }), 0, 'every tenant is purged');
    assert.deepEqual(await ids(models.TriageNotice), ['T1|recent|acme/api#7', 'T1|waiting|acme/api#7']);
    assert.deepEqual(await ids(models.TriageNoticeEvent), [
      'T1|recent|acme/api#7|opened',
      'T1|waiting|acme/api#7|opened',
    ]);
    assert.deepEqual(await ids(models.DeliveryClaim), [
      'T1|notify-budget|ana|2026-12-03|0',
      'T1|stale-digest|2026-W40:@ana',
      'T1|waiting|acme/api#7|r1',
    ]);
    assert.deepEqual(await ids(models.TriageDigest), ['T1|S1|2026-12-03']);
    assert.deepEqual(await ids(models.TriageSnooze), ['T1|slack:U1|acme/api#8', 'T1|slack:U1|acme/api#9']);
    // A second run has nothing left to do.
    assert.deepEqual(await purgeTriageRecords(models, now), {
      nudges: 0,
      notices: 0,
      budgetSlots: 0,
      digests: 0,
      snoozes: 0,
    });
  });

  it('is scheduled with the other jobs', () => {
    assert.ok(JOBS.includes(purgeTriageRecordsJob));
  });
});
