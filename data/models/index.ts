import type { Connection } from 'mongoose';
import { defineApiTokenModel } from './api-token.ts';
import { defineAuditEventModel } from './audit-event.ts';
import { defineIngestModels } from './ingest-models.ts';
import { defineTenantModel } from './tenant.ts';

export type Models = ReturnType<typeof defineModels>;

/** Binds every schema to one connection (tests open one connection per database). */
export function defineModels(connection: Connection) {
  return {
    Tenant: defineTenantModel(connection),
    AuditEvent: defineAuditEventModel(connection),
    ApiToken: defineApiTokenModel(connection),
    ...defineIngestModels(connection),
  };
}

/** Builds the indexes the schemas declare; unique indexes guard idempotency, so wait for them. */
export async function ensureIndexes(models: Models): Promise<void> {
  await Promise.all(Object.values(models).map((model) => model.createIndexes()));
}
