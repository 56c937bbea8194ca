import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { PULL_CHANGE_RETENTION_MS, purgePullChanges } from '../../../data/ingest/purge-pull-changes.ts';
import { applyFactWrites } from '../../../data/ingest/apply-fact-writes.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { pullChangeBucketOf } from '../../../data/models/pull-request-change.ts';
import { openTestDatabase } from '../../support/database.ts';

describe('the pull request change log (written by applyFactWrites, purged after an hour)', () => {
  let connection: Connection;
  let models: Models;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
  });
  after(() => connection.close());

  it('logs each write of a pull request once, with the revision it gives, and no other fact or no-op', async () => {
    const pull = (title: string) => ({
      kind: 'pullRequest' as const,
      key: { repo: 'acme/api', number: 1 },
      set: { title },
    });
    await applyFactWrites(factModelsOf(models), 'T1', [pull('One'), pull('One, renamed')]);
    await applyFactWrites(factModelsOf(models), 'T1', [pull('One, renamed')]);
    await applyFactWrites(factModelsOf(models), 'T1', [pull('Two')]);
    await applyFactWrites(factModelsOf(models), 'T1', [
      { kind: 'repository', key: { repo: 'acme/api' }, set: { name: 'api' } },
    ]);
    const logged = await models.PullRequestChange.find({ tenantId: 'T1' }).sort({ rev: 1 }).lean();
    assert.deepEqual(
      logged.map((change) => [change._id, change.pull, change.rev]),
      [
        ['T1|acme/api|1|1', 'T1|acme/api|1', 1],
        ['T1|acme/api|1|2', 'T1|acme/api|1', 2],
      ],
    );
    const fact = await models.PullRequest.findOne({ tenantId: 'T1', _id: 'T1|acme/api|1' }).lean();
    assert.equal((fact as { rev?: number }).rev, 2);
    assert.equal(logged[0]!.bucket, pullChangeBucketOf(logged[0]!.at.getTime()));
  });

  it('purges entries older than the retention in every tenant, and keeps the rest', async () => {
    const now = new Date();
    const entry = (tenantId: string, id: string, ageMs: number) => {
      const at = new Date(now.getTime() - ageMs);
      return {
        _id: id,
        tenantId,
        pull: `${tenantId}|acme/web|${id}`,
        rev: 1,
        bucket: pullChangeBucketOf(at.getTime()),
        at,
      };
    };
    await models.PullRequestChange.create([
      entry('T2', 'old', PULL_CHANGE_RETENTION_MS + 1),
      entry('T2', 'recent', PULL_CHANGE_RETENTION_MS - 60_000),
      entry('T3', 'old-too', 2 * PULL_CHANGE_RETENTION_MS),
    ]);
    assert.equal(await purgePullChanges(models.PullRequestChange, now), 2);
    assert.deepEqual(
      (await models.PullRequestChange.find({ tenantId: 'T2' }).lean()).map((change) => change._id),
      ['recent'],
    );
    assert.equal(await models.PullRequestChange.countDocuments({ tenantId: 'T3' }), 0);
    assert.equal(await purgePullChanges(models.PullRequestChange, now), 0, 'a second run has nothing to do');
  });
});
