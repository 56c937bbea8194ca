import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { createLogger } from '../../bot/logger.ts';
import { createMongoAuditLedger } from '../../data/audit/mongo-audit-ledger.ts';
import { startEmbeddedDatabase } from '../../data/db/embedded.ts';
import { defineModels, ensureIndexes } from '../../data/models/index.ts';
import { parseJsonLine } from '../../handlers/audit/json-lines.ts';
import type { AuditLedger, StoredAuditEvent } from '../../handlers/audit/types.ts';
import { openTestDatabase, testDatabaseUri } from '../support/database.ts';
import { runCli } from '../support/run-cli.ts';

const T0 = Date.UTC(2025, 0, 31, 9, 0);

async function seed(ledger: AuditLedger, tenantId: string, count: number): Promise<StoredAuditEvent[]> {
  const entries: StoredAuditEvent[] = [];
  for (let index = 1; index <= count; index += 1) {
    entries.push(
      await ledger.append({
        tenantId,
        subject: `approval:a${index}`,
        verb: 'approval.decide',
        payload: { index, amount: 100 * index },
        actor: 'slack:U0ALICE',
        outcome: 'approved',
        correlation_id: `trace-${index}`,
      }),
    );
  }
  return entries;
}

describe('em-agent audit (the process)', () => {
  const uri = testDatabaseUri(import.meta.url);
  const scratch = mkdtempSync(path.join(tmpdir(), 'em-agent-audit-'));
  let connection: Connection;
  let acme: StoredAuditEvent[];
  let tampered: StoredAuditEvent[];

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    let minutes = 0;
    const ledger = createMongoAuditLedger(models.AuditEvent, {
      now: () => new Date(T0 + 60_000 * minutes++),
    });
    acme = await seed(ledger, 'acme', 6);
    await seed(ledger, 'globex', 4);
    tampered = await seed(ledger, 'tampered', 5);
  });

  after(async () => {
    await connection?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('`audit verify` prints one line with the count and head hash and exits 0 on an intact ledger', async () => {
    const run = runCli(['audit', 'verify', '--tenant', 'acme'], { MONGODB_URI: uri });
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    assert.deepEqual(run.stdout, [
      `audit ledger of tenant "acme": intact, 6 entries, head seq 6 hash ${acme[5]!.hash}`,
    ]);
    assert.deepEqual(run.stderr, []);
  });

  it('`audit verify` exits 2 and names the first broken link of a tampered ledger', async () => {
    await connection
      .collection('audit_events')
      .updateOne({ _id: tampered[2]!.id as never }, { $set: { 'payload.amount': 1 } });
    const run = runCli(['audit', 'verify', '--tenant', 'tampered'], { MONGODB_URI: uri });
    assert.equal(await run.exited, 2, run.stderr.join('\n'));
    assert.deepEqual(run.stdout, [
      `audit ledger of tenant "tampered": BROKEN at seq 3 (id ${tampered[2]!.id}): entry changed: ` +
        'its payload does not match its payloadDigest; 2 entries before it are intact',
    ]);
    const other = runCli(['audit', 'verify', '--tenant', 'globex'], { MONGODB_URI: uri });
    assert.equal(await other.exited, 0, 'another tenant is unaffected');
  });

  it('`audit export` writes the date range to stdout as JSON Lines, in seq order, with every field', async () => {
    const run = runCli(
      [
        'audit',
        'export',
        '--tenant',
        'acme',
        '--from',
        '2025-01-31T09:02:00Z',
        '--to',
        '2025-01-31T10:05+01:00',
      ],
      { MONGODB_URI: uri },
    );
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    assert.deepEqual(run.stdout.map(parseJsonLine), acme.slice(2, 5));
    assert.deepEqual(run.stderr, []);
  });

  it('`audit export` with a date alone includes that whole day, and never another tenant', async () => {
    const run = runCli(
      ['audit', 'export', '--tenant', 'globex', '--from', '2025-01-31', '--to', '2025-01-31'],
      {
        MONGODB_URI: uri,
      },
    );
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    const lines = run.stdout.map(parseJsonLine);
    assert.deepEqual(
      lines.map((entry) => [entry.tenantId, entry.seq]),
      [
        ['globex', 1],
        ['globex', 2],
        ['globex', 3],
        ['globex', 4],
      ],
    );
  });

  it('`audit export --out` writes the file, says what it wrote, and leaves no partial file', async () => {
    const out = path.join(scratch, 'acme.jsonl');
    const run = runCli(['audit', 'export', '--tenant', 'acme', '--out', out], { MONGODB_URI: uri });
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    assert.deepEqual(run.stdout, [`exported 6 entries (seq 1 to 6) of tenant "acme" to ${out}`]);
    const text = readFileSync(out, 'utf8');
    assert.ok(text.endsWith('\n'));
    assert.deepEqual(text.trimEnd().split('\n').map(parseJsonLine), acme);
    assert.deepEqual(readdirSync(scratch), ['acme.jsonl']);
  });

  it('`audit export` refuses a bad date in one line with exit 1, before it touches the database', async () => {
    // The URI points nowhere: had the command connected first, the error would be about the database.
    const dead = { MONGODB_URI: 'mongodb://127.0.0.1:1/em-agent' };
    for (const [args, message] of [
      [['--from', '2025-02-30'], /^em-agent: --from: "2025-02-30" is not a real date and time$/],
      [['--from', '2025-02-01', '--to', '2025-01-01'], /^em-agent: --from .* must be before --to/],
    ] as const) {
      const run = runCli(['audit', 'export', '--tenant', 'acme', ...args], dead);
      assert.equal(await run.exited, 1, args.join(' '));
      assert.equal(run.stderr.length, 1, run.stderr.join('\n'));
      assert.match(run.stderr[0]!, message);
      assert.deepEqual(run.stdout, []);
    }
  });

  it('`audit export --out` into a missing directory fails in one line with exit 1', async () => {
    const out = path.join(scratch, 'missing', 'x.jsonl');
    const run = runCli(['audit', 'export', '--tenant', 'acme', '--out', out], { MONGODB_URI: uri });
    assert.equal(await run.exited, 1);
    assert.equal(run.stderr.length, 1, run.stderr.join('\n'));
    assert.match(run.stderr[0]!, /^em-agent: --out: cannot write .*missing\/x\.jsonl \(ENOENT/);
  });

  it('says in one line what to set when there is neither MONGODB_URI nor a demo database', async () => {
    const empty = mkdtempSync(path.join(scratch, 'empty-'));
    const run = runCli(['audit', 'verify', '--tenant', 'demo'], { DATA_DIR: empty });
    assert.equal(await run.exited, 1);
    assert.equal(run.stderr.length, 1, run.stderr.join('\n'));
    assert.match(
      run.stderr[0]!,
      /^em-agent: audit commands read the database: set MONGODB_URI, or run them where the demo keeps its data \(there is no embedded database in .*empty-/,
    );
  });

  it('without MONGODB_URI, reads the demo database that `npm start` keeps in DATA_DIR, and stops it after', async () => {
    const dataDir = mkdtempSync(path.join(scratch, 'demo-'));
    const embedded = await startEmbeddedDatabase({ mode: 'ferretdb', dataDir, log: createLogger('silent') });
    let demo: StoredAuditEvent[];
    try {
      const demoConnection = await mongoose.createConnection(embedded.uri).asPromise();
      const models = defineModels(demoConnection);
      await ensureIndexes(models);
      demo = await seed(createMongoAuditLedger(models.AuditEvent), 'demo', 3);
      await demoConnection.close();
    } finally {
      await embedded.stop();
    }
    // Had the command left its FerretDB running, the process would not exit and this would time out.
    const run = runCli(['audit', 'verify', '--tenant', 'demo'], { DATA_DIR: dataDir });
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    assert.deepEqual(run.stdout, [
      `audit ledger of tenant "demo": intact, 3 entries, head seq 3 hash ${demo[2]!.hash}`,
    ]);
  });

  it('with FERRETDB_POSTGRESQL_URL, reads the demo database kept in that PostgreSQL, whatever DATA_DIR holds', async function () {
    const postgresqlUrl = process.env.TEST_POSTGRESQL_URL;
    if (!postgresqlUrl) this.skip(); // This run is on SQLite; the PostgreSQL run (CI runs both) covers it.
    const log = createLogger('silent');
    const embedded = await startEmbeddedDatabase({ mode: 'ferretdb', dataDir: scratch, postgresqlUrl, log });
    let demo: StoredAuditEvent[];
    try {
      const demoConnection = await mongoose.createConnection(embedded.uri).asPromise();
      await demoConnection.dropDatabase();
      const models = defineModels(demoConnection);
      await ensureIndexes(models);
      demo = await seed(createMongoAuditLedger(models.AuditEvent), 'demo', 2);
      await demoConnection.close();
    } finally {
      await embedded.stop();
    }
    const empty = mkdtempSync(path.join(scratch, 'empty-'));
    const run = runCli(['audit', 'verify', '--tenant', 'demo'], {
      DATA_DIR: empty,
      FERRETDB_POSTGRESQL_URL: postgresqlUrl,
    });
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    assert.deepEqual(run.stdout, [
      `audit ledger of tenant "demo": intact, 2 entries, head seq 2 hash ${demo[1]!.hash}`,
    ]);
  });

  it('`audit --help` lists verify and export', async () => {
    const run = runCli(['audit', '--help'], {});
    assert.equal(await run.exited, 0);
    const help = run.stdout.join('\n');
    for (const command of ['verify', 'export']) assert.match(help, new RegExp(`^\\s+${command}\\b`, 'm'));
  });
});
