import type { CountedDeployment, TimeRange } from './types.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface DeploymentFrequency {
  count: number;
  weeks: number;
  perWeek: number;
  /** Distinct UTC days with at least one deployment, per week: what the band reads. */
  deploymentDaysPerWeek: number;
  keys: string[];
}

export function measureDeploymentFrequency(
  deployments: readonly CountedDeployment[],
  range: TimeRange,
): DeploymentFrequency {
  const inRange = deployments.filter((d) => d.at >= range.from && d.at < range.to);
  const weeks = (range.to.getTime() - range.from.getTime()) / WEEK_MS;
  if (!(weeks > 0)) throw new RangeError('the range must end after it starts');
  const days = new Set(inRange.map((d) => d.at.toISOString().slice(0, 10)));
  return {
    count: inRange.length,
    weeks,
    perWeek: inRange.length / weeks,
    deploymentDaysPerWeek: days.size / weeks,
    keys: inRange.map((d) => d.key),
  };
}
