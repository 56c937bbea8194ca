import assert from 'node:assert/strict';
import { mergeRollups, summarizeForRollup } from '../../../handlers/metrics/dora-rollup.ts';
import { measureDora } from '../../../handlers/metrics/measure-dora.ts';
import { dayOf, splitRollupsByDay } from '../../../handlers/metrics/split-rollups.ts';
import type { MetricsConfig, MetricsInput } from '../../../handlers/metrics/types.ts';
import { at } from './build-facts.ts';
import { buildDeliveryWeek } from './delivery-week.ts';
import { generateOrg } from './generate-org.ts';
import { buildTwoServices, CONFIG } from './two-services.ts';

/** One answer over the span, split by scope and day, against each day measured exactly on its own. */
function assertSplitMatchesDays(input: MetricsInput, config: MetricsConfig, days: number): number {
  const split = splitRollupsByDay(
    measureDora(input, config, { from: at(0), to: at(days * 24) }),
    input.incidents,
  );
  for (let day = 0; day < days; day += 1) {
    const exact = summarizeForRollup(
      measureDora(input, config, { from: at(day * 24), to: at(day * 24 + 24) }),
    );
    const ofDay = split.filter((rollup) => rollup.day === dayOf(at(day * 24)));
    const merged = mergeRollups(ofDay.map((rollup) => rollup.rollup));
    // Repositories deploying on the same day each count it; a reader adding them counts the day once.
    merged.counts.deploymentDays = Math.min(1, merged.counts.deploymentDays);
    assert.deepEqual(merged, exact, `day ${day}`);
  }
  return split.length;
}

describe('DORA rollups split by scope and day', () => {
  it('add up, per day, to the exact day on both fixtures', () => {
    assert.ok(assertSplitMatchesDays(buildDeliveryWeek(), {}, 7) > 3);
    assert.ok(assertSplitMatchesDays(buildTwoServices(), CONFIG, 7) > 3);
  });

  it('add up, per day, to the exact day on a generated org over four weeks', () => {
    const org = generateOrg(7, 6, 28);
    const split = assertSplitMatchesDays(org, {}, 28);
    assert.ok(split > 6 * 20, `${split} scoped days`);
  });

  it('put deployments on repositories and incidents on services', () => {
    const org = generateOrg(7, 3, 14);
    const split = splitRollupsByDay(measureDora(org, {}, { from: at(0), to: at(14 * 24) }), org.incidents);
    assert.ok(split.filter((r) => r.kind === 'service').every((r) => r.rollup.counts.deployments === 0));
    assert.ok(split.filter((r) => r.kind === 'repo').every((r) => r.rollup.counts.incidents === 0));
    assert.ok(split.some((r) => r.kind === 'service' && r.rollup.counts.incidents > 0));
  });
});
