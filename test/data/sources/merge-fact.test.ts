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

/** The four writes folded by hand: the newest snapshot, the earliest review, every reviewer once, sorted. */
const MERGED: FactDocument = {
  _id: 'T1|acme/web|1',
  tenantId: 'T1',
  repo: 'acme/web',
  number: 1,
  snapshotVersion: 32,
  author: 'ana',
  openedAt: at('2026-01-01T00:00:00Z'),
  firstReviewAt: at('2026-01-01T12:00:00Z'),
  lastSeenAt: at('2026-01-03T00:00:00Z'),
  reviewers: ['ben', 'cy'],
  state: 'merged',
  title: 'final',
};

describe('mergeFact', () => {
  it('ends in the same document whatever the order of the writes', () => {
    for (const order of permutations(WRITES)) assert.deepEqual(fold(order), MERGED);
  });

  it('changes nothing when writes are applied again', () => {
    assert.deepEqual(fold(WRITES, fold(WRITES)), MERGED);
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

describe('sameFact', () => {
  it('tells a changed fact from an unchanged one', () => {
    const copy = { ...MERGED, reviewers: ['ben', 'cy'], openedAt: at('2026-01-01T00:00:00Z') };
    assert.equal(sameFact(copy, MERGED), true);
    assert.equal(sameFact({ ...MERGED, lastReviewAt: null }, MERGED), true, 'null and missing are the same');
    const changes: [string, FactDocument][] = [
      ['a later date', { ...MERGED, lastSeenAt: at('2026-01-03T00:00:01Z') }],
      ['a reviewer more', { ...MERGED, reviewers: ['ben', 'cy', 'dee'] }],
      ['reviewers in another order', { ...MERGED, reviewers: ['cy', 'ben'] }],
      ['another state', { ...MERGED, state: 'closed' }],
      ['a field more', { ...MERGED, mergedBy: 'ana' }],
      ['a field less', { ...MERGED, title: undefined }],
      ['a number for its string', { ...MERGED, number: '1' }],
      ['a date for its time', { ...MERGED, openedAt: at('2026-01-01T00:00:00Z').getTime() }],
    ];
    for (const [label, changed] of changes) {
      assert.equal(sameFact(changed, MERGED), false, label);
      assert.equal(sameFact(MERGED, changed), false, label);
    }
  });
});
