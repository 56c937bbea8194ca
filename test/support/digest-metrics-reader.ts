import { readRollups, type DoraFromRollups } from '../../handlers/metrics/dora-rollup.ts';
import type { MetricsReader } from '../../handlers/metrics/ports.ts';

const HOUR = 3600_000;
const NONE = readRollups([], 1);

/** One week's headline figures as the rollups would give them: deployments and lead time, a third linked. */
export function weekFigures(deployments: number, leadTimeHours: number): DoraFromRollups {
  return {
    ...NONE,
    deployments,
    perWeek: deployments,
    leadTime: { p50: leadTimeHours * HOUR, p75: null, p90: null },
    prCoverage: { linked: 3, total: 10, share: 0.3 },
  };
}

/**
 * A MetricsReader for the digest jobs' tests: one tenant's team has figures per week (keyed by the week's
 * Monday), everything else reads an empty history. The digest reads only `readDora`.
 */
export function createWeeklyMetricsReader(
  tenantId: string,
  team: string,
  weeks: Record<string, DoraFromRollups>,
): MetricsReader {
  const readDora: MetricsReader['readDora'] = async (asked, scope, range) => {
    const mine = asked === tenantId && scope.kind === 'team' && scope.team === team;
    return (mine && weeks[range.from.toISOString().slice(0, 10)]) || NONE;
  };
  return {
    readDora,
    readDoraRanges: (asked, scope, ranges) =>
      Promise.all(ranges.map((range) => readDora(asked, scope, range))),
    async explainDora() {
      throw new Error('the digest does not explain figures');
    },
    async settingsOf() {
      return { reportYear: 2024 };
    },
  };
}
