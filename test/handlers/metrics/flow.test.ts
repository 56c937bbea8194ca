import assert from 'node:assert/strict';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';
import type { WorkingCalendar } from '../../../handlers/availability/types.ts';
import { workingDuration } from '../../../handlers/availability/working-time.ts';
import { measureAgingWip, type WorkItem } from '../../../handlers/metrics/aging-wip.ts';
import { measureFlowEfficiency } from '../../../handlers/metrics/flow-efficiency.ts';
import type { FlowConfig, FlowIssue } from '../../../handlers/metrics/flow-types.ts';
import { flowStateOf } from '../../../handlers/metrics/status-spells.ts';
import { at, HOUR, shuffled } from './build-facts.ts';

const DAY = 24 * HOUR;
const CONFIG: FlowConfig = {
  statusCategories: {
    'To Do': 'new',
    'In Progress': 'indeterminate',
    'In Review': 'indeterminate',
    Blocked: 'indeterminate',
    Done: 'done',
  },
  statusStates: { 'in review': 'waiting', Blocked: 'waiting' },
};
const TWO_WEEKS = { from: at(0), to: at(336) };

const issue = (key: string, created: number, moves: [string, number][], type = 'Story'): FlowIssue => ({
  issueId: key,
  key,
  type,
  createdAt: at(created),
  initialStatus: 'To Do',
  transitions: moves.map(([to, hours]) => ({ to, at: at(hours) })),
});

/**
 * Hours from Monday 7 September 2026, 00:00 UTC.
 * A: in progress h10–14, in review h14–16, in progress h16–18, done h18: 6 h active of 8.
 * C: in progress Friday 15:00–17:00, blocked over the weekend until Monday 10:00, in progress to 12:00, done.
 * D: straight from to-do to done. E: done at h22, reopened at h30, done again at h31.
 */
const ISSUES = [
  issue('A', 9, [
    ['In Progress', 10],
    ['In Review', 14],
    ['In Progress', 16],
    ['Done', 18],
  ]),
  issue('C', 100, [
    ['In Progress', 111],
    ['Blocked', 113],
    ['In Progress', 178],
    ['Done', 180],
  ]),
  issue('D', 1, [['Done', 2]]),
  issue('E', 19, [
    ['In Progress', 20],
    ['Done', 22],
    ['In Progress', 30],
    ['Done', 31],
  ]),
];

const UTC_WEEKDAYS: WorkingCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  timeOff: [],
  holidays: createPublicHolidays(),
};

describe('flow efficiency and aging WIP', () => {
  it('maps statuses to active or waiting by category, with overrides by name', () => {
    assert.equal(flowStateOf('In Progress', CONFIG), 'active');
    assert.equal(flowStateOf('in review', CONFIG), 'waiting');
    assert.equal(flowStateOf('BLOCKED', CONFIG), 'waiting');
    assert.equal(flowStateOf('To Do', CONFIG), 'waiting');
    assert.equal(flowStateOf('Done', CONFIG), 'done');
    assert.equal(flowStateOf('Triage', CONFIG), 'waiting');
  });

  it('measures active ÷ (active + waiting) from work start to the final done, in calendar hours', () => {
    const flow = measureFlowEfficiency(ISSUES, CONFIG, TWO_WEEKS);
    assert.deepEqual(
      flow.items.map((item) => [item.key, item.activeMs / HOUR, item.waitingMs / HOUR]),
      [
        ['A', 6, 2],
        ['C', 4, 65],
        ['E', 3, 8],
      ],
    );
    assert.equal(flow.neverActive, 1);
    assert.equal(flow.efficiency, 13 / 88);
  });

  it('does not count the weekend as waiting in working-hours mode', () => {
    const working = (from: Date, to: Date) => workingDuration(UTC_WEEKDAYS, from, to);
    const flow = measureFlowEfficiency(ISSUES, CONFIG, TWO_WEEKS, working);
    const c = flow.items.find((item) => item.key === 'C')!;
    // Friday 15:00–17:00 active; blocked until Monday 10:00 is 1 working hour; Monday 10:00–12:00 active.
    assert.deepEqual([c.activeMs / HOUR, c.waitingMs / HOUR, c.efficiency], [4, 1, 0.8]);
  });

  it('gives the same answer whatever order the transitions arrive in', () => {
    const reordered = shuffled(ISSUES, 5).map((i, n) => ({
      ...i,
      transitions: shuffled(i.transitions, n + 11),
    }));
    assert.deepEqual(
      measureFlowEfficiency(reordered, CONFIG, TWO_WEEKS),
      measureFlowEfficiency(ISSUES, CONFIG, TWO_WEEKS),
    );
  });

  it('marks work in progress older than its type’s 50th, 85th and 95th percentile cycle times', () => {
    const now = at(60 * 24);
    const finished: WorkItem[] = Array.from({ length: 10 }, (_, i) => ({
      id: `S-${i + 1}`,
      type: 'Story',
      startedAt: at(0),
      doneAt: new Date(at(0).getTime() + (i + 1) * DAY),
    }));
    const open = (id: string, type: string, ageDays: number): WorkItem => ({
      id,
      type,
      startedAt: new Date(now.getTime() - ageDays * DAY),
    });
    const wip = measureAgingWip(
      [
        ...finished,
        { id: 'B-1', type: 'Bug', startedAt: at(0), doneAt: at(5) },
        open('S-young', 'Story', 4),
        open('S-p50', 'Story', 6),
        open('S-p85', 'Story', 8.5),
        open('S-p95', 'Story', 12),
        open('B-old', 'Bug', 30),
      ],
      now,
    );
    assert.deepEqual(wip.thresholds.Story, { finished: 10, p50: 5 * DAY, p85: 8 * DAY, p95: 9 * DAY });
    assert.deepEqual(wip.thresholds.Bug, { finished: 1, p50: null, p85: null, p95: null });
    assert.deepEqual(
      wip.items.map((item) => [item.id, item.ageMs / DAY, item.passed]),
      [
        ['B-old', 30, undefined],
        ['S-p95', 12, 'p95'],
        ['S-p85', 8.5, 'p85'],
        ['S-p50', 6, 'p50'],
        ['S-young', 4, undefined],
      ],
    );
  });
});
