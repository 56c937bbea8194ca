import type { ReportYear } from './bands.ts';
import type { DoraFromRollups } from './dora-rollup.ts';
import type { DoraAnswer } from './measure-dora.ts';
import type { MetricsConfig, TimeRange } from './types.ts';

/**
 * What a metrics question is about. A team is a standup's name; its repositories are the ones configured for
 * it (`metrics settings`), else those its members' merged PRs went to; its services are the ones mapped to
 * those repositories. Rollups are stored per repository and per service; a team or the tenant adds them up.
 */
export type MetricsScope =
  | { kind: 'tenant' }
  | { kind: 'team'; team: string }
  | { kind: 'repo'; repo: string }
  | { kind: 'service'; service: string };

/** A tenant's metrics configuration: the engine's config plus what only the surfaces need. */
export interface TenantMetricsSettings extends MetricsConfig {
  reportYear: ReportYear;
  /** Team name (lower-case) → repositories, overriding the ones read from its members' PRs. */
  teamRepos?: Record<string, string[]>;
}

/** Reads delivery metrics for one tenant (data/metrics/ implements it on the database). */
export interface MetricsReader {
  /** The headline figures of a range, from the stored daily rollups: fast at any range. */
  readDora(tenantId: string, scope: MetricsScope, range: TimeRange): Promise<DoraFromRollups>;
  /** readDora of several ranges of one scope (a view's range, the period before, its weeks) in one read. */
  readDoraRanges(
    tenantId: string,
    scope: MetricsScope,
    ranges: readonly TimeRange[],
  ): Promise<DoraFromRollups[]>;
  /** The exact answer with its basis (the items behind every figure), for "why this number?". */
  explainDora(tenantId: string, scope: MetricsScope, range: TimeRange): Promise<DoraAnswer>;
  settingsOf(tenantId: string): Promise<TenantMetricsSettings>;
}
