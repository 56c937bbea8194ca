import assert from 'node:assert/strict';
import { measureSprintHealth } from '../../../handlers/sprint/sprint-health.ts';
import type { SprintHealth } from '../../../handlers/sprint/types.ts';
import {
  at,
  FIELD_CHANGES,
  ISSUES,
  SNAPSHOT,
  SPRINT_37,
  sprintInput,
  STATUS_CHANGES,
} from './sprint-fixture.ts';

const keys = (items: readonly { key: string }[]) => items.map((item) => item.key);

function measure(overrides: Parameters<typeof sprintInput>[0] = {}): SprintHealth {
  const health = measureSprintHealth(sprintInput(overrides));
  assert.ok(health);
  return health;
}

/** A seeded shuffle, so a failure names the order that broke. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('sprint health (hand-computed: ENG Sprint 14, closed)', () => {
  const health = measure();

  it('counts the commitment at the start: 4 issues, 18 points (ENG-4 was in it, then removed)', () => {
    assert.equal(health.unit, 'points');
    assert.deepEqual(keys(health.committed.items), ['ENG-1', 'ENG-2', 'ENG-3', 'ENG-4']);
    assert.equal(health.committed.points, 18);
  });

  it('counts completed as Jira does, done at the close: ENG-1, ENG-2 and the added ENG-5, 11 points', () => {
    assert.equal(health.closed, true);
    assert.deepEqual(health.asOf, SPRINT_37.completeDate);
    assert.deepEqual(keys(health.completed.items), ['ENG-1', 'ENG-2', 'ENG-5']);
    assert.equal(health.completed.points, 11);
    assert.deepEqual(health.completedOfCommitted, { issues: 2, points: 8 });
  });

  it('tells scope added (ENG-5, ENG-6 created in it, ENG-7) from removed (ENG-4, ENG-7) and from not done', () => {
    assert.deepEqual(keys(health.added.items), ['ENG-5', 'ENG-6', 'ENG-7']);
    assert.equal(health.added.points, 9);
    assert.deepEqual(keys(health.removed.items), ['ENG-4', 'ENG-7']);
    assert.equal(health.removed.points, 7);
    assert.deepEqual(keys(health.notDone.items), ['ENG-3', 'ENG-6']);
    assert.equal(health.notDone.points, 9);
  });

  it('finds the carry-over, ENG-1 from two earlier sprints and ENG-3 from one', () => {
    assert.equal(health.carryOver.issues, 2);
    assert.deepEqual(
      health.carryOver.items.map((item) => [item.key, item.sprints]),
      [
        ['ENG-1', 2],
        ['ENG-3', 1],
      ],
    );
  });

  it('ages blocked items in working days: ENG-6 (status) 3.0 since Wednesday, ENG-3 (flag) 1.9', () => {
    assert.deepEqual(
      health.blocked.map((item) => [item.key, item.reason, item.workingDays]),
      [
        ['ENG-6', 'status', 3],
        ['ENG-3', 'flagged', 1.9],
      ],
    );
    assert.deepEqual(health.blocked[0]!.since, at('2026-10-14T09:00'));
  });

  it('draws the burndown each morning, flat ideal over the weekend, to the close', () => {
    assert.deepEqual(
      health.burndown.map((point) => [point.day.slice(5), point.remaining, point.ideal]),
      [
        ['10-05', 18, 18],
        ['10-06', 18, 16.2],
        ['10-07', 23, 14.4],
        ['10-08', 20, 12.6],
        ['10-09', 15, 10.8],
        ['10-10', 13, 9],
        ['10-11', 13, 9],
        ['10-12', 13, 9],
        ['10-13', 16, 7.2],
        ['10-14', 17, 5.4],
        ['10-15', 12, 3.6],
        ['10-16', 9, 1.8],
        ['10-17', 9, 0],
        ['10-18', 9, 0],
        ['10-19', 9, 0],
      ],
    );
    assert.deepEqual(health.burndown.at(-1)!.at, SPRINT_37.completeDate);
  });

  it('is off track, saying why in plain words, worst reason first', () => {
    assert.equal(health.verdict.level, 'off-track');
    assert.deepEqual(
      health.verdict.reasons.map((reason) => [reason.severity, reason.text]),
      [
        ['off-track', 'It completed 8 of the 18 points committed (44%).'],
        [
          'at-risk',
          'Scope grew by 11% of the commitment: 9 points added and 7 points removed after the start.',
        ],
        ['at-risk', '2 items are blocked (ENG-6, ENG-3), the longest (ENG-6) for 3 working days.'],
        ['at-risk', 'ENG-1 has been carried over 2 or more sprints.'],
      ],
    );
  });

  it('says where the start came from: the webhook snapshot, two issues from history', () => {
    assert.deepEqual(health.basis, { snapshot: 'webhook', fromHistory: 2, assumed: 0 });
  });

  it('gives the same answer whatever order the facts come in', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const again = measure({
        issues: shuffled(ISSUES, seed),
        statusChanges: shuffled(STATUS_CHANGES, seed + 100),
        fieldChanges: shuffled(FIELD_CHANGES, seed + 200),
      });
      assert.deepEqual(again, health, `seed ${seed}`);
    }
  });
});

describe('sprint health while the sprint runs (Tuesday of week 2, 12:00)', () => {
  const now = at('2026-10-13T12:00');
  const health = measure({ sprint: { ...SPRINT_37, state: 'active', completeDate: undefined }, now });

  it('measures to now: 51 of 80 working hours gone, 3 of 20 points done', () => {
    assert.equal(health.closed, false);
    assert.equal(health.elapsed, 0.638);
    assert.equal(health.completed.points, 3);
    assert.equal(health.notDone.points, 17);
  });

  it('shows today as now and leaves the days to come without a measurement', () => {
    const today = health.burndown.find((point) => point.day === '2026-10-13')!;
    assert.deepEqual(today.at, now);
    assert.equal(today.remaining, 17);
    assert.ok(
      health.burndown
        .filter((point) => point.day > '2026-10-13')
        .every((point) => point.remaining === undefined),
    );
    assert.equal(health.burndown.at(-1)!.ideal, 0);
  });

  it('is off track by pace: 9.75 points behind the ideal line', () => {
    assert.equal(health.verdict.level, 'off-track');
    assert.equal(
      health.verdict.reasons[0]!.text,
      '3 of 20 points done with 64% of the working time gone: 9.8 points behind the ideal line.',
    );
  });

  it('does not call ENG-3 blocked before it was flagged', () => {
    assert.deepEqual(keys(health.blocked), []);
  });
});

describe('sprint health: where the start comes from', () => {
  it('without a snapshot, an issue with no history that changed after the start counts as committed', () => {
    const health = measure({ snapshot: undefined });
    assert.deepEqual(keys(health.committed.items), ['ENG-1', 'ENG-2', 'ENG-3', 'ENG-4']);
    assert.deepEqual(health.basis, { snapshot: 'none', fromHistory: 2, assumed: 2 });
  });

  it('a snapshot that lacks an issue changed after the start makes it added: a missed "added to sprint" event', () => {
    const snapshot = { ...SNAPSHOT, issues: SNAPSHOT.issues.filter((entry) => entry.issueId !== '2') };
    const health = measure({ snapshot });
    assert.deepEqual(keys(health.committed.items), ['ENG-1', 'ENG-3', 'ENG-4']);
    assert.ok(keys(health.added.items).includes('ENG-2'));
  });

  it('a snapshot taken hours late is used and labelled late', () => {
    const health = measure({ snapshot: { ...SNAPSHOT, takenAt: at('2026-10-05T14:00') } });
    assert.equal(health.basis.snapshot, 'late');
    assert.equal(health.committed.points, 18);
  });

  it('a sprint that never started has no health', () => {
    assert.equal(measureSprintHealth(sprintInput({ sprint: { sprintId: 40, state: 'future' } })), undefined);
  });
});
