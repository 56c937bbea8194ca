import assert from 'node:assert/strict';
import { digestWeekOf } from '../../../handlers/delivery-digest/digest-week.ts';
import { selectDigest } from '../../../handlers/delivery-digest/select-digest.ts';
import type { DigestInput, WeekFigures } from '../../../handlers/delivery-digest/types.ts';

const HOUR = 3600_000;

const week = (overrides: Partial<WeekFigures> = {}): WeekFigures => ({
  deployments: 10,
  leadTimeP50: 20 * HOUR,
  changeFailureRate: 0.1,
  timeToRestoreP50: 2 * HOUR,
  throughput: 12,
  wip: 8,
  prCoverage: { linked: 9, total: 10, share: 0.9 },
  ...overrides,
});

const input = (current: Partial<WeekFigures>, extra: Partial<DigestInput> = {}): DigestInput => ({
  team: 'Platform',
  from: '2027-01-25',
  to: '2027-01-31',
  current: week(current),
  previous: week(),
  aging: [],
  ...extra,
});

describe('the weekly delivery digest: which changes make the headlines', () => {
  it('says briefly that nothing notable changed when every figure is close to the week before', () => {
    const view = selectDigest(input({ deployments: 11, leadTimeP50: 22 * HOUR, changeFailureRate: 0.12 }));
    assert.deepEqual(view.changes, []);
    assert.equal(view.kind, 'delivery-digest');
    assert.match(view.quiet ?? '', /^Nothing notable changed: 11 deployments and 12 finished items/);
    assert.deepEqual(view.notes, []);
  });

  it('lists each notable change with a plain-words why, safety first, and tells good news from bad', () => {
    const view = selectDigest(
      input({
        deployments: 4,
        leadTimeP50: 40 * HOUR,
        changeFailureRate: 0.25,
        timeToRestoreP50: 30 * 60_000,
        throughput: 20,
        wip: 14,
      }),
    );
    assert.deepEqual(
      view.changes.map((change) => [change.figure, change.better]),
      [
        ['change-failure-rate', false],
        ['time-to-restore', true],
        ['lead-time', false],
        ['deployments', false],
        ['throughput', true],
        ['wip', false],
      ],
    );
    const [cfr, restore, lead, deployments] = view.changes;
    assert.equal(cfr!.text, 'Change failure rate: 25%, up from 10%.');
    assert.match(cfr!.why, /failure in production/);
    assert.equal(restore!.text, 'Time to restore service (median): 30 min, down from 2.0 h.');
    assert.equal(lead!.text, 'Lead time for changes (median): 40.0 h, up from 20.0 h.');
    assert.equal(deployments!.text, 'Deployments: 4, down from 10.');
    assert.match(deployments!.why, /bigger, riskier batches/);
    for (const change of view.changes) assert.ok(change.why.length > 20, change.figure);
    assert.equal(view.quiet, undefined);
  });

  it('leaves out small moves of small counts, and figures with nothing measured on one side', () => {
    const view = selectDigest({
      ...input({ deployments: 2, leadTimeP50: null, timeToRestoreP50: 9 * HOUR }),
      previous: week({ deployments: 1, timeToRestoreP50: null }),
    });
    assert.deepEqual(view.changes, [], '1 → 2 deployments is not news; no restore time the week before');
  });

  it('cautions when few merged PRs are linked to a deployment', () => {
    const view = selectDigest(input({ prCoverage: { linked: 3, total: 10, share: 0.3 } }));
    assert.equal(view.notes.length, 1);
    assert.match(view.notes[0]!, /^Only 30% of merged PRs are linked to a deployment/);
  });

  it('names at most three aging items by reference, never by person, and counts the rest', () => {
    const aging = ['acme/api#1', 'acme/api#2', 'ENG-7', 'ENG-9'].map((ref) => ({ ref, age: '9.0 days' }));
    const view = selectDigest(input({}, { aging }));
    assert.equal(view.changes.length, 1);
    assert.equal(
      view.changes[0]!.text,
      '4 items have been in progress longer than 85% of past work: acme/api#1 (9.0 days), acme/api#2 (9.0 days), ENG-7 (9.0 days) and 1 more.',
    );
  });

  it('makes a sprint at risk a headline, and a sprint on track one note', () => {
    const risky = selectDigest(
      input({}, { sprint: { name: 'ENG 14', level: 'at-risk', reason: '3 items are blocked.' } }),
    );
    assert.equal(risky.changes[0]!.figure, 'sprint');
    assert.equal(risky.changes[0]!.text, 'Sprint ENG 14 is at risk. 3 items are blocked.');
    const fine = selectDigest(input({}, { sprint: { name: 'ENG 14', level: 'on-track' } }));
    assert.deepEqual(fine.changes, []);
    assert.deepEqual(fine.notes, ['Sprint ENG 14 is on track.']);
    assert.ok(fine.quiet);
  });
});

describe('the digest week', () => {
  it('is keyed by the ISO week it posts in and reports the full week before, Monday to Monday', () => {
    const week = digestWeekOf('2027-02-03');
    assert.equal(week.key, '2027-W05');
    assert.equal(week.reported.from.toISOString(), '2027-01-25T00:00:00.000Z');
    assert.equal(week.reported.to.toISOString(), '2027-02-01T00:00:00.000Z');
    assert.equal(week.previous.from.toISOString(), '2027-01-18T00:00:00.000Z');
  });

  it('takes the ISO year at the turn of the year', () => {
    assert.equal(digestWeekOf('2027-01-01').key, '2026-W53');
    assert.equal(digestWeekOf('2026-12-28').key, '2026-W53');
  });
});
