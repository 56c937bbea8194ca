import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import mongoose, { type Collection, type Connection } from 'mongoose';
import { AuditAppendError, createMongoAuditLedger } from '../../../data/audit/mongo-audit-ledger.ts';
import { AppendOnlyError, type AuditEventModel } from '../../../data/models/audit-event.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import {
  digestPayload,
  GENESIS_HASH,
  hashEntry,
  InvalidAuditEventError,
} from '../../../handlers/audit/hash-entry.ts';
import { parseJsonLine } from '../../../handlers/audit/json-lines.ts';
import type { AuditEventInput, AuditLedger, StoredAuditEvent } from '../../../handlers/audit/types.ts';
import { verifyChain } from '../../../handlers/audit/verify-chain.ts';
import { openTestDatabase, testDatabaseUri } from '../../support/database.ts';

const T0 = Date.UTC(2025, 0, 31, 9, 0);

function event(tenantId: string, index: number, extra: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    tenantId,
    subject: `approval:a${index}`,
    verb: 'approval.decide',
    payload: { index, amount: 100 + index, reviewers: ['U1', 'U2'], meta: { empty: {}, list: [] } },
    actor: 'slack:U0ALICE',
    outcome: 'approved',
    correlation_id: `trace-${index}`,
    ...extra,
  };
}

/** A clock that moves one minute per reading, from T0. */
function minuteClock(): () => Date {
  let minutes = 0;
  return () => new Date(T0 + 60_000 * minutes++);
}

async function appendMany(ledger: AuditLedger, tenantId: string, count: number): Promise<StoredAuditEvent[]> {
  const entries: StoredAuditEvent[] = [];
  for (let index = 1; index <= count; index += 1) entries.push(await ledger.append(event(tenantId, index)));
  return entries;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function exportLines(ledger: AuditLedger, tenantId: string, from?: Date, to?: Date): Promise<string[]> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  const summary = await ledger.exportJsonLines(tenantId, from, to, out);
  const text = chunks.join('');
  assert.ok(text === '' || text.endsWith('\n'), 'every line ends with a newline');
  const lines = text.split('\n').filter(Boolean);
  assert.equal(summary.count, lines.length);
  return lines;
}

function assertChainOf(entries: StoredAuditEvent[], tenantId: string, count: number): void {
  assert.deepEqual(
    entries.map((entry) => entry.seq),
    Array.from({ length: count }, (_, index) => index + 1),
  );
  entries.forEach((entry, index) => {
    assert.equal(entry.tenantId, tenantId);
    assert.equal(
      entry.prevHash,
      index === 0 ? GENESIS_HASH : entries[index - 1]!.hash,
      `link at ${entry.seq}`,
    );
  });
}

describe('MongoAuditLedger', () => {
  let connection: Connection;
  let models: Models;
  let raw: Collection;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    raw = connection.collection('audit_events');
  });

  after(async () => {
    await connection?.close();
  });

  beforeEach(async () => {
    await raw.deleteMany({});
  });

  describe('appending', () => {
    it('chains 50 entries: seq 1..50, each linked to the one before, and the chain verifies', async () => {
      const ledger = createMongoAuditLedger(models.AuditEvent, { now: minuteClock() });
      const appended = await appendMany(ledger, 'T1', 50);
      assertChainOf(appended, 'T1', 50);
      const stored = await collect(ledger.read('T1'));
      assert.deepEqual(stored, appended, 'what append returns is what is stored');
      assert.deepEqual(await ledger.verify('T1'), {
        ok: true,
        count: 50,
        head: { seq: 50, hash: appended[49]!.hash },
      });
    });

    it('stores the documented document shape in audit_events: _id is the event id, no other fields', async () => {
      const ledger = createMongoAuditLedger(models.AuditEvent, { now: minuteClock() });
      const entry = await ledger.append(event('T1', 1, { correlation_id: undefined }));
      const document = await raw.findOne({ _id: entry.id as never });
      assert.ok(document);
      assert.deepEqual(Object.keys(document).sort(), [
        '_id',
        'actor',
        'correlation_id',
        'hash',
        'outcome',
        'payload',
        'payloadDigest',
        'prevHash',
        'seq',
        'subject',
        'tenantId',
        'ts',
        'verb',
      ]);
      assert.equal(document.correlation_id, null);
      assert.equal(document.payloadDigest, digestPayload(document.payload));
      assert.match(entry.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.ok(document.ts instanceof Date);
      assert.equal(document.ts.getTime(), T0);
    });

    it('keeps payloads exactly, so their digests still match after the round trip', async () => {
      const ledger = createMongoAuditLedger(models.AuditEvent);
      const payloads = [
        { empty: {}, nested: { deeper: { emptier: {} } }, list: [{}, null, { inner: [] }] },
        { unicode: 'żółć 😀 \u2028', big: 2 ** 40, float: 0.1, negative: -5, zero: -0, exp: 1e21 },
        { when: new Date(T0), gone: undefined },
        'just a string',
        null,
        [1, 'two', { three: 3 }],
      ];
      for (const payload of payloads) await ledger.append(event('T1', 1, { payload }));
      const stored = await collect(ledger.read('T1'));
      assert.deepEqual(stored[2]!.payload, { when: new Date(T0).toISOString() });
      assert.deepEqual(stored[3]!.payload, 'just a string');
      assert.deepEqual(await ledger.verify('T1'), {
        ok: true,
        count: 6,
        head: { seq: 6, hash: stored[5]!.hash },
      });
    });

    it('never lets ts go back, even when the clock does', async () => {
      const times = [T0, T0 - 3_600_000, T0 + 1];
      const ledger = createMongoAuditLedger(models.AuditEvent, { now: () => new Date(times.shift()!) });
      const entries = await appendMany(ledger, 'T1', 3);
      assert.deepEqual(
        entries.map((entry) => entry.ts.getTime()),
        [T0, T0, T0 + 1],
      );
      assert.equal((await ledger.verify('T1')).ok, true);
    });

    it('refuses an invalid event before writing anything', async () => {
      const ledger = createMongoAuditLedger(models.AuditEvent);
      await assert.rejects(
        ledger.append(event('T1', 1, { payload: { $where: 'x' } })),
        InvalidAuditEventError,
      );
      await assert.rejects(
        ledger.append(event('T1', 1, { subject: '' })),
        /^InvalidAuditEventError: subject:/,
      );
      await assert.rejects(ledger.append(event('', 1)), /tenantId/);
      assert.equal(await raw.countDocuments({}), 0);
      await ledger.append(event('T1', 1));
      assert.equal((await ledger.verify('T1')).ok, true, 'the queue keeps working after a refusal');
    });

    it('is idempotent for a caller-supplied id: the same event once, a different one refused', async () => {
      const ledger = createMongoAuditLedger(models.AuditEvent, { now: minuteClock() });
      const first = await ledger.append(event('T1', 1, { id: 'decision-42' }));
      await ledger.append(event('T1', 2));
      const again = await ledger.append(event('T1', 1, { id: 'decision-42' }));
      assert.deepEqual(again, first);
      await assert.rejects(
        ledger.append(event('T1', 1, { id: 'decision-42', outcome: 'declined' })),
        (error: Error) =>
          error instanceof AuditAppendError &&
          /already records a different event \(seq 1\)/.test(error.message),
      );
      await assert.rejects(ledger.append(event('T2', 1, { id: 'decision-42' })), /is already used/);
      assert.equal(await raw.countDocuments({}), 2);
      const concurrent = await Promise.all(
        Array.from({ length: 5 }, () => ledger.append(event('T1', 3, { id: 'retry-7' }))),
      );
      assert.equal(new Set(concurrent.map((entry) => entry.seq)).size, 1);
      assert.equal(await raw.countDocuments({ tenantId: 'T1' }), 3);
    });
  });

  describe('concurrency', () => {
    it('gives 25 concurrent appends for one tenant seq 1..25, with no gaps and a valid chain', async () => {
      let conflicts = 0;
      const ledger = createMongoAuditLedger(models.AuditEvent, { onConflict: () => conflicts++ });
      const appended = await Promise.all(
        Array.from({ length: 25 }, (_, index) => ledger.append(event('T1', index))),
      );
      assert.deepEqual(
        appended.map((entry) => entry.seq).sort((a, b) => a - b),
        Array.from({ length: 25 }, (_, index) => index + 1),
      );
      assertChainOf(await collect(ledger.read('T1')), 'T1', 25);
      assert.deepEqual((await ledger.verify('T1')).ok, true);
      assert.equal(
        conflicts,
        0,
        'appends of one tenant in one process wait for each other instead of racing',
      );
    });

    it('resolves races between processes: 25 appends from 5 connections retry on the unique index', async () => {
      const connections = await Promise.all(
        Array.from({ length: 5 }, () =>
          mongoose.createConnection(testDatabaseUri(import.meta.url)).asPromise(),
        ),
      );
      try {
        let conflicts = 0;
        const ledgers = connections.map((other) =>
          createMongoAuditLedger(defineModels(other).AuditEvent, {
            maxAttempts: 50,
            onConflict: () => conflicts++,
          }),
        );
        await Promise.all(
          Array.from({ length: 25 }, (_, index) => ledgers[index % 5]!.append(event('T1', index))),
        );
        assert.ok(conflicts > 0, 'the five writers never raced, so the retry path went untested');
        const stored = await collect(ledgers[0]!.read('T1'));
        assertChainOf(stored, 'T1', 25);
        assert.equal(
          new Set(stored.map((entry) => entry.subject)).size,
          25,
          'each append stored exactly once',
        );
        assert.equal((await ledgers[0]!.verify('T1')).ok, true);
      } finally {
        await Promise.all(connections.map((other) => other.close()));
      }
    });

    it('continues the chain when another writer appended since this ledger last did', async () => {
      let conflicts = 0;
      const one = createMongoAuditLedger(models.AuditEvent, { onConflict: () => conflicts++ });
      const other = createMongoAuditLedger(defineModels(connection).AuditEvent);
      await appendMany(one, 'T1', 3);
      await appendMany(other, 'T1', 2);
      const next = await one.append(event('T1', 6));
      assert.equal(next.seq, 6);
      assert.equal(conflicts, 1, 'the stale tail costs one conflict, then the ledger re-reads it');
      assertChainOf(await collect(one.read('T1')), 'T1', 6);
      assert.equal((await one.verify('T1')).ok, true);
    });

    it('keeps a separate chain per tenant when appends for two tenants interleave', async () => {
      const ledger = createMongoAuditLedger(models.AuditEvent);
      const second = createMongoAuditLedger(defineModels(connection).AuditEvent);
      await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          (index % 3 === 0 ? second : ledger).append(event(index % 2 === 0 ? 'A' : 'B', index)),
        ),
      );
      for (const tenantId of ['A', 'B']) {
        const stored = await collect(ledger.read(tenantId));
        assertChainOf(stored, tenantId, 15);
        assert.equal((await ledger.verify(tenantId)).ok, true);
      }
    });
  });

  describe('tampering, found by verify', () => {
    let ledger: AuditLedger;
    let entries: StoredAuditEvent[];

    beforeEach(async () => {
      ledger = createMongoAuditLedger(models.AuditEvent, { now: minuteClock() });
      entries = await appendMany(ledger, 'T1', 10);
      await appendMany(ledger, 'T2', 3);
    });

    it('reports a changed payload field as a changed entry at that seq', async () => {
      await raw.updateOne({ _id: entries[6]!.id as never }, { $set: { 'payload.amount': 1_000_000 } });
      assert.deepEqual(await ledger.verify('T1'), {
        ok: false,
        count: 6,
        firstBroken: {
          seq: 7,
          id: entries[6]!.id,
          reason: 'changed',
          detail: 'its payload does not match its payloadDigest',
        },
      });
    });

    it('reports a changed outcome as a changed entry (hash mismatch)', async () => {
      await raw.updateOne({ _id: entries[3]!.id as never }, { $set: { outcome: 'declined' } });
      const result = await ledger.verify('T1');
      assert.ok(!result.ok);
      assert.deepEqual(result.firstBroken, {
        seq: 4,
        id: entries[3]!.id,
        reason: 'changed',
        detail: 'its fields do not match its hash',
      });
    });

    it('reports an entry deleted from the middle as a gap', async () => {
      await raw.deleteOne({ _id: entries[4]!.id as never });
      const result = await ledger.verify('T1');
      assert.deepEqual(result, {
        ok: false,
        count: 4,
        firstBroken: { seq: 6, id: entries[5]!.id, reason: 'gap', detail: 'seq 5 is missing' },
      });
    });

    it('reports an entry rewritten with a forged hash as a broken link at the next seq', async () => {
      const victim = entries[2]!;
      const forged = { ...victim, outcome: 'declined', payload: { index: 3, amount: 0 } };
      forged.payloadDigest = digestPayload(forged.payload);
      forged.hash = hashEntry(forged, forged.prevHash);
      await raw.updateOne(
        { _id: victim.id as never },
        {
          $set: {
            outcome: forged.outcome,
            payload: forged.payload,
            payloadDigest: forged.payloadDigest,
            hash: forged.hash,
          },
        },
      );
      assert.deepEqual(await ledger.verify('T1'), {
        ok: false,
        count: 3,
        firstBroken: {
          seq: 4,
          id: entries[3]!.id,
          reason: 'broken_link',
          detail: 'its prevHash is not the hash of seq 3',
        },
      });
    });

    it('keeps tenants apart: tampering with T2 does not touch T1, and T1 never sees T2', async () => {
      const t2 = await collect(ledger.read('T2'));
      await raw.updateOne({ _id: t2[1]!.id as never }, { $set: { actor: 'slack:U0MALLORY' } });
      assert.deepEqual(await ledger.verify('T1'), {
        ok: true,
        count: 10,
        head: { seq: 10, hash: entries[9]!.hash },
      });
      const brokenT2 = await ledger.verify('T2');
      assert.ok(!brokenT2.ok);
      assert.equal(brokenT2.firstBroken.seq, 2);
      const t1Lines = (await exportLines(ledger, 'T1')).map(parseJsonLine);
      assert.equal(t1Lines.length, 10);
      assert.ok(t1Lines.every((entry) => entry.tenantId === 'T1'));
      assert.ok((await collect(ledger.read('T2'))).every((entry) => entry.tenantId === 'T2'));
      assert.deepEqual(await ledger.verify('nobody'), { ok: true, count: 0, head: null });
    });
  });

  describe('the model', () => {
    it('is append-only: every update and delete through mongoose is refused', async () => {
      const ledger = createMongoAuditLedger(models.AuditEvent);
      const entry = await ledger.append(event('T1', 1));
      const AuditEvent: AuditEventModel = models.AuditEvent;
      const filter = { tenantId: 'T1', _id: entry.id };
      const attempts: [string, () => Promise<unknown>][] = [
        ['updateOne', () => AuditEvent.updateOne(filter, { outcome: 'declined' })],
        ['updateMany', () => AuditEvent.updateMany(filter, { outcome: 'declined' })],
        ['findOneAndUpdate', () => AuditEvent.findOneAndUpdate(filter, { outcome: 'declined' })],
        ['replaceOne', () => AuditEvent.replaceOne(filter, { ...entry, _id: entry.id })],
        ['findOneAndReplace', () => AuditEvent.findOneAndReplace(filter, { ...entry, _id: entry.id })],
        ['deleteOne', () => AuditEvent.deleteOne(filter)],
        ['deleteMany', () => AuditEvent.deleteMany(filter)],
        ['findOneAndDelete', () => AuditEvent.findOneAndDelete(filter)],
        ['bulkWrite', () => AuditEvent.bulkWrite([{ deleteOne: { filter } }])],
        [
          'document save',
          async () => {
            const document = (await AuditEvent.findOne(filter).orFail())!;
            document.outcome = 'declined';
            return document.save();
          },
        ],
        ['document deleteOne', async () => (await AuditEvent.findOne(filter).orFail()).deleteOne()],
      ];
      for (const [name, attempt] of attempts) {
        await assert.rejects(attempt(), AppendOnlyError, name);
      }
      const [stored] = await collect(ledger.read('T1'));
      assert.deepEqual(stored, entry);
    });
  });

  describe('export', () => {
    let ledger: AuditLedger;
    let entries: StoredAuditEvent[];

    beforeEach(async () => {
      ledger = createMongoAuditLedger(models.AuditEvent, { now: minuteClock(), batchSize: 4 });
      entries = await appendMany(ledger, 'T1', 20);
      await appendMany(createMongoAuditLedger(models.AuditEvent, { now: minuteClock() }), 'T2', 20);
    });

    it('writes exactly the entries with from ≤ ts < to, one JSON object per line, in seq order', async () => {
      const from = new Date(T0 + 5 * 60_000);
      const to = new Date(T0 + 12 * 60_000);
      const lines = await exportLines(ledger, 'T1', from, to);
      const parsed = lines.map(parseJsonLine);
      assert.deepEqual(
        parsed.map((entry) => entry.seq),
        [6, 7, 8, 9, 10, 11, 12],
      );
      assert.deepEqual(parsed, entries.slice(5, 12), 'every stored field, unchanged');
      assert.equal((JSON.parse(lines[0]!) as { ts: string }).ts, '2025-01-31T09:05:00.000Z');
    });

    it('leaves either end open, and writes nothing for a range with no entries', async () => {
      assert.deepEqual(
        (await exportLines(ledger, 'T1', new Date(T0 + 17 * 60_000))).map((line) => parseJsonLine(line).seq),
        [18, 19, 20],
      );
      assert.deepEqual(
        (await exportLines(ledger, 'T1', undefined, new Date(T0 + 2 * 60_000))).map(
          (line) => parseJsonLine(line).seq,
        ),
        [1, 2],
      );
      assert.deepEqual(await exportLines(ledger, 'T1', new Date(T0 + 3_600_000)), []);
    });

    it('writes a whole ledger that verifies from the export alone', async () => {
      const lines = await exportLines(ledger, 'T1');
      assert.equal(lines.length, 20);
      async function* parsed() {
        for (const line of lines) yield parseJsonLine(line);
      }
      assert.deepEqual(await verifyChain(parsed()), {
        ok: true,
        count: 20,
        head: { seq: 20, hash: entries[19]!.hash },
      });
    });

    it('waits for a slow reader (backpressure) and still writes every line in order', async () => {
      const received: string[] = [];
      let mostBuffered = 0;
      const slow: Writable = new Writable({
        highWaterMark: 64,
        write(chunk: Buffer, _encoding, done) {
          received.push(chunk.toString());
          mostBuffered = Math.max(mostBuffered, slow.writableLength);
          setTimeout(done, 1);
        },
      });
      const summary = await ledger.exportJsonLines('T1', undefined, undefined, slow);
      await new Promise<void>((resolve) => slow.end(resolve));
      assert.deepEqual(summary, { count: 20, firstSeq: 1, lastSeq: 20 });
      assert.deepEqual(
        received.map((line) => parseJsonLine(line).seq),
        Array.from({ length: 20 }, (_, index) => index + 1),
      );
      const longest = Math.max(...received.map((line) => Buffer.byteLength(line)));
      assert.ok(
        mostBuffered <= longest,
        `${mostBuffered} bytes waited in the stream: the export did not wait`,
      );
    });
  });
});
