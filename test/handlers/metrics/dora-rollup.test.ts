import assert from 'node:assert/strict';
import { readRollups, rollupIncrements, summarizeForRollup } from '../../../handlers/metrics/dora-rollup.ts';
import { RELATIVE_ACCURACY } from '../../../handlers/metrics/log-histogram.ts';
import { measureDora } from '../../../handlers/metrics/measure-dora.ts';
import type { MetricsConfig, MetricsInput } from '../../../handlers/metrics/types.ts';
import { at } from './build-facts.ts';
import { buildDeliveryWeek } from './delivery-week.ts';
import { generateOrg } from './generate-org.ts';
import { buildTwoServices, CONFIG } from './two-services.ts';

function within(read: number | null, exact: number | null, label: string): void {
  if (exact === null || read === null) {
    assert.equal(read, exact, label);
    return;
  }
  assert.ok(Math.abs(read - exact) <= RELATIVE_ACCURACY * exact + 1e-9, `${label}: ${read} vs ${exact}`);
}

/** The days' rollups of a span, added up, against the exact answer for the whole span. */
function assertRollupsMatchExact(input: MetricsInput, config: MetricsConfig, days: number): void {
  const range = { from: at(0), to: at(days * 24) };
  const exact = measureDora(input, config, range);
  const rollups = Array.from({ length: days }, (_, day) =>
    summarizeForRollup(measureDora(input, config, { from: at(day * 24), to: at(day * 24 + 24) })),
  );
  const read = readRollups(rollups, days / 7);
  assert.equal(read.deployments, exact.deploymentFrequency.count);
  assert.equal(read.deploymentDaysPerWeek, exact.deploymentFrequency.deploymentDaysPerWeek);
  assert.equal(read.changeFailureRate, exact.changeFailureRate.rate);
  assert.equal(read.reworkRate, exact.reworkRate.rate);
  assert.deepEqual(read.prCoverage, exact.leadTime.coverage);
  assert.deepEqual(read.incidentCoverage, exact.changeFailureRate.incidentCoverage);
  assert.deepEqual(read.leftOut, exact.leadTime.leftOut);
  for (const q of ['p50', 'p75', 'p90'] as const)
    within(read.leadTime[q], exact.leadTime.leadTime[q], `lead ${q}`);
  for (const q of ['p50', 'p90'] as const) {
    within(read.mttr[q], exact.timeToRestore.mttr[q], `mttr ${q}`);
    within(
      read.failedDeploymentRecovery[q],
      exact.timeToRestore.failedDeploymentRecovery[q],
      `recovery ${q}`,
    );
  }
  assert.equal(read.bands.deploymentFrequency.band, exact.deploymentFrequency.band.band);
}

describe('DORA rollups', () => {
  it('add up, day by day, to the exact answer for the week (both fixtures)', () => {
    assertRollupsMatchExact(buildDeliveryWeek(), {}, 7);
    assertRollupsMatchExact(buildTwoServices(), CONFIG, 7);
  });

  it('add up to the exact answer on a generated org over four weeks, within the histogram’s 1%', () => {
    const org = generateOrg(2026, 6, 28);
    assert.ok(org.pullRequests.length > 300 && org.deployments.length > 100 && org.incidents.length > 10);
    assertRollupsMatchExact(org, {}, 28);
  });

  it('become a flat $inc of counts and histogram buckets', () => {
    const day = summarizeForRollup(measureDora(buildDeliveryWeek(), {}, { from: at(0), to: at(24) }));
    const increments = rollupIncrements(day);
    // Monday: D1 and D2 on one day; #11 (18 h) and #12 (15 h) shipped; #10 left out.
    assert.equal(increments['counts.deployments'], 2);
    assert.equal(increments['counts.deploymentDays'], 1);
    assert.equal(increments['counts.linkedPrs'], 2);
    assert.equal(increments['counts.leftOutBeforeFirstDeployment'], 1);
    assert.equal(increments['counts.incidents'], undefined);
    const leadBuckets = Object.keys(increments).filter((key) => key.startsWith('hist.leadTime.'));
    assert.equal(leadBuckets.length, 2);
    assert.ok(leadBuckets.every((key) => /^hist\.leadTime\.-?\d+$/.test(key)));
  });
});
