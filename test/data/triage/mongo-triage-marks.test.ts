import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { createTriageMarks } from '../../../data/triage/mongo-triage-marks.ts';
import { openTestDatabase } from '../../support/database.ts';

const T = 'T0MARKS';
const DAY = 86_400_000;

describe("triage's I'm-on-it marks (real database)", function () {
  this.timeout(60_000);
  let connection: Connection;
  let models: Models;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
  });
  after(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('keeps the first taker, and finds the marks of one PR or of many, in this tenant only', async () => {
    const marks = createTriageMarks(models);
    const take = (tenantId: string, number: number, by: string) =>
      marks.take(tenantId, { repo: 'acme/api', number, by, account: `slack:U0${by.toUpperCase()}` });
    assert.equal(await take(T, 1, 'ana'), true);
    assert.equal(await take(T, 1, 'ben'), false);
    assert.equal(await take(T, 2, 'ben'), true);
    assert.equal(await take('T0OTHER', 3, 'cy'), true);
    const openedAt = new Date(Date.now() - DAY);
    const pull = (number: number) => ({ repo: 'acme/api', number, openedAt });

    assert.deepEqual(await marks.takenOf(T, [pull(1)]), [{ repo: 'acme/api', number: 1, by: 'ana' }]);
    assert.deepEqual(await marks.takenOf(T, [pull(3)]), []);
    const many = await marks.takenOf(T, [pull(1), pull(2), pull(3), pull(4)]);
    assert.deepEqual(many.map((mark) => `#${mark.number} ${mark.by}`).sort(), ['#1 ana', '#2 ben']);
    // Without openedAt every mark of the tenant is read; the answer is the same.
    assert.deepEqual(
      (
        await marks.takenOf(T, [
          { repo: 'acme/api', number: 1 },
          { repo: 'acme/api', number: 2 },
        ])
      )
        .map((mark) => mark.number)
        .sort(),
      [1, 2],
    );
  });

  it('reads only the marks made since the oldest PR asked about opened', async () => {
    const marks = createTriageMarks(models);
    // A mark from long before these PRs opened (written directly: a taker cannot make one): not read.
    await models.TriageTaken.create({
      _id: `${T}|acme/web#9`,
      tenantId: T,
      repo: 'acme/web',
      number: 9,
      by: 'old',
      account: 'slack:U0OLD',
      takenAt: new Date(Date.now() - 30 * DAY),
    });
    const recent = new Date(Date.now() - DAY);
    const found = await marks.takenOf(T, [
      { repo: 'acme/web', number: 9, openedAt: recent },
      { repo: 'acme/api', number: 1, openedAt: recent },
    ]);
    assert.deepEqual(
      found.map((mark) => mark.number),
      [1],
    );
    // Asked with an opening before it, it is found.
    const older = new Date(Date.now() - 40 * DAY);
    const again = await marks.takenOf(T, [
      { repo: 'acme/web', number: 9, openedAt: older },
      { repo: 'acme/api', number: 1, openedAt: recent },
    ]);
    assert.deepEqual(again.map((mark) => mark.number).sort(), [1, 9]);
  });
});
