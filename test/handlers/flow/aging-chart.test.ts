import assert from 'node:assert/strict';
import { agingChartOf } from '../../../handlers/flow/build-flow-view.ts';
import { calendarDuration, type FlowPullRequest } from '../../../handlers/metrics/flow-types.ts';
import { at } from '../metrics/build-facts.ts';

const NOW = at(1000);
const pr = (number: number, openedAt: Date, mergedAt?: Date): FlowPullRequest => ({
  repo: 'acme/api',
  number,
  openedAt,
  reviews: [],
  ...(mergedAt ? { mergedAt } : {}),
});
/** Ten merged PRs of 10, 20, … 100 hours, and four open ones aged 200, 85, 60 and 5 hours. */
const PULLS = [
  ...Array.from({ length: 10 }, (_, i) => pr(i + 1, at(0), at(10 * (i + 1)))),
  pr(21, at(1000 - 60)),
  pr(22, at(1000 - 200)),
  pr(23, at(1000 - 5)),
  pr(24, at(1000 - 85)),
];
const input = (pulls: FlowPullRequest[]) => ({
  pulls,
  issues: [],
  config: { statusCategories: {}, statusStates: {} },
});

describe('the aging-WIP chart data of /flow', () => {
  it('lists items in progress oldest first, with the percentiles of every finished cycle time', () => {
    const chart = agingChartOf(input(PULLS), NOW, calendarDuration);
    assert.deepEqual(
      chart.items.map((item) => [item.id, item.ageHours]),
      [
        ['acme/api#22', 200],
        ['acme/api#24', 85],
        ['acme/api#21', 60],
        ['acme/api#23', 5],
      ],
    );
    // exactQuantile over 10..100 h: indices 4, 7 and 8.
    assert.deepEqual(chart.percentiles, { p50Hours: 50, p85Hours: 80, p95Hours: 90 });
    assert.equal(chart.inProgress, 4);
  });

  it('keeps the oldest items only, and draws no lines when fewer than five have finished', () => {
    const chart = agingChartOf(input(PULLS.slice(6)), NOW, calendarDuration, 2);
    assert.deepEqual(
      chart.items.map((item) => item.id),
      ['acme/api#22', 'acme/api#24'],
    );
    assert.equal(chart.inProgress, 4);
    assert.equal(chart.percentiles, undefined);
  });
});
