import { Schema, type Connection, type HydratedDocument, type Model } from 'mongoose';
import { upsertRetryingRace } from '../db/duplicate-key.ts';
import { tenantScoped } from '../db/tenant-scoped.ts';

export type TenantSource = 'slack' | 'teams' | 'demo';

export interface TenantFields {
  /** Slack team id, Teams (Entra) tenant id, or `demo`. */
  tenantId: string;
  source: TenantSource;
  name?: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Per-tenant webhook secrets for multi-tenant installs (`/webhooks/<source>/<tenantId>`). */
  webhookSecrets?: { github?: string; jira?: string; pagerduty?: string };
  /** The secret a rotation replaced, still accepted until `until` so deliveries signed before the switch pass. */
  previousWebhookSecrets?: {
    github?: { secret: string; until: Date };
    jira?: { secret: string; until: Date };
    pagerduty?: { secret: string; until: Date };
  };
  /** A Jira Connect installation's client key: the `iss` its JWT-signed webhooks must carry. */
  jiraClientKey?: string;
  /** The demo dataset version loaded into this tenant (demo tenant only). */
  demoDataset?: string;
  /** How far the demo's times were moved forward when it was loaded (kept so a reload after a crash agrees). */
  demoTimeOffsetMs?: number;
  /** The last day (YYYY-MM-DD) whose demo activity has all been delivered (jobs/demo-activity.ts). */
  demoActivityThrough?: string;
}

export interface TenantModel extends Model<TenantFields> {
  /** Creates the tenant on first sight and records when it was last seen; safe to call concurrently. */
  ensure(tenantId: string, source: TenantSource, name?: string): Promise<HydratedDocument<TenantFields>>;
}

const tenantSchema = new Schema<TenantFields, TenantModel>(
  {
    source: { type: String, enum: ['slack', 'teams', 'demo'], required: true },
    name: { type: String },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    webhookSecrets: { github: String, jira: String, pagerduty: String },
    previousWebhookSecrets: {
      github: { secret: String, until: Date },
      jira: { secret: String, until: Date },
      pagerduty: { secret: String, until: Date },
    },
    jiraClientKey: { type: String },
    demoDataset: { type: String },
    demoTimeOffsetMs: { type: Number },
    demoActivityThrough: { type: String },
  },
  {
    collection: 'tenants',
    statics: {
      async ensure(tenantId: string, source: TenantSource, name?: string) {
        const now = new Date();
        // Two first sightings at once race to create it.
        return upsertRetryingRace(() =>
          this.findOneAndUpdate(
            { tenantId },
            {
              $setOnInsert: { tenantId, source, createdAt: now },
              $set: { lastSeenAt: now, ...(name ? { name } : {}) },
            },
            { upsert: true, returnDocument: 'after' },
          ).orFail(),
        );
      },
    },
  },
);
tenantSchema.plugin(tenantScoped);
tenantSchema.index({ tenantId: 1 }, { unique: true });

export function defineTenantModel(connection: Connection): TenantModel {
  return connection.model<TenantFields, TenantModel>('Tenant', tenantSchema);
}
