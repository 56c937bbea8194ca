import { tenantCollection } from '../db/tenant-collection.ts';
import type { StandupBlockerModel } from '../models/standup-blocker.ts';

/** The tenants the blocker job has work in: a system-level read of tenant ids only. */
export function tenantsWithOpenBlockers(StandupBlocker: StandupBlockerModel): Promise<string[]> {
  return tenantCollection(StandupBlocker).tenantIds({ status: 'open' });
}
