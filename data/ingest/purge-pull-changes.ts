import { tenantCollection } from '../db/tenant-collection.ts';
import type { PullRequestChangeModel } from '../models/pull-request-change.ts';

/** How long the pull request change log keeps a write: longer than an open-PR index goes without looking. */
export const PULL_CHANGE_RETENTION_MS = 60 * 60 * 1000;

/** Deletes change log entries older than PULL_CHANGE_RETENTION_MS, tenant by tenant through the scoped model. */
export async function purgePullChanges(PullRequestChange: PullRequestChangeModel, now = new Date()) {
  const cutoff = new Date(now.getTime() - PULL_CHANGE_RETENTION_MS);
  // The one cross-tenant read: which tenants have entries old enough (tenant ids only).
  const tenants = await tenantCollection(PullRequestChange).tenantIds({ at: { $lt: cutoff } });
  let deleted = 0;
  for (const tenantId of tenants) {
    deleted += (await PullRequestChange.deleteMany({ tenantId, at: { $lt: cutoff } })).deletedCount;
  }
  return deleted;
}
