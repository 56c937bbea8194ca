import { createCloudClient } from 'jira.js';
import { createClient } from 'jira.js/core';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Jira JSON

/**
 * Jira's status categories (`new`, `indeterminate`, `done`) by status id and by name, from the status list
 * (`GET /rest/api/3/status`). A changelog's status items carry ids (`from`, `to`) and names; a webhook's issue
 * carries the category of its current status only.
 */
export interface StatusCategories {
  byId: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, string>;
}

export function statusCategoriesOf(statuses: readonly Json[]): StatusCategories {
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const status of statuses) {
    const category = status.statusCategory?.key;
    if (typeof category !== 'string') continue;
    if (status.id !== undefined) byId.set(String(status.id), category);
    // Two projects' statuses may share a name; the first listed wins, as the id is what is exact.
    if (typeof status.name === 'string' && !byName.has(status.name)) byName.set(status.name, category);
  }
  return { byId, byName };
}

/** A status's category, by its id when known, else by its name. */
export function categoryOf(
  categories: StatusCategories | undefined,
  id: unknown,
  name: string | undefined,
): string | undefined {
  if (!categories) return undefined;
  return (
    (id !== undefined && id !== null ? categories.byId.get(String(id)) : undefined) ??
    (name === undefined ? undefined : categories.byName.get(name))
  );
}

/** Reads the site's status list through jira.js (the webhook path's enricher; backfill has its own client). */
export function createStatusListReader(options: { baseUrl: string; email: string; apiToken: string }) {
  const jira = createCloudClient(
    createClient({
      host: options.baseUrl,
      auth: { type: 'basic', email: options.email, apiToken: options.apiToken },
      // A failed read is left for the next event; ingestion does not wait out Jira's back-off.
      retry: { maxAttempts: 1 },
      onSchemaMismatch: 'silent',
    }),
  );
  return async (): Promise<Json[]> =>
    JSON.parse(JSON.stringify(await jira.workflowStatuses.getStatuses())) as Json[];
}

/**
 * The statuses a tenant's own issues show with their categories (each issue's current status), as a status
 * list: what the enricher reads without Jira credentials, and for the demo, whose site is made up.
 */
export function createFactStatusReader(issues: {
  find(filter: { tenantId: string }, projection: Record<string, 1>): { lean(): Promise<Json[]> };
}) {
  return async (tenantId: string): Promise<Json[]> => {
    const seen = await issues.find({ tenantId }, { status: 1, statusCategory: 1 }).lean();
    return seen
      .filter((issue) => issue.status && issue.statusCategory)
      .map((issue) => ({ name: issue.status, statusCategory: { key: issue.statusCategory } }));
  };
}
