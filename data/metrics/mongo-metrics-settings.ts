import { upsertRetryingRace } from '../db/duplicate-key.ts';
import type { ReportYear } from '../../handlers/metrics/bands.ts';
import type { TenantMetricsSettings } from '../../handlers/metrics/ports.ts';
import type { MetricsConfig } from '../../handlers/metrics/types.ts';
import type { MetricSettingsFields, MetricSettingsModel, RepoListEntry } from '../models/metric-settings.ts';

export const DEFAULT_REPORT_YEAR: ReportYear = 2024;
const YEARS: readonly number[] = [2021, 2023, 2024];

const toRecord = (entries: RepoListEntry[] | undefined) =>
  entries ? Object.fromEntries(entries.map((entry) => [entry.name, entry.repos])) : undefined;

/** The stored settings as the engine and the surfaces read them; absent ones keep the engine's defaults. */
export function toTenantSettings(stored: Partial<MetricSettingsFields> | null): TenantMetricsSettings {
  const serviceRepos = toRecord(stored?.serviceRepos);
  const teamRepos = toRecord(stored?.teamRepos);
  const config: MetricsConfig = {
    ...(stored?.productionEnvironments
      ? {
          productionEnvironments: Object.fromEntries(
            stored.productionEnvironments.map((entry) => [entry.repo, entry.environments]),
          ),
        }
      : {}),
    ...(stored?.deploymentSignals
      ? {
          deploymentSignal: Object.fromEntries(
            stored.deploymentSignals.map((entry) => [
              entry.repo,
              entry.kind === 'workflow'
                ? { kind: 'workflow' as const, name: entry.workflow ?? '' }
                : { kind: entry.kind },
            ]),
          ),
        }
      : {}),
    ...(stored?.attributionWindowMs ? { attributionWindowMs: stored.attributionWindowMs } : {}),
    ...(serviceRepos ? { serviceRepos } : {}),
    ...(stored?.commitCutoff ? { commitCutoff: stored.commitCutoff } : {}),
    ...(stored?.hotfixLabels ? { hotfixLabels: stored.hotfixLabels } : {}),
    ...(stored?.hotfixBranchPrefixes ? { hotfixBranchPrefixes: stored.hotfixBranchPrefixes } : {}),
  };
  const year = stored?.reportYear;
  return {
    ...config,
    reportYear: year !== undefined && YEARS.includes(year) ? (year as ReportYear) : DEFAULT_REPORT_YEAR,
    ...(teamRepos ? { teamRepos } : {}),
  };
}

/** The tenant's metrics settings (`metric_settings`, one document per tenant, by `_id`). */
export function createMetricsSettingsStore(model: MetricSettingsModel) {
  const read = async (tenantId: string) => model.findOne({ tenantId, _id: tenantId }).lean();
  async function replaceEntry(
    tenantId: string,
    field: 'serviceRepos' | 'teamRepos',
    name: string,
    repos: readonly string[],
  ): Promise<void> {
    const current = (await read(tenantId))?.[field] ?? [];
    const next = [
      ...current.filter((entry) => entry.name !== name),
      ...(repos.length > 0 ? [{ name, repos: [...new Set(repos)].sort() }] : []),
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    await upsertRetryingRace(() =>
      model.updateOne(
        { tenantId, _id: tenantId },
        { $set: { [field]: next, updatedAt: new Date() } },
        { upsert: true },
      ),
    );
  }
  return {
    async settingsOf(tenantId: string): Promise<TenantMetricsSettings> {
      return toTenantSettings(await read(tenantId));
    },
    /** `services map`: the service (PagerDuty id or name) → these repositories; none removes the entry. */
    mapService: (tenantId: string, service: string, repos: readonly string[]) =>
      replaceEntry(tenantId, 'serviceRepos', service, repos),
    mapTeam: (tenantId: string, team: string, repos: readonly string[]) =>
      replaceEntry(tenantId, 'teamRepos', team.toLowerCase(), repos),
    async update(tenantId: string, fields: Partial<Omit<MetricSettingsFields, '_id' | 'tenantId'>>) {
      await upsertRetryingRace(() =>
        model.updateOne(
          { tenantId, _id: tenantId },
          { $set: { ...fields, updatedAt: new Date() } },
          { upsert: true },
        ),
      );
    },
  };
}

export type MetricsSettingsStore = ReturnType<typeof createMetricsSettingsStore>;
