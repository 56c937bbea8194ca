import type { Model } from 'mongoose';
import type { Models } from '../../data/models/index.ts';
import { factModelsOf } from '../../data/models/ingest-models.ts';

/** Every normalized fact of a tenant, by kind, without database ids: for "ends in the same state" comparisons. */
export async function snapshotFacts(models: Models, tenantId: string): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const [kind, model] of Object.entries(factModelsOf(models))) {
    const documents = await (model as unknown as Model<Record<string, unknown>>)
      .find({ tenantId }, { _id: 0 })
      .lean();
    snapshot[kind] = documents
      .map((document) => JSON.stringify(document, Object.keys(document).sort()))
      .sort()
      .map((text) => JSON.parse(text));
  }
  return snapshot;
}
