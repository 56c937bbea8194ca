import assert from 'node:assert/strict';
import type { FactWrite } from '../../../data/sources/fact-write.ts';
import { mergeFact, sameFact, type FactDocument } from '../../../data/sources/merge-fact.ts';

const at = (iso: string) => new Date(iso);
const WRITES: FactWrite[] = [
  {
    kind: 'pullRequest',
    key: { repo: 'acme/web', number: 1 },
    once: { author: 'ana' },
    earliest: { openedAt: at('2026-01-01T00:00:00Z') },
    snapshot: { version: 10, fields: { state: 'open', title: 'first' } },
  },
  {
    kind: 'pullRequest',
    key: { repo: 'acme/web', number: 1 },
    earliest: { firstReviewAt: at('2026-01-02T00:00:00Z') },
    union: { reviewers: ['ben'] },
  },
  {
    kind: 'pullRequest',
    key: { repo: 'acme/web', number: 1 },
    earliest: { firstReviewAt: at('2026-01-01T12:00:00Z') },
    latest: { lastSeenAt: at('2026-01-03T00:00:00Z') },
    union: { reviewers: ['cy', 'ben'] },
  },
  {
    kind: 'pullRequest',
    key: { repo: 'acme/web', number: 1 },
    snapshot: { version: 32, fields: { state: 'merged', title: 'final' } },
  },
];

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

const fold = (writes: FactWrite[], start?: FactDocument) =>
  writes.reduce<FactDocument>((doc, write) => mergeFact(doc, 'T1', write), start as FactDocument);

describe('mergeFact', () => {
  it('ends in the same document whatever the order of the writes', () => {
    const expected = fold(WRITES);
    assert.equal(expected.state, 'merged');
    assert.equal(expected.title, 'final');
    assert.equal(expected.author, 'ana');
    assert.deepEqual(expected.reviewers, ['ben', 'cy']);
    assert.deepEqual(expected.firstReviewAt, at('2026-01-01T12:00:00Z'));
    for (const order of permutations(WRITES)) assert.ok(sameFact(fold(order), expected));
  });

  it('changes nothing when writes are applied again', () => {
    const once = fold(WRITES);
    assert.ok(sameFact(fold(WRITES, once), once));
  });

  it('never lets an older snapshot overwrite a newer one, and resolves conflicting immutable facts deterministically', () => {
    const newer = fold([WRITES[3]!]);
    assert.equal(fold([WRITES[0]!], newer).state, 'merged');
    const a: FactWrite = { kind: 'repository', key: { repo: 'x/y' }, once: { githubId: 2 } };
    const b: FactWrite = { kind: 'repository', key: { repo: 'x/y' }, once: { githubId: 1 } };
    assert.equal(fold([a, b]).githubId, 1);
    assert.equal(fold([b, a]).githubId, 1);
  });
});
