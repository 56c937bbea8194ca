import type { Policy } from './policy-schema.ts';

export type CostVerdict =
  { allowed: true; remainingUsd: number } | { allowed: false; capUsd: number; reason: string };

/** Dollars compared in millionths, so that 0.1 + 0.2 does not exceed a 0.3 cap. */
function micros(usd: number): number {
  return Math.round(usd * 1_000_000);
}

function formatUsd(usd: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: usd > 0 && usd < 0.01 ? 4 : 2,
  }).format(usd);
}

/**
 * May the LLM gateway spend about `estimateUsd` more, having spent `spentThisMonthUsd` this month, under
 * `limits.max_monthly_cost_usd`? Refuses once the cap is reached (so a cap of 0 turns the LLM off) or when
 * the call would go over it, with a sentence naming the cap that can be shown to people.
 * Throws a RangeError for a negative or non-finite amount rather than letting it through.
 */
export function checkCostLimit(policy: Policy, spentThisMonthUsd: number, estimateUsd: number): CostVerdict {
  for (const [name, value] of [
    ['spentThisMonthUsd', spentThisMonthUsd],
    ['estimateUsd', estimateUsd],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`${name} must be a finite amount of dollars, at least 0 (got ${value})`);
    }
  }
  const capUsd = policy.limits.max_monthly_cost_usd;
  const cap = formatUsd(capUsd);
  if (micros(spentThisMonthUsd) >= micros(capUsd)) {
    return {
      allowed: false,
      capUsd,
      reason: `This month's AI spending cap of ${cap} has been reached (${formatUsd(spentThisMonthUsd)} spent), so I can't use the language model again until next month.`,
    };
  }
  if (micros(spentThisMonthUsd) + micros(estimateUsd) > micros(capUsd)) {
    return {
      allowed: false,
      capUsd,
      reason: `This would cost about ${formatUsd(estimateUsd)} and go over this month's AI spending cap of ${cap} (${formatUsd(spentThisMonthUsd)} spent so far).`,
    };
  }
  return {
    allowed: true,
    remainingUsd: (micros(capUsd) - micros(spentThisMonthUsd) - micros(estimateUsd)) / 1_000_000,
  };
}
