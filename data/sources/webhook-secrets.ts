import { randomBytes } from 'node:crypto';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { TenantModel } from '../models/tenant.ts';
import type { SourceName } from './types.ts';

/** A fresh webhook secret: 32 random bytes as hex, what `openssl rand -hex 32` gives. */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('hex');
}

export class UnknownTenantError extends Error {
  override name = 'UnknownTenantError';
}

async function currentSecrets(Tenant: TenantModel, tenantId: string) {
  const tenant = await Tenant.findOne(
    { tenantId },
    { tenantId: 1, webhookSecrets: 1, previousWebhookSecrets: 1, jiraClientKey: 1 },
  ).lean();
  if (!tenant) throw new UnknownTenantError(`unknown tenant "${tenantId}"`);
  return tenant;
}

/** Sets a tenant's secret for one source, ending any rotation grace period (the old secret stops working now). */
export async function setWebhookSecret(
  Tenant: TenantModel,
  tenantId: string,
  source: SourceName,
  secret: string,
  jiraClientKey?: string,
): Promise<void> {
  await currentSecrets(Tenant, tenantId);
  await Tenant.updateOne(
    { tenantId },
    {
      $set: { [`webhookSecrets.${source}`]: secret, ...(jiraClientKey ? { jiraClientKey } : {}) },
      $unset: { [`previousWebhookSecrets.${source}`]: '' },
    },
  );
}

/**
 * Replaces a tenant's secret and keeps the replaced one valid until `until`, so deliveries the provider signs
 * with the old secret (before the new one is pasted in, or retries of earlier deliveries) still pass meanwhile.
 */
export async function rotateWebhookSecret(
  Tenant: TenantModel,
  tenantId: string,
  source: SourceName,
  secret: string,
  until: Date,
): Promise<void> {
  const tenant = await currentSecrets(Tenant, tenantId);
  const old = tenant.webhookSecrets?.[source];
  if (!old)
    throw new UnknownTenantError(`tenant "${tenantId}" has no ${source} secret to rotate: use set-secret`);
  await Tenant.updateOne(
    { tenantId },
    {
      $set: {
        [`webhookSecrets.${source}`]: secret,
        [`previousWebhookSecrets.${source}`]: { secret: old, until },
      },
    },
  );
}

export interface WebhookSecretStatus {
  tenantId: string;
  source: SourceName;
  configured: boolean;
  /** Until when the secret a rotation replaced is still accepted, if it still is. */
  previousUntil?: Date;
  jiraClientKey?: string;
}

/** Which sources have a secret, per tenant (all tenants when none is given), without the secrets themselves. */
export async function describeWebhookSecrets(
  Tenant: TenantModel,
  sources: readonly SourceName[],
  tenantId?: string,
  now = new Date(),
): Promise<WebhookSecretStatus[]> {
  // Without --tenant this is the admin's deliberate listing of every tenant (ids and flags only).
  const tenantIds = tenantId ? [tenantId] : (await tenantCollection(Tenant).tenantIds({})).sort();
  const tenants = await Promise.all(tenantIds.map((id) => currentSecrets(Tenant, id)));
  return tenants.flatMap((tenant) =>
    sources.map((source) => {
      const previous = tenant.previousWebhookSecrets?.[source];
      return {
        tenantId: String(tenant.tenantId),
        source,
        configured: Boolean(tenant.webhookSecrets?.[source]),
        ...(previous?.until && previous.until > now ? { previousUntil: previous.until } : {}),
        ...(source === 'jira' && tenant.jiraClientKey ? { jiraClientKey: String(tenant.jiraClientKey) } : {}),
      };
    }),
  );
}
