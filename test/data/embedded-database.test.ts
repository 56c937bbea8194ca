import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { DatabaseUnavailableError } from '../../bot/errors.ts';
import { createLogger } from '../../bot/logger.ts';
import { startEmbeddedDatabase } from '../../data/db/embedded.ts';

describe('embedded database (no MONGODB_URI)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'em-agent-embedded-'));
  const log = createLogger('silent');
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs FerretDB on SQLite and keeps the demo data across restarts', async () => {
    const first = await startEmbeddedDatabase({ mode: 'ferretdb', dataDir, log });
    assert.equal(first.kind, 'ferretdb');
    assert.equal(first.backend, 'sqlite');
    const connection = await mongoose.createConnection(first.uri).asPromise();
    await connection.db!.collection('notes').insertOne({ tenantId: 'demo', note: 'kept' });
    await connection.close();
    await first.stop();

    const second = await startEmbeddedDatabase({ mode: 'ferretdb', dataDir, log });
    try {
      const again = await mongoose.createConnection(second.uri).asPromise();
      const note = await again.db!.collection('notes').findOne({ tenantId: 'demo' });
      await again.close();
      assert.equal(note?.note, 'kept');
    } finally {
      await second.stop();
    }
  });

  describe('with FERRETDB_POSTGRESQL_URL', () => {
    // `npm test` on PostgreSQL hands over its run's database; the test's FerretDB uses schemas named t_*,
    // the embedded one the schema em-agent, so the two never touch each other's collections.
    const postgresqlUrl = process.env.TEST_POSTGRESQL_URL;
    const pgDataDir = mkdtempSync(path.join(tmpdir(), 'em-agent-embedded-pg-'));
    after(() => rmSync(pgDataDir, { recursive: true, force: true }));

    it('runs FerretDB on that PostgreSQL, not on SQLite in DATA_DIR, and keeps the data across restarts', async function () {
      if (!postgresqlUrl) this.skip(); // This run is on SQLite; the PostgreSQL run (CI runs both) covers it.
      const first = await startEmbeddedDatabase({ mode: 'auto', dataDir: pgDataDir, postgresqlUrl, log });
      assert.equal(first.kind, 'ferretdb');
      assert.equal(first.backend, 'postgresql');
      const connection = await mongoose.createConnection(first.uri).asPromise();
      await connection.dropDatabase();
      await connection.db!.collection('notes').insertOne({ tenantId: 'demo', note: 'kept in PostgreSQL' });
      await connection.close();
      await first.stop();
      assert.ok(!existsSync(path.join(pgDataDir, 'ferretdb', 'sqlite')), 'no SQLite files in DATA_DIR');

      const second = await startEmbeddedDatabase({
        mode: 'ferretdb',
        dataDir: pgDataDir,
        postgresqlUrl,
        log,
      });
      try {
        const again = await mongoose.createConnection(second.uri).asPromise();
        const note = await again.db!.collection('notes').findOne({ tenantId: 'demo' });
        await again.dropDatabase();
        await again.close();
        assert.equal(note?.note, 'kept in PostgreSQL');
      } finally {
        await second.stop();
      }
    });

    it('fails the start in one line naming where PostgreSQL was expected, never the password', async () => {
      const unreachable = 'postgres://em:SECRETVALUE@127.0.0.1:1/em_agent';
      await assert.rejects(
        startEmbeddedDatabase({ mode: 'auto', dataDir: pgDataDir, postgresqlUrl: unreachable, log }),
        (error: Error) => {
          assert.ok(error instanceof DatabaseUnavailableError);
          assert.match(
            error.message,
            /^No database: the embedded ferretdb could not start \(PostgreSQL at 127\.0\.0\.1:1\/em_agent did not answer: /,
          );
          assert.match(error.message, /Check FERRETDB_POSTGRESQL_URL/);
          assert.doesNotMatch(error.message, /SECRETVALUE|\n/);
          return true;
        },
      );
    });
  });

  describe('when mongod cannot be downloaded', () => {
    const saved = { ...process.env };
    before(() => {
      process.env.MONGOMS_DOWNLOAD_URL = 'http://127.0.0.1:1/mongodb-linux-x86_64.tgz';
      process.env.MONGOMS_DOWNLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'em-agent-mongod-'));
    });
    after(() => {
      rmSync(process.env.MONGOMS_DOWNLOAD_DIR!, { recursive: true, force: true });
      process.env = saved;
    });

    it('says in one line what to set instead of failing obscurely', async () => {
      await assert.rejects(
        startEmbeddedDatabase({ mode: 'mongodb-memory-server', dataDir, log }),
        (error: Error) => {
          assert.ok(error instanceof DatabaseUnavailableError);
          assert.match(error.message, /^No database: the embedded mongodb-memory-server could not start \(/);
          assert.match(error.message, /Set MONGODB_URI to a MongoDB 6\+ connection string/);
          assert.doesNotMatch(error.message, /\n/);
          return true;
        },
      );
    });
  });
});
