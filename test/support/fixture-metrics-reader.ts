import type { ReportYear } from '../../handlers/metrics/bands.ts';
import { readRollups, summarizeForRollup } from '../../handlers/metrics/dora-rollup.ts';
import { measureDora } from '../../handlers/metrics/measure-dora.ts';
import type { MetricsReader, MetricsScope, TenantMetricsSettings } from '../../handlers/metrics/ports.ts';
import { findServiceRepos } from '../../handlers/metrics/service-repos.ts';
import type { MetricsConfig, MetricsInput, TimeRange } from '../../handlers/metrics/types.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface FixtureReaderOptions {
  config?: MetricsConfig;
  reportYear?: ReportYear;
  teamRepos?: Record<string, string[]>;
  /** The one tenant with data; any other tenant reads an empty history. */
  tenantId: string;
}

/**
 * A MetricsReader for tests before (and beside) the database one: every answer is measureDora on an in-memory
 * MetricsInput fixture, readDora going through a rollup of the range as the stored daily rollups do. Not a
 * fake of the database: it is the pure engine, the same numbers data/metrics/ stores.
 */
export function createFixtureMetricsReader(
  input: MetricsInput,
  options: FixtureReaderOptions,
): MetricsReader {
  const config = options.config ?? {};
  const year = options.reportYear ?? 2024;
  const empty: MetricsInput = { deployments: [], pushes: [], pullRequests: [], incidents: [] };
  const allRepos = [
    ...new Set([...input.deployments.map((d) => d.repo), ...input.pullRequests.map((pr) => pr.repo)]),
  ];
  const reposOf = (scope: MetricsScope): string[] | undefined => {
    switch (scope.kind) {
      case 'tenant':
        return undefined;
      case 'repo':
        return [scope.repo];
      case 'team':
        return options.teamRepos?.[scope.team.toLowerCase()] ?? [];
      case 'service':
        return findServiceRepos(
          { incidentId: '', serviceName: scope.service, triggeredAt: new Date(0) },
          allRepos,
          config,
        );
    }
  };
  const inputOf = (tenantId: string, scope: MetricsScope): MetricsInput => {
    if (tenantId !== options.tenantId) return empty;
    const repos = reposOf(scope);
    if (!repos) return input;
    const keep = new Set(repos);
    return {
      ...input,
      deployments: input.deployments.filter((d) => keep.has(d.repo)),
      pushes: input.pushes.filter((p) => keep.has(p.repo)),
      compares: (input.compares ?? []).filter((c) => keep.has(c.repo)),
      pullRequests: input.pullRequests.filter((pr) => keep.has(pr.repo)),
      incidents: input.incidents.filter((incident) =>
        findServiceRepos(incident, allRepos, config).some((repo) => keep.has(repo)),
      ),
    };
  };
  const readDora = async (tenantId: string, scope: MetricsScope, range: TimeRange) => {
    const answer = measureDora(inputOf(tenantId, scope), config, range, year);
    return readRollups(
      [summarizeForRollup(answer)],
      (range.to.getTime() - range.from.getTime()) / WEEK_MS,
      year,
    );
  };
  return {
    readDora,
    readDoraRanges: (tenantId, scope, ranges) =>
      Promise.all(ranges.map((range) => readDora(tenantId, scope, range))),
    async explainDora(tenantId, scope, range) {
      return measureDora(inputOf(tenantId, scope), config, range, year);
    },
    async settingsOf(): Promise<TenantMetricsSettings> {
      return { ...config, reportYear: year, ...(options.teamRepos ? { teamRepos: options.teamRepos } : {}) };
    },
  };
}
