import assert from 'node:assert/strict';
import mongoose, { Schema, type Connection, type Model, type PipelineStage } from 'mongoose';
import { tenantScoped, TenantScopeError } from '../../data/db/tenant-scoped.ts';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { openTestDatabase } from '../support/database.ts';

interface NoteFields {
  tenantId: string;
  title: string;
  count: number;
}

/** A small model of our own, so the plugin is tested apart from any one real model. */
function defineNoteModel(connection: Connection): Model<NoteFields> {
  const schema = new Schema<NoteFields>({ title: { type: String, required: true }, count: Number });
  schema.plugin(tenantScoped);
  schema.index({ tenantId: 1, title: 1 });
  return connection.model<NoteFields>('Note', schema, 'notes');
}

function isScopeError(error: unknown): boolean {
  assert.ok(error instanceof TenantScopeError, `expected a TenantScopeError, got ${String(error)}`);
  assert.equal(error.name, 'TenantScopeError');
  return true;
}

describe('tenant scoping', () => {
  let connection: Connection;
  let models: Models;
  let Note: Model<NoteFields>;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    Note = defineNoteModel(connection);
    await ensureIndexes(models);
    await Note.createIndexes();
  });

  after(async () => {
    await connection?.close();
  });

  beforeEach(async () => {
    await connection.collection('tenants').deleteMany({});
    await connection.collection('notes').deleteMany({});
  });

  describe('Tenant.ensure', () => {
    it('creates the tenant on first sight with its source, name and timestamps', async () => {
      const before = Date.now();
      const tenant = await models.Tenant.ensure('T1', 'slack', 'acme');
      assert.equal(tenant.tenantId, 'T1');
      assert.equal(tenant.source, 'slack');
      assert.equal(tenant.name, 'acme');
      assert.ok(tenant.createdAt.getTime() >= before - 1000);
      assert.ok(tenant.lastSeenAt.getTime() >= tenant.createdAt.getTime());
      assert.equal(await connection.collection('tenants').countDocuments({}), 1);
    });

    it('is idempotent: a second call keeps createdAt and source, and moves lastSeenAt', async () => {
      const first = await models.Tenant.ensure('T1', 'slack', 'acme');
      await new Promise((resolve) => setTimeout(resolve, 10));
      const second = await models.Tenant.ensure('T1', 'teams');
      assert.equal(String(second._id), String(first._id));
      assert.equal(second.createdAt.getTime(), first.createdAt.getTime());
      assert.equal(second.source, 'slack');
      assert.equal(second.name, 'acme');
      assert.ok(second.lastSeenAt.getTime() > first.lastSeenAt.getTime());
      assert.equal(await connection.collection('tenants').countDocuments({}), 1);
    });

    it('leaves exactly one document after 10 concurrent first calls', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => models.Tenant.ensure('T-concurrent', 'teams')),
      );
      const documents = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      assert.ok(documents.length > 0, 'every concurrent ensure() failed');
      assert.equal(new Set(documents.map((document) => String(document._id))).size, 1);
      assert.equal(await connection.collection('tenants').countDocuments({ tenantId: 'T-concurrent' }), 1);
      // Once it exists, concurrent calls are plain updates and all succeed.
      const again = await Promise.all(
        Array.from({ length: 10 }, () => models.Tenant.ensure('T-concurrent', 'teams')),
      );
      assert.equal(new Set(again.map((document) => String(document._id))).size, 1);
      assert.equal(String(again[0]?._id), String(documents[0]?._id));
      assert.equal(await connection.collection('tenants').countDocuments({}), 1);
    });

    it('keeps tenants apart', async () => {
      await models.Tenant.ensure('T1', 'slack');
      await models.Tenant.ensure('T2', 'teams');
      assert.equal(await models.Tenant.countDocuments({ tenantId: 'T1' }), 1);
      assert.equal((await models.Tenant.findOne({ tenantId: 'T2' }).lean())?.source, 'teams');
    });

    it('is backed by a unique index on tenantId', async () => {
      await models.Tenant.ensure('T1', 'slack');
      await assert.rejects(
        connection.collection('tenants').insertOne({
          tenantId: 'T1',
          source: 'slack',
          createdAt: new Date(),
          lastSeenAt: new Date(),
        }),
        /E11000|duplicate key/,
      );
    });
  });

  describe('queries without a tenant', () => {
    it('refuses every find, update, delete, count and distinct', async () => {
      await Note.create({ tenantId: 'A', title: 'a note', count: 1 });
      const attempts: [string, () => Promise<unknown>][] = [
        ['find', () => Note.find({}).exec()],
        ['find by title', () => Note.find({ title: 'a note' }).exec()],
        ['findOne', () => Note.findOne({ title: 'a note' }).exec()],
        ['findById', () => Note.findById(new mongoose.Types.ObjectId()).exec()],
        ['updateOne', () => Note.updateOne({ title: 'a note' }, { $set: { count: 2 } }).exec()],
        ['updateMany', () => Note.updateMany({}, { $set: { count: 2 } }).exec()],
        ['findOneAndUpdate', () => Note.findOneAndUpdate({}, { $set: { count: 2 } }).exec()],
        ['findOneAndDelete', () => Note.findOneAndDelete({ title: 'a note' }).exec()],
        ['deleteOne', () => Note.deleteOne({ title: 'a note' }).exec()],
        ['deleteMany', () => Note.deleteMany({}).exec()],
        ['countDocuments', () => Note.countDocuments({}).exec()],
        ['distinct', () => Note.distinct('title').exec()],
        ['Tenant.find', () => models.Tenant.find({ source: 'slack' }).exec()],
      ];
      for (const [label, attempt] of attempts) {
        await assert.rejects(attempt(), isScopeError, `${label} was not refused`);
      }
      // Nothing was changed by the refused writes.
      const stored = await connection.collection('notes').find({}).toArray();
      assert.equal(stored.length, 1);
      assert.equal(stored[0]?.count, 1);
    });

    it('names the model and the operation in the error', async () => {
      await assert.rejects(Note.deleteMany({}).exec(), {
        name: 'TenantScopeError',
        message: 'Note.deleteMany must filter on a single tenantId',
      });
    });

    it('refuses a tenantId that is not one plain string', async () => {
      for (const tenantId of ['', { $in: ['A', 'B'] }, { $ne: 'A' }, { $exists: true }]) {
        await assert.rejects(Note.find({ tenantId }).exec(), isScopeError, JSON.stringify(tenantId));
      }
      await assert.rejects(Note.find({ $or: [{ tenantId: 'A' }, { tenantId: 'B' }] }).exec(), isScopeError);
    });
  });

  describe('queries with a tenant', () => {
    it('find, updateOne, countDocuments and deleteMany work on that tenant only', async () => {
      await Note.create([
        { tenantId: 'A', title: 'one', count: 1 },
        { tenantId: 'A', title: 'two', count: 2 },
        { tenantId: 'B', title: 'one', count: 10 },
      ]);
      assert.deepEqual(
        (await Note.find({ tenantId: 'A' }).sort({ title: 1 }).lean()).map((note) => note.title),
        ['one', 'two'],
      );
      const update = await Note.updateOne({ tenantId: 'A', title: 'one' }, { $inc: { count: 5 } });
      assert.equal(update.modifiedCount, 1);
      assert.equal((await Note.findOne({ tenantId: 'A', title: 'one' }).lean())?.count, 6);
      assert.equal((await Note.findOne({ tenantId: 'B', title: 'one' }).lean())?.count, 10);
      assert.equal(await Note.countDocuments({ tenantId: 'A' }), 2);
      assert.deepEqual(await Note.distinct('title', { tenantId: 'B' }), ['one']);
      const removed = await Note.deleteMany({ tenantId: 'A' });
      assert.equal(removed.deletedCount, 2);
      assert.equal(await Note.countDocuments({ tenantId: 'B' }), 1);
    });

    it('never shows one tenant a document of another', async () => {
      await Note.create({ tenantId: 'A', title: 'secret plan', count: 1 });
      assert.equal(await Note.findOne({ tenantId: 'B', title: 'secret plan' }), null);
      assert.deepEqual(await Note.find({ tenantId: 'B' }).lean(), []);
      assert.equal(await Note.countDocuments({ tenantId: 'B' }), 0);
      const update = await Note.updateMany({ tenantId: 'B' }, { $set: { count: 99 } });
      assert.equal(update.matchedCount, 0);
      const removed = await Note.deleteMany({ tenantId: 'B', title: 'secret plan' });
      assert.equal(removed.deletedCount, 0);
      assert.equal((await Note.findOne({ tenantId: 'A' }).lean())?.count, 1);
    });

    it('does not let an update move a document to another tenant', async () => {
      await Note.create({ tenantId: 'A', title: 'mine', count: 1 });
      await Note.updateOne({ tenantId: 'A', title: 'mine' }, { $set: { tenantId: 'B', count: 2 } });
      const stored = await connection.collection('notes').find({}).toArray();
      assert.equal(stored.length, 1);
      assert.equal(stored[0]?.tenantId, 'A');
      assert.equal(stored[0]?.count, 2);
    });
  });

  describe('replacements', () => {
    it('are refused without a tenant, and change nothing', async () => {
      await Note.create({ tenantId: 'A', title: 'mine', count: 1 });
      await assert.rejects(
        Note.replaceOne({ title: 'mine' }, { tenantId: 'A', title: 'mine', count: 2 }).exec(),
        { name: 'TenantScopeError', message: 'Note.replaceOne must filter on a single tenantId' },
      );
      await assert.rejects(
        Note.findOneAndReplace({ title: 'mine' }, { tenantId: 'A', title: 'mine', count: 2 }).exec(),
        { name: 'TenantScopeError', message: 'Note.findOneAndReplace must filter on a single tenantId' },
      );
      assert.equal((await connection.collection('notes').findOne({}))?.count, 1);
    });

    it('keep the document in the tenant its filter names', async () => {
      await Note.create({ tenantId: 'A', title: 'mine', count: 1 });
      await Note.replaceOne({ tenantId: 'A', title: 'mine' }, { title: 'mine', count: 2 });
      await assert.rejects(
        Note.replaceOne({ tenantId: 'A', title: 'mine' }, { tenantId: 'B', title: 'mine', count: 3 }).exec(),
        { name: 'TenantScopeError', message: 'Note.replaceOne cannot move a document to another tenant' },
      );
      await assert.rejects(
        Note.findOneAndReplace(
          { tenantId: 'A', title: 'mine' },
          { tenantId: 'B', title: 'mine', count: 3 },
        ).exec(),
        {
          name: 'TenantScopeError',
          message: 'Note.findOneAndReplace cannot move a document to another tenant',
        },
      );
      const stored = await connection.collection('notes').find({}).toArray();
      assert.deepEqual(
        stored.map(({ tenantId, count }) => ({ tenantId, count })),
        [{ tenantId: 'A', count: 2 }],
      );
    });
  });

  describe('bulk writes', () => {
    it('run when every operation names a tenant', async () => {
      await Note.bulkWrite([
        { insertOne: { document: { tenantId: 'A', title: 'one', count: 1 } } },
        { updateOne: { filter: { tenantId: 'A', title: 'one' }, update: { $inc: { count: 1 } } } },
      ]);
      assert.equal((await Note.findOne({ tenantId: 'A', title: 'one' }).lean())?.count, 2);
    });

    it('are refused when any operation does not, and write nothing', async () => {
      await Note.create({ tenantId: 'A', title: 'mine', count: 1 });
      const unscoped = [
        { insertOne: { document: { title: 'orphan', count: 1 } } },
        { updateOne: { filter: { title: 'mine' }, update: { $set: { count: 2 } } } },
        { updateMany: { filter: {}, update: { $set: { count: 2 } } } },
        {
          replaceOne: { filter: { title: 'mine' }, replacement: { tenantId: 'A', title: 'mine', count: 2 } },
        },
        { deleteOne: { filter: { title: 'mine' } } },
        { deleteMany: { filter: { tenantId: { $ne: 'B' } } } },
      ];
      for (const operation of unscoped) {
        await assert.rejects(
          Note.bulkWrite([
            { insertOne: { document: { tenantId: 'A', title: 'first', count: 1 } } },
            operation as never,
          ]),
          isScopeError,
          JSON.stringify(operation),
        );
      }
      const stored = await connection.collection('notes').find({}).toArray();
      assert.deepEqual(
        stored.map(({ title, count }) => ({ title, count })),
        [{ title: 'mine', count: 1 }],
      );
    });
  });

  describe('aggregations', () => {
    beforeEach(async () => {
      await Note.create([
        { tenantId: 'A', title: 'x', count: 1 },
        { tenantId: 'A', title: 'y', count: 2 },
        { tenantId: 'B', title: 'z', count: 40 },
      ]);
    });

    it('run when they start with a $match on one tenant', async () => {
      const totals = await Note.aggregate<{ _id: string; total: number }>([
        { $match: { tenantId: 'A' } },
        { $group: { _id: '$tenantId', total: { $sum: '$count' } } },
      ]);
      assert.deepEqual(totals, [{ _id: 'A', total: 3 }]);
    });

    it('are refused without a leading $match on tenantId', async () => {
      const pipelines: PipelineStage[][] = [
        [],
        [{ $group: { _id: '$tenantId', total: { $sum: '$count' } } }],
        [{ $match: { title: 'x' } }],
        [{ $sort: { title: 1 } }, { $match: { tenantId: 'A' } }],
        [{ $match: { tenantId: { $in: ['A', 'B'] } } }],
      ];
      for (const pipeline of pipelines) {
        await assert.rejects(Note.aggregate(pipeline).exec(), isScopeError, JSON.stringify(pipeline));
      }
    });
  });

  describe('saving', () => {
    it('fails validation without a tenantId, and stores nothing', async () => {
      await assert.rejects(Note.create({ title: 'orphan', count: 1 }), (error: unknown) => {
        assert.ok(error instanceof mongoose.Error.ValidationError, String(error));
        assert.ok(error.errors.tenantId, 'no error on tenantId');
        return true;
      });
      await assert.rejects(
        models.Tenant.create({ source: 'slack', createdAt: new Date(), lastSeenAt: new Date() }),
        {
          name: 'ValidationError',
        },
      );
      assert.equal(await connection.collection('notes').countDocuments({}), 0);
      assert.equal(await connection.collection('tenants').countDocuments({}), 0);
    });

    it('keeps tenantId immutable on a saved document', async () => {
      const note = await Note.create({ tenantId: 'A', title: 'mine', count: 1 });
      note.tenantId = 'B';
      note.count = 2;
      await note.save();
      const stored = await connection.collection('notes').findOne({ _id: note._id });
      assert.equal(stored?.tenantId, 'A');
      assert.equal(stored?.count, 2);
    });
  });
});
