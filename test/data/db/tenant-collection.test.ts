import assert from 'node:assert/strict';
import { Schema, type Connection, type Model } from 'mongoose';
import { tenantCollection, type TenantCollection } from '../../../data/db/tenant-collection.ts';
import { tenantScoped } from '../../../data/db/tenant-scoped.ts';
import { openTestDatabase } from '../../support/database.ts';

interface NoteFields {
  _id: string;
  tenantId: string;
  title: string;
  count?: number;
}

const scopeError = (message: string) => ({ name: 'TenantScopeError', message });

describe('tenant collection', () => {
  let connection: Connection;
  let Note: Model<NoteFields>;
  let notes: TenantCollection<NoteFields>;
  // What is stored, read past the wrapper.
  const stored = async () =>
    (await connection.collection('notes').find({}).sort({ _id: 1 }).toArray()).map(
      ({ _id, tenantId, count }) => ({ _id, tenantId, count }),
    );

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const schema = new Schema<NoteFields>({ _id: String, title: String, count: Number });
    schema.plugin(tenantScoped);
    Note = connection.model<NoteFields>('Note', schema, 'notes');
    notes = tenantCollection(Note);
  });

  after(async () => {
    await connection?.close();
  });

  beforeEach(async () => {
    await connection.collection('notes').deleteMany({});
    // A random id (any tenant's) and tenant-prefixed ids, one of them for a tenant whose id holds a `|`.
    await connection.collection<NoteFields>('notes').insertMany([
      { _id: 'uuid-a', tenantId: 'A', title: 'a', count: 1 },
      { _id: 'A|b', tenantId: 'A', title: 'prefixed', count: 1 },
      { _id: 'A|B|c', tenantId: 'A|B', title: 'pipe', count: 1 },
    ]);
  });

  it('reads by _id only the tenant named: another tenant sees the document as missing', async () => {
    assert.equal((await notes.findById('A', 'uuid-a'))?.title, 'a');
    assert.equal(await notes.findById('B', 'uuid-a'), null);
    assert.equal(await notes.findById('A', 'A|B|c'), null);
  });

  it('refuses a call without one tenant', async () => {
    for (const tenantId of ['', undefined, { $ne: 'B' }]) {
      await assert.rejects(
        notes.findById(tenantId as never, 'uuid-a'),
        scopeError('a raw collection call must name a single tenantId'),
        JSON.stringify(tenantId),
      );
    }
    await assert.rejects(notes.deleteById('', 'uuid-a'), { name: 'TenantScopeError' });
  });

  it('inserts only documents that carry their tenant', async () => {
    await assert.rejects(notes.insertOne({ _id: 'orphan', title: 'x' } as never), {
      name: 'TenantScopeError',
    });
    await assert.rejects(
      notes.insertMany([{ _id: 'fine', tenantId: 'A', title: 'x' }, { _id: 'orphan', title: 'x' } as never], {
        ordered: false,
      }),
      { name: 'TenantScopeError' },
    );
    assert.equal((await stored()).length, 3);
    await notes.insertOne({ _id: 'new', tenantId: 'B', title: 'x' });
    assert.equal((await notes.findById('B', 'new'))?.title, 'x');
  });

  it("writes by _id never reach another tenant's document", async () => {
    assert.deepEqual(await notes.updateById('B', 'uuid-a', { $inc: { count: 1 } }), {
      matchedCount: 0,
      modifiedCount: 0,
    });
    assert.equal(await notes.findByIdAndUpdate('B', 'uuid-a', { $inc: { count: 1 } }), null);
    assert.equal(await notes.deleteById('B', 'uuid-a'), 0);
    // `A|B|c` begins with `A|` but is tenant `A|B`'s.
    assert.equal(await notes.findByIdAndUpdate('A', 'A|B|c', { $inc: { count: 1 } }), null);
    assert.deepEqual(await stored(), [
      { _id: 'A|B|c', tenantId: 'A|B', count: 1 },
      { _id: 'A|b', tenantId: 'A', count: 1 },
      { _id: 'uuid-a', tenantId: 'A', count: 1 },
    ]);
    // The owner's writes go through.
    assert.equal((await notes.findByIdAndUpdate('A', 'uuid-a', { $inc: { count: 1 } }))?.count, 2);
    assert.equal((await notes.updateById('A', 'A|b', { $inc: { count: 1 } })).modifiedCount, 1);
    assert.equal(await notes.deleteById('A|B', 'A|B|c'), 1);
    assert.deepEqual(await stored(), [
      { _id: 'A|b', tenantId: 'A', count: 2 },
      { _id: 'uuid-a', tenantId: 'A', count: 2 },
    ]);
  });

  it('refuses an update that moves a document to another tenant, a replacement or a pipeline', async () => {
    const moves = [
      { $set: { tenantId: 'B' } },
      { $setOnInsert: { tenantId: 'B' } },
      { $unset: { tenantId: '' } },
      // $unset ignores its value, and $rename names the new field: neither keeps the tenant even when it says 'A'.
      { $unset: { tenantId: 'A' } },
      { $rename: { tenantId: 'A' } },
    ];
    for (const update of moves) {
      await assert.rejects(
        notes.updateById('A', 'A|b', update as never),
        scopeError('a raw update cannot move a document to another tenant'),
        JSON.stringify(update),
      );
      await assert.rejects(notes.findByIdAndUpdate('A', 'uuid-a', update as never), {
        name: 'TenantScopeError',
      });
    }
    for (const update of [{ tenantId: 'A', title: 'replaced' }, [{ $set: { tenantId: 'B' } }]]) {
      await assert.rejects(
        notes.updateById('A', 'A|b', update as never),
        scopeError('a raw update must use update operators (no replacement, no pipeline)'),
        JSON.stringify(update),
      );
    }
    assert.deepEqual(
      (await stored()).map(({ tenantId }) => tenantId),
      ['A|B', 'A', 'A'],
    );
    await notes.updateById('A', 'A|b', { $set: { tenantId: 'A', count: 5 } });
    assert.equal((await notes.findById('A', 'A|b'))?.count, 5);
  });

  it("upserts a missing document stamped with its tenant, never over another tenant's", async () => {
    await notes.updateById('B', 'B|new', { $set: { count: 7 } }, { upsert: true });
    assert.deepEqual(await notes.findById('B', 'B|new'), { _id: 'B|new', tenantId: 'B', count: 7 });
    await notes.updateById('B', 'B|new', { $set: { count: 8 } }, { upsert: true });
    assert.equal((await notes.findById('B', 'B|new'))?.count, 8);
    assert.deepEqual(await notes.updateById('B', 'uuid-a', { $set: { count: 9 } }, { upsert: true }), {
      matchedCount: 0,
      modifiedCount: 0,
    });
    await assert.rejects(
      notes.updateById('B', 'B|other', { $inc: { count: 1 } }, { upsert: true }),
      scopeError('a raw upsert sets its fields with $set only'),
    );
    assert.deepEqual(await stored(), [
      { _id: 'A|B|c', tenantId: 'A|B', count: 1 },
      { _id: 'A|b', tenantId: 'A', count: 1 },
      { _id: 'B|new', tenantId: 'B', count: 8 },
      { _id: 'uuid-a', tenantId: 'A', count: 1 },
    ]);
  });

  it('lists the tenants that have a matching document, and nothing else', async () => {
    assert.deepEqual((await notes.tenantIds({})).sort(), ['A', 'A|B']);
    assert.deepEqual(await notes.tenantIds({ title: 'pipe' }), ['A|B']);
  });
});
