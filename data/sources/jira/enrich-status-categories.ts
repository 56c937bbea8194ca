import { applyFactWrites } from '../../ingest/apply-fact-writes.ts';
import type { FactModels } from '../../models/ingest-models.ts';
import type { FactWrite } from '../fact-write.ts';
import { factIdOf } from '../merge-fact.ts';
import { categoryOf, statusCategoriesOf, type StatusCategories } from './status-categories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Jira JSON

/** A tenant's status list is read again after this long, or sooner for a status it does not list yet. */
const FRESH_MS = 60 * 60_000;
/** The least time between two reads for an unknown status (a status deleted since is never listed). */
const RETRY_UNKNOWN_MS = 5 * 60_000;

export interface StatusCategoryEnricherDeps {
  facts: FactModels;
  /** The site's status list (`GET /rest/api/3/status`). */
  readStatuses(tenantId: string): Promise<Json[]>;
  now?: () => number;
  log?: { warn(details: object, message: string): void };
}

/**
 * Fills the status categories of the issue transitions a webhook wrote (its payload knows only the current
 * status's category) from the status list, read once per tenant and kept for an hour. Idempotent: a transition
 * with both categories is not touched, and the categories are written once.
 */
export function createStatusCategoryEnricher(deps: StatusCategoryEnricherDeps) {
  const { facts } = deps;
  const now = deps.now ?? (() => Date.now());
  const cache = new Map<string, { at: number; categories: StatusCategories }>();

  async function categoriesOf(tenantId: string, names: string[]): Promise<StatusCategories | undefined> {
    const cached = cache.get(tenantId);
    const age = cached ? now() - cached.at : Number.POSITIVE_INFINITY;
    const unknown = names.some((name) => !cached?.categories.byName.has(name));
    if (cached && age < FRESH_MS && (!unknown || age < RETRY_UNKNOWN_MS)) return cached.categories;
    try {
      const categories = statusCategoriesOf(await deps.readStatuses(tenantId));
      cache.set(tenantId, { at: now(), categories });
      return categories;
    } catch (error) {
      deps.log?.warn(
        { tenantId, status: (error as { status?: number }).status },
        'could not read the Jira status list',
      );
      return cached?.categories;
    }
  }

  return async function enrichStatusCategories(
    tenantId: string,
    writes: readonly FactWrite[],
  ): Promise<void> {
    const ids = new Set(
      writes.filter((write) => write.kind === 'issueTransition').map((write) => factIdOf(tenantId, write)),
    );
    const missing = [];
    for (const id of ids) {
      const transition = await facts.issueTransition.findOne({ tenantId, _id: id }).lean();
      if (transition && (!transition.fromCategory || !transition.toCategory)) missing.push(transition);
    }
    if (missing.length === 0) return;
    const names = missing.flatMap((t) => [t.from, t.to]).filter((name): name is string => Boolean(name));
    const categories = await categoriesOf(tenantId, names);
    const enrichment: FactWrite[] = missing.map((transition) => ({
      kind: 'issueTransition',
      key: { issueId: transition.issueId, changelogId: transition.changelogId },
      once: {
        fromCategory: categoryOf(categories, undefined, transition.from),
        toCategory: categoryOf(categories, undefined, transition.to),
      },
    }));
    await applyFactWrites(facts, tenantId, enrichment);
  };
}
