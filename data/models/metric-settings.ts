import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** A name and the repositories it maps to: maps are kept as entries, since names may hold dots. */
export interface RepoListEntry {
  name: string;
  repos: string[];
}

/**
 * A tenant's delivery-metrics and flow settings (`metric_settings`), `_id` the tenant id. Absent fields keep
 * the engine's defaults (handlers/metrics/types.ts MetricsConfig); data/metrics/mongo-metrics-settings.ts
 * reads it.
 */
export interface MetricSettingsFields {
  _id: string;
  tenantId: string;
  /** Repository → its production environment names. */
  productionEnvironments?: { repo: string; environments: string[] }[];
  deploymentSignals?: { repo: string; kind: 'deployment' | 'release' | 'workflow'; workflow?: string }[];
  attributionWindowMs?: number;
  /** PagerDuty service id or name → repositories (`em-agent services map`). */
  serviceRepos?: RepoListEntry[];
  commitCutoff?: Date;
  hotfixLabels?: string[];
  hotfixBranchPrefixes?: string[];
  reportYear?: number;
  /** Team name (lower-case) → repositories. */
  teamRepos?: RepoListEntry[];
  /** Flow's age mode and status mapping; absent, FLOW_AGE_MODE and FLOW_STATUS_STATES apply. */
  flowAgeMode?: 'calendar' | 'working';
  flowStatusStates?: { status: string; state: 'active' | 'waiting' }[];
  /** Who changed them last (`surface:userId`, from `metrics set` in chat). */
  updatedBy?: string;
  updatedAt: Date;
}

export type MetricSettingsModel = Model<MetricSettingsFields>;

const entry = new Schema<RepoListEntry>({ name: String, repos: [String] }, { _id: false });
const schema = new Schema<MetricSettingsFields>(
  {
    _id: { type: String, required: true },
    productionEnvironments: {
      type: [new Schema({ repo: String, environments: [String] }, { _id: false })],
      default: undefined,
    },
    deploymentSignals: {
      type: [new Schema({ repo: String, kind: String, workflow: String }, { _id: false })],
      default: undefined,
    },
    attributionWindowMs: Number,
    serviceRepos: { type: [entry], default: undefined },
    commitCutoff: Date,
    hotfixLabels: { type: [String], default: undefined },
    hotfixBranchPrefixes: { type: [String], default: undefined },
    reportYear: Number,
    teamRepos: { type: [entry], default: undefined },
    flowAgeMode: String,
    flowStatusStates: {
      type: [new Schema({ status: String, state: String }, { _id: false })],
      default: undefined,
    },
    updatedBy: String,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'metric_settings', versionKey: false },
);
schema.plugin(tenantScoped);

export function defineMetricSettingsModel(connection: Connection): MetricSettingsModel {
  return (
    (connection.models.MetricSettings as MetricSettingsModel | undefined) ??
    connection.model<MetricSettingsFields>('MetricSettings', schema)
  );
}
