import assert from 'node:assert/strict';
import { checkCostLimit } from '../../../handlers/policy/check-cost-limit.ts';
import { TEAM_POLICY, TEAM_POLICY_YAML, policyFrom } from './policies.ts';

describe('checkCostLimit', () => {
  it('allows a call under the cap and says what is left', () => {
    assert.deepEqual(checkCostLimit(TEAM_POLICY, 120, 0.5), { allowed: true, remainingUsd: 79.5 });
  });

  it('allows a call that lands exactly on the cap, without float drift', () => {
    assert.deepEqual(checkCostLimit(TEAM_POLICY, 199.9, 0.1), { allowed: true, remainingUsd: 0 });
    const tiny = policyFrom(
      TEAM_POLICY_YAML.replace('max_monthly_cost_usd: 200', 'max_monthly_cost_usd: 0.3'),
    );
    assert.equal(checkCostLimit(tiny, 0.1, 0.2).allowed, true);
  });

  it('refuses a call that would go over the cap, naming the cap', () => {
    assert.deepEqual(checkCostLimit(TEAM_POLICY, 199.5, 0.8), {
      allowed: false,
      capUsd: 200,
      reason:
        "This would cost about $0.80 and go over this month's AI spending cap of $200.00 ($199.50 spent so far).",
    });
  });

  it('refuses once the cap is reached, even a call estimated at nothing', () => {
    assert.deepEqual(checkCostLimit(TEAM_POLICY, 200, 0), {
      allowed: false,
      capUsd: 200,
      reason:
        "This month's AI spending cap of $200.00 has been reached ($200.00 spent), so I can't use the language model again until next month.",
    });
    assert.equal(checkCostLimit(TEAM_POLICY, 250.25, 0.01).allowed, false);
  });

  it('turns the language model off with a cap of 0', () => {
    const off = policyFrom(TEAM_POLICY_YAML.replace('max_monthly_cost_usd: 200', 'max_monthly_cost_usd: 0'));
    const verdict = checkCostLimit(off, 0, 0);
    assert.equal(verdict.allowed, false);
    assert.match(verdict.allowed ? '' : verdict.reason, /cap of \$0\.00 has been reached/);
  });

  it('shows fractions of a cent for tiny estimates', () => {
    const verdict = checkCostLimit(TEAM_POLICY, 199.999, 0.004);
    assert.match(verdict.allowed ? '' : verdict.reason, /^This would cost about \$0\.004 and go over/);
  });

  it('throws on amounts that are negative or not numbers rather than letting them through', () => {
    assert.throws(
      () => checkCostLimit(TEAM_POLICY, Number.NaN, 1),
      /spentThisMonthUsd must be a finite amount/,
    );
    assert.throws(() => checkCostLimit(TEAM_POLICY, 1, -0.5), /estimateUsd must be a finite amount/);
    assert.throws(() => checkCostLimit(TEAM_POLICY, 1, Number.POSITIVE_INFINITY), RangeError);
  });
});
