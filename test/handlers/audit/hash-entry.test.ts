import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  chainEntry,
  digestPayload,
  GENESIS_HASH,
  hashEntry,
  InvalidAuditEventError,
  prepareAuditEvent,
  recordsSameEvent,
  type HashedFields,
} from '../../../handlers/audit/hash-entry.ts';
import type { AuditEventInput } from '../../../handlers/audit/types.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const input: AuditEventInput = {
  tenantId: 'T1',
  subject: 'approval:a1',
  verb: 'action.propose',
  payload: { pr: 42 },
  actor: 'slack:U0ALICE',
  outcome: 'proposed',
  correlation_id: 'trace-1',
};

function rejected(event: AuditEventInput, message: RegExp): void {
  assert.throws(
    () => prepareAuditEvent(event),
    (error: Error) => {
      assert.ok(
        error instanceof InvalidAuditEventError,
        `expected InvalidAuditEventError, got ${String(error)}`,
      );
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('audit entry hashing', () => {
  const t0 = new Date('2025-01-31T09:30:00.000Z');

  it('hashes the documented canonical text, so an auditor can recompute it without our code', () => {
    const first = chainEntry(prepareAuditEvent(input), null, t0, 'e-1');
    const digest = sha256('{"pr":42}');
    assert.equal(first.payloadDigest, digest);
    const text =
      '{"actor":"slack:U0ALICE","correlation_id":"trace-1","id":"e-1","outcome":"proposed",' +
      `"payloadDigest":"${digest}","prevHash":"${'0'.repeat(64)}","seq":1,"subject":"approval:a1",` +
      '"tenantId":"T1","ts":"2025-01-31T09:30:00.000Z","verb":"action.propose"}';
    assert.equal(first.hash, sha256(text));
  });

  it('starts each chain at seq 1 from the genesis value, then links each entry to the one before', () => {
    assert.equal(GENESIS_HASH, '0'.repeat(64));
    const event = prepareAuditEvent(input);
    const first = chainEntry(event, null, t0, 'e-1');
    const second = chainEntry(event, first, new Date(t0.getTime() + 1000), 'e-2');
    assert.equal(first.seq, 1);
    assert.equal(first.prevHash, GENESIS_HASH);
    assert.equal(second.seq, 2);
    assert.equal(second.prevHash, first.hash);
    assert.equal(second.hash, hashEntry(second, first.hash));
    assert.notEqual(second.hash, first.hash);
    assert.equal(second.ts.toISOString(), '2025-01-31T09:30:01.000Z');
  });

  it('never lets ts go back along a chain, even when the clock does', () => {
    const event = prepareAuditEvent(input);
    const first = chainEntry(event, null, t0, 'e-1');
    const second = chainEntry(event, first, new Date(t0.getTime() - 60_000), 'e-2');
    assert.equal(second.ts.getTime(), t0.getTime());
    assert.notEqual(second.ts, first.ts, 'the entry must get its own Date');
  });

  it('changes the hash when any hashed field or prevHash changes, and ignores fields it does not cover', () => {
    const entry = chainEntry(prepareAuditEvent(input), null, t0, 'e-1');
    const base = hashEntry(entry, GENESIS_HASH);
    const changes: Partial<HashedFields>[] = [
      { id: 'e-2' },
      { tenantId: 'T2' },
      { seq: 2 },
      { ts: new Date(t0.getTime() + 1) },
      { subject: 'approval:a2' },
      { verb: 'approval.decide' },
      { actor: 'slack:U0BOB' },
      { outcome: 'approved' },
      { correlation_id: null },
      { payloadDigest: digestPayload({ pr: 43 }) },
    ];
    for (const change of changes) {
      assert.notEqual(hashEntry({ ...entry, ...change }, GENESIS_HASH), base, JSON.stringify(change));
    }
    assert.notEqual(hashEntry(entry, 'f'.repeat(64)), base);
    const withExtras = { ...entry, payload: { pr: 999 }, _id: 'x', hash: 'y' };
    assert.equal(hashEntry(withExtras, GENESIS_HASH), base);
  });

  it('digests payloads by content, not key order, and tells null, {} and [] apart', () => {
    assert.equal(digestPayload({ a: 1, b: [1, 2] }), digestPayload({ b: [1, 2], a: 1 }));
    assert.notEqual(digestPayload({ a: 1, b: [1, 2] }), digestPayload({ a: 1, b: [2, 1] }));
    const digests = [null, {}, [], '', 0].map(digestPayload);
    assert.equal(new Set(digests).size, digests.length);
  });

  it('prepares an event: a plain JSON payload, correlation_id null when absent, the id only when given', () => {
    const prepared = prepareAuditEvent({
      ...input,
      correlation_id: undefined,
      payload: { when: new Date(0), skip: undefined, b: 1, a: {}, rows: [{ cells: [1, 2] }] },
    });
    assert.deepEqual(prepared.payload, {
      a: {},
      b: 1,
      rows: [{ cells: [1, 2] }],
      when: '1970-01-01T00:00:00.000Z',
    });
    assert.equal(
      prepared.payloadDigest,
      sha256('{"a":{},"b":1,"rows":[{"cells":[1,2]}],"when":"1970-01-01T00:00:00.000Z"}'),
    );
    assert.equal(prepared.correlation_id, null);
    assert.ok(!('id' in prepared));
    assert.equal(prepareAuditEvent({ ...input, id: 'key-1' }).id, 'key-1');
  });

  it('refuses an event that cannot be stored faithfully, naming the field', () => {
    rejected({ ...input, subject: '' }, /^subject: expected a non-empty string/);
    rejected({ ...input, actor: '   ' }, /^actor: /);
    rejected({ ...input, outcome: 7 as unknown as string }, /^outcome: /);
    rejected({ ...input, verb: 'x'.repeat(1025) }, /^verb: .*at most 1024/);
    rejected({ ...input, tenantId: undefined as unknown as string }, /^tenantId: /);
    rejected({ ...input, correlation_id: '' }, /^correlation_id: /);
    rejected({ ...input, id: '' }, /^id: /);
    rejected({ ...input, payload: { amount: Number.NaN } }, /^payload\.amount: NaN/);
    rejected({ ...input, payload: new Map() }, /^payload: a Map is not a plain object/);
    rejected({ ...input, payload: undefined }, /^payload: undefined/);
    rejected({ ...input, payload: { $set: 1 } }, /^payload: the key "\$set" cannot be stored/);
    rejected(
      { ...input, payload: { list: [{ 'a.b': 1 }] } },
      /^payload\.list\[0\]: the key "a\.b" cannot be stored/,
    );
    rejected(
      { ...input, payload: { grid: [[1, 2]] } },
      /^payload\.grid\[0\]: an array directly inside an array/,
    );
    let deep: unknown = 1;
    for (let level = 0; level < 33; level += 1) deep = { d: deep };
    rejected({ ...input, payload: deep }, /nested more than 32 levels deep/);
    assert.doesNotThrow(() => prepareAuditEvent({ ...input, payload: (deep as { d: unknown }).d }));
  });

  it('recognises the same event recorded again, and a different one under the same id', () => {
    const event = prepareAuditEvent(input);
    const stored = chainEntry(event, null, t0, 'e-1');
    assert.equal(recordsSameEvent(stored, prepareAuditEvent({ ...input, payload: { pr: 42 } })), true);
    assert.equal(recordsSameEvent(stored, prepareAuditEvent({ ...input, payload: { pr: 43 } })), false);
    assert.equal(recordsSameEvent(stored, prepareAuditEvent({ ...input, outcome: 'approved' })), false);
    assert.equal(recordsSameEvent(stored, prepareAuditEvent({ ...input, tenantId: 'T2' })), false);
  });
});
