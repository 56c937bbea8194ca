import assert from 'node:assert/strict';
import { describeVerification } from '../../../handlers/audit/describe-verification.ts';
import {
  chainEntry,
  digestPayload,
  hashEntry,
  prepareAuditEvent,
} from '../../../handlers/audit/hash-entry.ts';
import { parseJsonLine, toJsonLine } from '../../../handlers/audit/json-lines.ts';
import type { StoredAuditEvent } from '../../../handlers/audit/types.ts';
import { verifyChain } from '../../../handlers/audit/verify-chain.ts';

/** A valid chain of `length` entries for tenant T1, one minute apart. */
function chain(length: number): StoredAuditEvent[] {
  const entries: StoredAuditEvent[] = [];
  for (let index = 0; index < length; index += 1) {
    const event = prepareAuditEvent({
      tenantId: 'T1',
      subject: `approval:a${index}`,
      verb: 'approval.decide',
      payload: { index, reviewers: ['U1', 'U2'], note: { text: `entry ${index}` } },
      actor: 'slack:U0ALICE',
      outcome: 'approved',
      correlation_id: `trace-${index}`,
    });
    const ts = new Date(Date.UTC(2025, 0, 31, 9, index));
    entries.push(chainEntry(event, entries.at(-1) ?? null, ts, `e-${index + 1}`));
  }
  return entries;
}

async function* stream(entries: StoredAuditEvent[], read = { count: 0 }): AsyncGenerator<StoredAuditEvent> {
  for (const entry of entries) {
    read.count += 1;
    yield structuredClone(entry);
  }
}

/** Rewrites entry `index` (0-based) and recomputes its digest and hash, as a forger with write access would. */
function forge(entries: StoredAuditEvent[], index: number, change: Partial<StoredAuditEvent>): void {
  const entry = { ...entries[index]!, ...change };
  entry.payloadDigest = digestPayload(entry.payload);
  entry.hash = hashEntry(entry, entry.prevHash);
  entries[index] = entry;
}

describe('verifyChain', () => {
  it('accepts an empty ledger', async () => {
    assert.deepEqual(await verifyChain(stream([])), { ok: true, count: 0, head: null });
  });

  it('accepts an intact chain and reports its head', async () => {
    const entries = chain(10);
    assert.deepEqual(await verifyChain(stream(entries)), {
      ok: true,
      count: 10,
      head: { seq: 10, hash: entries[9]!.hash },
    });
  });

  it('reports a changed payload as a changed entry at its seq', async () => {
    const entries = chain(6);
    entries[2] = {
      ...entries[2]!,
      payload: { index: 2, reviewers: ['U1', 'U3'], note: { text: 'entry 2' } },
    };
    assert.deepEqual(await verifyChain(stream(entries)), {
      ok: false,
      count: 2,
      firstBroken: {
        seq: 3,
        id: 'e-3',
        reason: 'changed',
        detail: 'its payload does not match its payloadDigest',
      },
    });
  });

  it('reports any other edited field as a changed entry (hash mismatch)', async () => {
    const edits: Partial<StoredAuditEvent>[] = [
      { outcome: 'declined' },
      { actor: 'slack:U0MALLORY' },
      { ts: new Date(Date.UTC(2025, 0, 31, 9, 3, 30)) },
      { correlation_id: null },
      { tenantId: 'T2' },
      { id: 'e-other' },
      { payloadDigest: digestPayload({}), payload: {} },
      { hash: 'f'.repeat(64) },
    ];
    for (const edit of edits) {
      const entries = chain(6);
      entries[3] = { ...entries[3]!, ...edit };
      const result = await verifyChain(stream(entries));
      assert.equal(result.ok, false, JSON.stringify(edit));
      assert.ok(!result.ok);
      assert.equal(result.count, 3);
      assert.equal(result.firstBroken.seq, 4);
      assert.equal(result.firstBroken.reason, 'changed', JSON.stringify(edit));
    }
  });

  it('reports fields edited into the wrong type as changed, without throwing', async () => {
    for (const edit of [{ ts: 'yesterday' }, { payload: undefined }, { seq: 4.5 }, { seq: '4' }]) {
      const entries = chain(6);
      entries[3] = { ...entries[3]!, ...(edit as unknown as Partial<StoredAuditEvent>) };
      const result = await verifyChain(stream(entries));
      assert.ok(!result.ok, JSON.stringify(edit));
      assert.equal(result.firstBroken.reason, 'changed', JSON.stringify(edit));
      assert.equal(result.firstBroken.id, 'e-4');
    }
  });

  it('reports a removed entry as a gap at the next seq', async () => {
    const entries = chain(6);
    entries.splice(2, 1);
    assert.deepEqual(await verifyChain(stream(entries)), {
      ok: false,
      count: 2,
      firstBroken: { seq: 4, id: 'e-4', reason: 'gap', detail: 'seq 3 is missing' },
    });
    const more = chain(8);
    more.splice(2, 3);
    const result = await verifyChain(stream(more));
    assert.ok(!result.ok);
    assert.equal(result.firstBroken.detail, 'seq 3 to 5 are missing');
    const first = chain(3).slice(1);
    const fromTwo = await verifyChain(stream(first));
    assert.ok(!fromTwo.ok);
    assert.deepEqual(fromTwo.firstBroken, { seq: 2, id: 'e-2', reason: 'gap', detail: 'seq 1 is missing' });
    assert.equal(fromTwo.count, 0);
  });

  it('reports an entry that appears twice as a gap (out of order)', async () => {
    const entries = chain(4);
    entries.splice(2, 0, entries[1]!);
    const result = await verifyChain(stream(entries));
    assert.ok(!result.ok);
    assert.equal(result.firstBroken.seq, 2);
    assert.equal(result.firstBroken.reason, 'gap');
    assert.match(result.firstBroken.detail, /expected seq 3, found seq 2 again/);
  });

  it('reports an entry rewritten with a recomputed hash as a broken link at the next seq', async () => {
    const entries = chain(6);
    forge(entries, 2, { outcome: 'declined' });
    assert.deepEqual(await verifyChain(stream(entries)), {
      ok: false,
      count: 3,
      firstBroken: {
        seq: 4,
        id: 'e-4',
        reason: 'broken_link',
        detail: 'its prevHash is not the hash of seq 3',
      },
    });
  });

  it('reports a first entry that does not start from the genesis value as a broken link', async () => {
    const entries = chain(3);
    forge(entries, 0, { prevHash: 'a'.repeat(64) });
    const result = await verifyChain(stream(entries));
    assert.ok(!result.ok);
    assert.deepEqual(result.firstBroken, {
      seq: 1,
      id: 'e-1',
      reason: 'broken_link',
      detail: 'its prevHash is not the genesis value',
    });
  });

  it('stops reading at the first broken entry', async () => {
    const entries = chain(50);
    entries[4] = { ...entries[4]!, outcome: 'declined' };
    const read = { count: 0 };
    await verifyChain(stream(entries, read));
    assert.equal(read.count, 5);
  });
});

describe('audit JSON Lines', () => {
  it('writes every stored field in a fixed order, on one line', () => {
    const [entry] = chain(1);
    const line = toJsonLine({ ...entry!, payload: { text: 'two\nlines' } });
    assert.doesNotMatch(line, /\n/);
    assert.deepEqual(Object.keys(JSON.parse(line) as object), [
      'id',
      'tenantId',
      'seq',
      'ts',
      'subject',
      'verb',
      'actor',
      'outcome',
      'correlation_id',
      'payload',
      'payloadDigest',
      'prevHash',
      'hash',
    ]);
    assert.equal((JSON.parse(line) as { ts: string }).ts, '2025-01-31T09:00:00.000Z');
  });

  it('reads back equal, so an export verifies on its own', async () => {
    const entries = chain(5);
    const parsed = entries.map((entry) => parseJsonLine(toJsonLine(entry)));
    assert.deepEqual(parsed, entries);
    assert.equal((await verifyChain(stream(parsed))).ok, true);
    const tampered = toJsonLine(entries[1]!).replace('"approved"', '"declined"');
    const result = await verifyChain(stream([parsed[0]!, parseJsonLine(tampered), ...parsed.slice(2)]));
    assert.ok(!result.ok);
    assert.equal(result.firstBroken.seq, 2);
  });

  it('refuses a line that is not an export line', () => {
    assert.throws(() => parseJsonLine('{"id":"x"}'), /expected/);
    assert.throws(() => parseJsonLine('not json'), SyntaxError);
  });
});

describe('describeVerification', () => {
  it('says intact with the count and head, or that there is nothing yet', () => {
    assert.equal(
      describeVerification('acme', { ok: true, count: 2, head: { seq: 2, hash: 'ab'.repeat(32) } }),
      `audit ledger of tenant "acme": intact, 2 entries, head seq 2 hash ${'ab'.repeat(32)}`,
    );
    assert.equal(
      describeVerification('acme', { ok: true, count: 0, head: null }),
      'audit ledger of tenant "acme": intact, no entries',
    );
  });

  it('names the first broken link, its reason and how much before it is intact', () => {
    assert.equal(
      describeVerification('acme', {
        ok: false,
        count: 1,
        firstBroken: { seq: 3, id: 'e-3', reason: 'gap', detail: 'seq 2 is missing' },
      }),
      'audit ledger of tenant "acme": BROKEN at seq 3 (id e-3): gap: seq 2 is missing; 1 entry before it is intact',
    );
    assert.match(
      describeVerification('acme', {
        ok: false,
        count: 6,
        firstBroken: { seq: 7, id: 'e-7', reason: 'broken_link', detail: 'x' },
      }),
      /BROKEN at seq 7 \(id e-7\): broken link: x; 6 entries before it are intact$/,
    );
  });
});
