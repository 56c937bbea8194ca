import assert from 'node:assert/strict';
import { measureDora } from '../../../handlers/metrics/measure-dora.ts';
import type { MetricsInput } from '../../../handlers/metrics/types.ts';
import { HOUR, shuffled, WEEK } from './build-facts.ts';
import { buildDeliveryWeek } from './delivery-week.ts';
import { buildTwoServices, CONFIG } from './two-services.ts';

/** The same facts as webhooks arriving in another order: every list, and each deployment's statuses. */
function reorder(input: MetricsInput, seed: number): MetricsInput {
  return {
    ...input,
    deployments: shuffled(input.deployments, seed).map((d, i) => ({
      ...d,
      statuses: shuffled(d.statuses, seed + i),
    })),
    pushes: shuffled(input.pushes, seed + 1),
    compares: shuffled(input.compares ?? [], seed + 2),
    pullRequests: shuffled(input.pullRequests, seed + 3),
    incidents: shuffled(input.incidents, seed + 4),
  };
}

describe('DORA over one week of acme/api', () => {
  const answer = measureDora(buildDeliveryWeek(), {}, WEEK);

  it('counts four deployments on three days: the redeploy folded, staging ignored', () => {
    const frequency = answer.deploymentFrequency;
    assert.deepEqual(frequency.keys, ['acme/api#1', 'acme/api#2', 'acme/api#4', 'acme/api#5']);
    assert.deepEqual([frequency.count, frequency.perWeek, frequency.deploymentDaysPerWeek], [4, 4, 3]);
    assert.deepEqual(
      [frequency.band.band, frequency.band.next?.band, frequency.band.next?.by],
      ['high', 'elite', 2],
    );
  });

  it('blames the incident on the deployment the rollback undid, and counts the rollback as rework', () => {
    assert.deepEqual(answer.basis.attributions, [
      { incidentId: 'I1', deploymentKey: 'acme/api#4', rule: 'rollback', repos: ['acme/api'] },
    ]);
    assert.equal(answer.changeFailureRate.rate, 0.25);
    assert.equal(answer.changeFailureRate.band?.band, 'high'); // nearest 2024's 20%
    assert.deepEqual(answer.reworkRate.items, [
      { deploymentKey: 'acme/api#5', reasons: ['rollback', 'after-incident'] },
    ]);
    assert.equal(answer.reworkRate.rate, 0.25);
    assert.equal(answer.timeToRestore.mttr.p50, 4 * HOUR);
    assert.equal(answer.timeToRestore.failedDeploymentRecovery.p50, 9 * HOUR);
    assert.equal(answer.leadTime.band?.band, 'elite');
  });

  it('gives the same answer whatever order the facts arrive in (both fixtures)', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      assert.deepStrictEqual(
        measureDora(reorder(buildDeliveryWeek(), seed * 97), {}, WEEK),
        answer,
        `seed ${seed}`,
      );
    }
    const twoServices = measureDora(buildTwoServices(), CONFIG, WEEK);
    for (let seed = 1; seed <= 25; seed += 1) {
      assert.deepStrictEqual(measureDora(reorder(buildTwoServices(), seed * 31), CONFIG, WEEK), twoServices);
    }
  });

  it('names a redeployed deployment’s id as the deployment it was folded into', () => {
    const input = buildDeliveryWeek();
    input.incidents = [{ ...input.incidents[0]!, names: [{ repo: 'acme/api', deploymentId: 3 }] }];
    const named = measureDora(input, {}, WEEK).basis.attributions[0];
    assert.deepEqual(
      [named?.deploymentKey, named && 'rule' in named ? named.rule : undefined],
      ['acme/api#2', 'names-deployment'],
    );
  });
});
