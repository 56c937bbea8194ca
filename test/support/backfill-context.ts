import type { BackfillContext } from '../../data/sources/backfill/backfill-context.ts';
import { createCursorStore } from '../../data/sources/backfill/cursor-store.ts';
import type { Wait, Waits } from '../../data/sources/backfill/retry-policy.ts';
import { factModelsOf } from '../../data/models/ingest-models.ts';
import type { Models } from '../../data/models/index.ts';
import { snapshotFacts } from './fact-snapshot.ts';

/** Waits that are recorded, not taken: the test asserts what the headers asked for and stays fast. */
export function recordingWaits(overrides: Partial<Waits> = {}): Waits & { taken: Wait[] } {
  const taken: Wait[] = [];
  return {
    taken,
    sleep: async () => {},
    now: () => Date.now(),
    maxWaitMs: 15 * 60_000,
    maxAttempts: 3,
    backoffMs: 5,
    onWait: (wait) => taken.push(wait),
    ...overrides,
  };
}

export function backfillContext(
  models: Models,
  tenantId: string,
  range: { since: Date; until?: Date },
  waits: Waits = recordingWaits(),
): BackfillContext {
  return {
    tenantId,
    facts: factModelsOf(models),
    cursors: createCursorStore(models.BackfillCursor, tenantId),
    ...range,
    waits,
  };
}

/** A tenant's facts without what differs by tenant or by how many writes built them (tenantId, rev). */
export async function comparableFacts(models: Models, tenantId: string) {
  const snapshot = await snapshotFacts(models, tenantId);
  return Object.fromEntries(
    Object.entries(snapshot).map(([kind, documents]) => [
      kind,
      documents.map((document) => {
        const { tenantId: _tenant, rev: _rev, ...rest } = document as Record<string, unknown>;
        return rest;
      }),
    ]),
  );
}
