import { upsertRetryingRace } from '../db/duplicate-key.ts';
import {
  DEFAULT_REPORT_YEAR,
  REPORT_YEARS,
  type MetricsSettingEdit,
  type StoredMetricsSettings,
} from '../../handlers/metrics/metrics-settings.ts';
import type { TenantMetricsSettings } from '../../handlers/metrics/ports.ts';
import type { MetricSettingsFields, MetricSettingsModel, RepoListEntry } from '../models/metric-settings.ts';

const toRecord = (entries: RepoListEntry[] | undefined) =>
  entries ? Object.fromEntries(entries.map((entry) => [entry.name, entry.repos])) : undefined;

const byName =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** What the tenant set, as the handlers read it: absent fields (and unknown stored values) are left out. */
export function toStoredSettings(stored: Partial<MetricSettingsFields> | null): StoredMetricsSettings {
  const serviceRepos = toRecord(stored?.serviceRepos);
  const teamRepos = toRecord(stored?.teamRepos);
  const year = REPORT_YEARS.find((known) => known === stored?.reportYear);
  const mode = stored?.flowAgeMode;
  return {
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
    ...(year ? { reportYear: year } : {}),
    ...(teamRepos ? { teamRepos } : {}),
    ...(mode === 'calendar' || mode === 'working' ? { flowAgeMode: mode } : {}),
    ...(stored?.flowStatusStates
      ? {
          flowStatusStates: Object.fromEntries(
            stored.flowStatusStates.map((entry) => [entry.status, entry.state]),
          ),
        }
      : {}),
  };
}

/** The stored settings as the engine and the surfaces read them; absent ones keep the engine's defaults. */
export function toTenantSettings(stored: Partial<MetricSettingsFields> | null): TenantMetricsSettings {
  // Flow's settings are read by the flow ports (their defaults come from the environment).
  const { flowAgeMode: _mode, flowStatusStates: _states, reportYear, ...config } = toStoredSettings(stored);
  return { ...config, reportYear: reportYear ?? DEFAULT_REPORT_YEAR };
}

/** The `$set` / `$unset` of one edit; per-repository lists are rewritten whole (entries, as repos hold dots). */
function updateOf(
  edit: MetricsSettingEdit,
  current: Partial<MetricSettingsFields> | null,
): { $set: Record<string, unknown>; $unset?: Record<string, 1> } {
  if (edit.field === 'productionEnvironments') {
    const others = (current?.productionEnvironments ?? []).filter((entry) => entry.repo !== edit.repo);
    const next = [...others, ...(edit.value ? [{ repo: edit.repo, environments: edit.value }] : [])];
    return { $set: { productionEnvironments: next.sort(byName((entry) => entry.repo)) } };
  }
  if (edit.field === 'deploymentSignal') {
    const others = (current?.deploymentSignals ?? []).filter((entry) => entry.repo !== edit.repo);
    const signal = edit.value;
    const next = [
      ...others,
      ...(signal
        ? [
            signal.kind === 'workflow'
              ? { repo: edit.repo, kind: signal.kind, workflow: signal.name }
              : { repo: edit.repo, kind: signal.kind },
          ]
        : []),
    ];
    return { $set: { deploymentSignals: next.sort(byName((entry) => entry.repo)) } };
  }
  if (edit.value === undefined) return { $set: {}, $unset: { [edit.field]: 1 } };
  if (edit.field === 'flowStatusStates')
    return {
      $set: {
        flowStatusStates: Object.entries(edit.value).map(([status, state]) => ({ status, state })),
      },
    };
  return { $set: { [edit.field]: edit.value } };
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
    ].sort(byName((entry) => entry.name));
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
    async storedOf(tenantId: string): Promise<StoredMetricsSettings> {
      return toStoredSettings(await read(tenantId));
    },
    /** `services map`: the service (PagerDuty id or name) → these repositories; none removes the entry. */
    mapService: (tenantId: string, service: string, repos: readonly string[]) =>
      replaceEntry(tenantId, 'serviceRepos', service, repos),
    mapTeam: (tenantId: string, team: string, repos: readonly string[]) =>
      replaceEntry(tenantId, 'teamRepos', team.toLowerCase(), repos),
    /** One setting changed (`metrics set` / `unset`); a per-repository list is read, changed and written whole. */
    async edit(tenantId: string, edit: MetricsSettingEdit, updatedBy: string): Promise<void> {
      const { $set, $unset } = updateOf(edit, await read(tenantId));
      await upsertRetryingRace(() =>
        model.updateOne(
          { tenantId, _id: tenantId },
          { $set: { ...$set, updatedBy, updatedAt: new Date() }, ...($unset ? { $unset } : {}) },
          { upsert: true },
        ),
      );
    },
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
