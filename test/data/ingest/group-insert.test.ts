import assert from 'node:assert/strict';
import type { Collection, Connection } from 'mongoose';
import { createGroupInsert } from '../../../data/ingest/group-insert.ts';
import { openTestDatabase } from '../../support/database.ts';

interface Row {
  _id: string;
  key: string;
}

describe('group insert', () => {
  let connection: Connection;
  let rows: Collection<Row>;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    rows = connection.collection<Row>('group_insert_rows');
    await rows.createIndex({ key: 1 }, { unique: true });
  });

  after(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('stores every concurrent document and tells each caller its own outcome, duplicates included', async () => {
    const insert = createGroupInsert(rows);
    await rows.insertOne({ _id: 'existing', key: 'k-existing' });
    const keys = [...Array.from({ length: 60 }, (_, i) => `k-${i}`), 'k-7', 'k-existing', 'k-59'];
    const outcomes = await Promise.all(keys.map((key, i) => insert({ _id: `row-${i}`, key })));

    assert.deepEqual(
      outcomes.slice(0, 60).filter((outcome) => outcome !== 'inserted'),
      [],
    );
    assert.deepEqual(outcomes.slice(60), ['duplicate', 'duplicate', 'duplicate']);
    assert.equal(await rows.countDocuments({ key: { $ne: 'k-existing' } }), 60);
  });

  it('rejects every caller of a batch the database refuses as a whole, and goes on with the next', async () => {
    const insert = createGroupInsert(rows);
    // A document over MongoDB's 16 MiB limit makes the driver refuse the whole batch before it is sent.
    const oversized = insert({ _id: 'huge', key: 'x'.repeat(17 * 1024 * 1024) });
    await assert.rejects(oversized);
    assert.equal(await insert({ _id: 'after', key: 'k-after' }), 'inserted');
    assert.equal(await rows.countDocuments({ _id: 'huge' }), 0);
  });
});
