import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { loadReviewHistory } from '../../../data/triage/mongo-review-history.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0HISTORY';
const OTHER = 'T0OTHERHISTORY';
const DAY = 86_400_000;
const NOW = new Date('2026-11-30T12:00:00Z');

describe('loadReviewHistory (merged PR facts as reviewed changes)', function () {
  this.timeout(30_000);
  let connection: Connection;
  let models: Models;

  const pr = (tenantId: string, number: number, fields: Record<string, unknown>) =>
    models.PullRequest.create({
      _id: `${tenantId}|acme/api|${number}`,
      tenantId,
      repo: 'acme/api',
      number,
      snapshotVersion: 1,
      ...fields,
    });

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    const merged = (daysAgo: number) => ({
      state: 'merged',
      mergedAt: new Date(NOW.getTime() - daysAgo * DAY),
    });
    await pr(TENANT, 1, {
      ...merged(3),
      author: 'mia',
      reviewers: ['sam', 'mia'],
      files: ['api/billing/a.ts'],
    });
    await pr(TENANT, 2, {
      ...merged(10),
      author: 'sam',
      reviewers: ['lee'],
      files: ['api/tax.ts', 'README.md'],
    });
    await pr(TENANT, 3, { ...merged(1), author: 'lee', reviewers: [] });
    await pr(TENANT, 4, { ...merged(200), author: 'old', reviewers: ['sam'], files: ['x.ts'] });
    await pr(TENANT, 5, { state: 'open', author: 'kim', reviewers: ['sam'], files: ['y.ts'], openedAt: NOW });
    await pr(TENANT, 6, { state: 'closed', author: 'kim', reviewers: ['sam'], closedAt: NOW });
    await pr(TENANT, 7, { ...merged(2), reviewers: ['sam'] });
    await pr(OTHER, 1, { ...merged(2), author: 'eve', reviewers: ['mallory'], files: ['secret.ts'] });
  });
  after(() => connection.close());

  it("reads the tenant's merged PRs of the last 180 days, oldest first, as the suggester's history", async () => {
    const history = await loadReviewHistory(models, TENANT, NOW);
    assert.deepEqual(history, [
      {
        id: 'acme/api#2',
        repo: 'acme/api',
        at: new Date(NOW.getTime() - 10 * DAY),
        author: 'sam',
        files: ['api/tax.ts', 'README.md'],
        reviewers: ['lee'],
      },
      {
        id: 'acme/api#1',
        repo: 'acme/api',
        at: new Date(NOW.getTime() - 3 * DAY),
        author: 'mia',
        files: ['api/billing/a.ts'],
        reviewers: ['sam'],
      },
      {
        id: 'acme/api#3',
        repo: 'acme/api',
        at: new Date(NOW.getTime() - DAY),
        author: 'lee',
        files: [],
        reviewers: [],
      },
    ]);
  });

  it('keeps to its bounds: fewer days, and at most the limit, the most recently merged', async () => {
    assert.deepEqual(
      (await loadReviewHistory(models, TENANT, NOW, { days: 5 })).map((change) => change.id),
      ['acme/api#1', 'acme/api#3'],
    );
    assert.deepEqual(
      (await loadReviewHistory(models, TENANT, NOW, { limit: 1 })).map((change) => change.id),
      ['acme/api#3'],
    );
    assert.equal((await loadReviewHistory(models, TENANT, NOW, { days: 365 })).length, 4);
  });
});
