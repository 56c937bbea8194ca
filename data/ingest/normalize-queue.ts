import type { NormalizeDeps, StoredEvent } from './normalize-pending.ts';
import { normalizeEvents, normalizePending, tenantsWithPendingEvents } from './normalize-pending.ts';

const BATCH = 100;

export interface NormalizeQueue {
  /** Normalizes a just-stored event soon, without waiting; events of one tenant are taken in batches, in order. */
  kick(tenantId: string, event: StoredEvent): void;
  /** Normalizes every tenant's pending events now (the scheduled sweep, start-up, and tests). */
  drainAll(): Promise<void>;
  /** Resolves when nothing kicked is waiting or running. */
  idle(): Promise<void>;
}

/**
 * In-process scheduling over the database-backed queue: a kick after each stored delivery makes its facts appear
 * within milliseconds, and the sweep (jobs/normalize-events.ts) picks up whatever a crash left pending.
 * One worker per tenant at a time.
 */
export function createNormalizeQueue(deps: NormalizeDeps): NormalizeQueue {
  const waiting = new Map<string, StoredEvent[]>();
  const workers = new Map<string, Promise<void>>();

  async function work(tenantId: string): Promise<void> {
    try {
      for (;;) {
        const queued = waiting.get(tenantId) ?? [];
        if (queued.length === 0) return;
        const batch = queued.splice(0, BATCH);
        await normalizeEvents(deps, tenantId, batch);
      }
    } catch (error) {
      deps.log.error({ err: error, tenantId }, 'normalizing events failed; the scheduled sweep will retry');
      waiting.delete(tenantId);
    } finally {
      workers.delete(tenantId);
    }
  }

  function ensureWorker(tenantId: string): Promise<void> {
    let worker = workers.get(tenantId);
    if (!worker) {
      worker = work(tenantId);
      workers.set(tenantId, worker);
    }
    return worker;
  }

  return {
    kick(tenantId, event) {
      const queued = waiting.get(tenantId) ?? [];
      queued.push(event);
      waiting.set(tenantId, queued);
      void ensureWorker(tenantId);
    },
    async drainAll() {
      for (const tenantId of await tenantsWithPendingEvents(deps.EventPending)) {
        await workers.get(tenantId);
        await normalizePending(deps, tenantId);
      }
    },
    async idle() {
      while (workers.size > 0) await Promise.all(workers.values());
    },
  };
}
