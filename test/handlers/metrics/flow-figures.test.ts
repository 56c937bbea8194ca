import assert from 'node:assert/strict';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';
import type { WorkingCalendar } from '../../../handlers/availability/types.ts';
import { measureFor } from '../../../handlers/metrics/duration-mode.ts';
import type { FlowConfig, FlowPullRequest, FlowWorkIssue } from '../../../handlers/metrics/flow-types.ts';
import { measureFlow, measurePersonalFlow } from '../../../handlers/metrics/measure-flow.ts';
import { sizeBucketOf } from '../../../handlers/metrics/pr-size.ts';
import { at, HOUR } from './build-facts.ts';

const CONFIG: FlowConfig = {
  statusCategories: {
    'To Do': 'new',
    'In Progress': 'indeterminate',
    Blocked: 'indeterminate',
    Done: 'done',
  },
  statusStates: { blocked: 'waiting' },
};
const UTC_WEEKDAYS: WorkingCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  timeOff: [],
  holidays: createPublicHolidays(),
};
/** Monday 7 September 2026 00:00 UTC (h0) to Monday 21 September (h336). */
const TWO_WEEKS = { from: at(0), to: at(336) };
const NOW = at(336);

const pr = (number: number, fields: Partial<FlowPullRequest> & { openedAt: Date }): FlowPullRequest => ({
  repo: number < 3 ? 'acme/api' : 'acme/web',
  number,
  reviews: [],
  ...fields,
});

/**
 * Hours from h0 (Monday 00:00 UTC); the working calendar is Monday to Friday, 09:00–17:00 UTC.
 * #1 ana: commit Mon 09:00, ready 10:00, bo reviews 12:00 (again 13:00), cy 14:00, merged 15:00, deployed 16:00; 35 lines.
 * #2 bo: ready Friday 16:00 (h112), ana reviews Monday 10:00 (h178), bo's own review ignored, merged 12:00; 600 lines.
 * #3 cy: a draft opened Mon 20:00, ready Tue 09:00 (h33), merged 11:00 without a review; 5 lines.
 * #4 ana: open since h200. #5: closed without merging.
 */
const PULLS: FlowPullRequest[] = [
  pr(1, {
    author: 'ana',
    firstCommitAt: at(9),
    openedAt: at(10),
    readyAt: at(10),
    firstReviewAt: at(12),
    mergedAt: at(15),
    deployedAt: at(16),
    additions: 30,
    deletions: 5,
    reviews: [
      { reviewer: 'bo', at: at(13) },
      { reviewer: 'Bo', at: at(12) },
      { reviewer: 'cy', at: at(14) },
    ],
  }),
  pr(2, {
    author: 'bo',
    openedAt: at(112),
    firstReviewAt: at(178),
    mergedAt: at(180),
    additions: 400,
    deletions: 200,
    reviews: [
      { reviewer: 'ana', at: at(178) },
      { reviewer: 'bo', at: at(179) },
    ],
  }),
  pr(3, {
    author: 'cy',
    draft: false,
    openedAt: at(20),
    readyAt: at(33),
    mergedAt: at(35),
    additions: 3,
    deletions: 2,
  }),
  pr(4, { author: 'ana', draft: true, openedAt: at(200) }),
  pr(5, { author: 'cy', openedAt: at(40), closedAt: at(50) }),
];

const issue = (key: string, type: string, moves: [string, number][], assignee?: string): FlowWorkIssue => ({
  issueId: key,
  key,
  type,
  createdAt: at(0),
  initialStatus: 'To Do',
  transitions: moves.map(([to, hours]) => ({ to, at: at(hours) })),
  ...(assignee ? { assignee } : {}),
});

const ISSUES: FlowWorkIssue[] = [
  issue(
    'EM-1',
    'Story',
    [
      ['In Progress', 10],
      ['Done', 18],
    ],
    'acc-ana',
  ),
  issue('EM-2', 'Story', [['In Progress', 190]], 'acc-bo'),
  issue('EM-3', 'Bug', [
    ['In Progress', 100],
    ['Blocked', 113],
  ]),
];
const INPUT = { pulls: PULLS, issues: ISSUES, config: CONFIG };
const hours = (ms: number | null) => (ms === null ? null : ms / HOUR);

describe('flow figures', () => {
  it('splits PR cycle time into coding, pickup, review and deploy, in calendar hours', () => {
    const { cycle } = measureFlow(INPUT, TWO_WEEKS, NOW);
    assert.deepEqual(
      cycle.items.map((item) => [
        item.ref,
        item.codingMs / HOUR,
        hours(item.pickupMs ?? null),
        hours(item.reviewMs ?? null),
        hours(item.deployMs ?? null),
      ]),
      [
        ['acme/api#1', 1, 2, 3, 1],
        ['acme/api#2', 0, 66, 2, null],
        ['acme/web#3', 13, null, null, null],
      ],
    );
    assert.equal(hours(cycle.coding.p50), 1);
    assert.equal(hours(cycle.pickup.p50), 2);
    assert.equal(cycle.pickup.count, 2);
    assert.equal(hours(cycle.review.p50), 2);
    assert.equal(cycle.deploy.count, 1);
    assert.equal(hours(cycle.cycle.p90), 15);
  });

  it('leaves nights and the weekend out in working-hours mode', () => {
    const { cycle, reviewTurnaround } = measureFlow(
      INPUT,
      TWO_WEEKS,
      NOW,
      measureFor('working', UTC_WEEKDAYS),
    );
    // #2 waited Friday 16:00–17:00 and Monday 09:00–10:00; #3's draft night is no coding time.
    assert.deepEqual(
      cycle.items.map((item) => [
        item.ref,
        item.codingMs / HOUR,
        hours(item.pickupMs ?? null),
        item.cycleMs / HOUR,
      ]),
      [
        ['acme/api#1', 1, 2, 6],
        ['acme/api#2', 0, 2, 4],
        ['acme/web#3', 0, null, 2],
      ],
    );
    assert.deepEqual(
      reviewTurnaround.items.map((item) => item.turnaroundMs / HOUR),
      [2, 4, 2],
    );
    assert.equal(hours(reviewTurnaround.turnaround.p50), 2);
  });

  it("measures review turnaround to each reviewer's first review, never the author's own", () => {
    const { reviewTurnaround } = measureFlow(INPUT, TWO_WEEKS, NOW);
    assert.deepEqual(
      reviewTurnaround.items.map((item) => [item.ref, item.reviewer, item.turnaroundMs / HOUR]),
      [
        ['acme/api#1', 'bo', 2],
        ['acme/api#1', 'cy', 4],
        ['acme/api#2', 'ana', 66],
      ],
    );
    assert.equal(hours(reviewTurnaround.turnaround.p50), 4);
  });

  it('buckets merged PRs by lines changed', () => {
    const { prSize } = measureFlow(INPUT, TWO_WEEKS, NOW);
    assert.deepEqual(prSize.buckets, { xs: 1, s: 1, m: 0, l: 1, xl: 0 });
    assert.deepEqual([prSize.p50, prSize.p85, prSize.p95, prSize.unknown], [35, 35, 35, 0]);
    assert.deepEqual([10, 11, 50, 51, 250, 1000, 1001].map(sizeBucketOf), [
      'xs',
      's',
      's',
      'm',
      'm',
      'l',
      'xl',
    ]);
  });

  it('counts work in progress, blocked issues included, merged and closed PRs not', () => {
    const { wip } = measureFlow(INPUT, TWO_WEEKS, NOW);
    assert.deepEqual(
      wip.items.map((item) => item.ref),
      ['EM-2', 'EM-3', 'acme/web#4'],
    );
    assert.deepEqual(
      [wip.total, wip.pullRequests, wip.issues, wip.owners, wip.perOwner, wip.unowned],
      [3, 1, 2, 2, 1, 1],
    );
    // At h120 (Friday), #2 is open and EM-3 blocked; EM-2 has not started.
    const friday = measureFlow(INPUT, { from: at(0), to: at(120) }, NOW).wip;
    assert.deepEqual(
      friday.items.map((item) => item.ref),
      ['EM-3', 'acme/api#2'],
    );
  });

  it('counts throughput per week: PRs merged and issues done', () => {
    const { throughput } = measureFlow(INPUT, TWO_WEEKS, NOW);
    assert.deepEqual([throughput.total, throughput.pullRequests, throughput.issues], [4, 3, 1]);
    assert.deepEqual(
      throughput.perWeek.map((week) => week.count),
      [3, 1],
    );
  });

  it('gives a person only their own WIP and turnaround', () => {
    const mine = measurePersonalFlow(INPUT, ['ANA', 'acc-ana'], TWO_WEEKS, NOW);
    assert.deepEqual(
      mine.wip.items.map((item) => item.ref),
      ['acme/web#4'],
    );
    assert.deepEqual(
      mine.reviewTurnaround.items.map((item) => [item.ref, item.turnaroundMs / HOUR]),
      [['acme/api#2', 66]],
    );
  });
});
