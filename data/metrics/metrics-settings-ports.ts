import type { FlowSettings } from '../../handlers/flow/flow-ports.ts';
import type { MetricsSettingsPorts } from '../../handlers/metrics/metrics-settings.ts';
import type { Models } from '../models/index.ts';
import { createTriagePeople } from '../triage/triage-people.ts';
import type { MetricsRollupUpdates } from './metrics-rollup-updates.ts';
import type { MetricsSettingsStore } from './mongo-metrics-settings.ts';

/** `metrics settings` on the database: the settings document, the known repositories and the rollups' marks. */
export function createMetricsSettingsPorts(deps: {
  models: Models;
  store: MetricsSettingsStore;
  rollups: Pick<MetricsRollupUpdates, 'markAll'>;
  flowDefaults: FlowSettings;
}): MetricsSettingsPorts {
  return {
    storedOf: deps.store.storedOf,
    edit: deps.store.edit,
    mapService: deps.store.mapService,
    mapTeam: deps.store.mapTeam,
    findRepo: createTriagePeople(deps.models).findRepo,
    markForRebuild: (tenantId) => deps.rollups.markAll(tenantId),
    flowDefaults: deps.flowDefaults,
  };
}
