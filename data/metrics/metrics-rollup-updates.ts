import { eachConcurrently } from '../db/each-concurrently.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { FactWrite } from '../sources/fact-write.ts';
import { factIdOf } from '../sources/merge-fact.ts';
import type { MetricDirtyMarkModel } from '../models/metric-dirty-mark.ts';
import { DAY_MS, findEarliestFact, rebuildRollups, type RollupDeps } from './recompute-rollups.ts';

/**
 * How far before a changed fact's own time its effects are recomputed: an incident blamed on a deployment up to
 * the attribution window before it (24 h by default), plus a day of slack for clock skew. What reaches further
 * back is looked up (a deployment's previous one, a named deployment, an incident's trigger).
 */
export const REACH_MS = 2 * DAY_MS;

/** Writes whose affected time is looked up at once (each look-up is a round trip or two). */
const LOOKUPS_AT_ONCE = 8;

type Section = 'once' | 'earliest' | 'latest' | 'set';
const SECTIONS: Section[] = ['once', 'earliest', 'latest', 'set'];

/** A field of a write wherever it sits (once, earliest, latest, snapshot, set). */
function fieldOf(write: FactWrite, name: string): unknown {
  for (const section of SECTIONS) {
    const value = (write[section] as Record<string, unknown> | undefined)?.[name];
    if (value !== undefined) return value;
  }
  return write.snapshot?.fields[name];
}

const dateOf = (value: unknown) => (value instanceof Date ? value : undefined);

/** "Facts from `from` on changed": one insert-only mark, read and deleted by the next `updateTenant`. */
export async function insertDirtyMark(
  model: MetricDirtyMarkModel,
  tenantId: string,
  from: Date,
  now: Date,
): Promise<void> {
  await tenantCollection(model).insertOne({ tenantId, from, markedAt: now } as never);
}

export interface MetricsUpdateDeps extends RollupDeps {
  MetricDirtyMark: MetricDirtyMarkModel;
}

/**
 * Keeps the stored rollups exact as facts arrive. `recordWrites` runs after a batch of facts is applied (the
 * normalizer's afterApply, backfill) and inserts one dirty mark with the earliest time the batch can change;
 * `updateTenant` (the metrics-rollups job, or a test) reads a tenant's marks, recomputes the days from the
 * earliest through today, then deletes the marks it read. A mark inserted meanwhile stays for the next run.
 */
export function createMetricsRollupUpdates(deps: MetricsUpdateDeps) {
  const deployments = tenantCollection(deps.facts.deployment);
  const pulls = tenantCollection(deps.facts.pullRequest);
  const incidents = tenantCollection(deps.facts.incident);

  /** The earliest day a write can change, or undefined when it changes no delivery metric. */
  async function affectedFrom(tenantId: string, write: FactWrite): Promise<Date | undefined> {
    const kind: string = write.kind;
    const times: (Date | undefined)[] = [];
    if (kind === 'pullRequest') {
      // An unmerged PR is in no figure; a review of one only matters once it merges (a later write).
      times.push(dateOf(fieldOf(write, 'mergedAt')), dateOf(fieldOf(write, 'firstReviewAt')));
      // An event from before the merge, arriving after it (its branch, its ready time): the stored merge time.
      if (!times.some(Boolean))
        times.push(dateOf((await pulls.findById(tenantId, factIdOf(tenantId, write)))?.mergedAt));
    } else if (kind === 'deployment') {
      const createdAt = dateOf(fieldOf(write, 'createdAt'));
      times.push(
        createdAt,
        dateOf(fieldOf(write, 'firstSuccessAt')),
        dateOf(fieldOf(write, 'firstFailureAt')),
      );
      // A new deployment ships the PRs merged since the repository's previous one, and recovers failures since.
      if (createdAt) {
        const previous = await deps.facts.deployment
          .findOne(
            {
              tenantId,
              repo: String(write.key.repo),
              environment: fieldOf(write, 'environment') as string,
              createdAt: { $lt: createdAt },
            },
            { createdAt: 1 },
          )
          .sort({ createdAt: -1 })
          .lean();
        times.push(previous?.createdAt);
      }
    } else if (kind === 'deploymentStatus') {
      times.push(dateOf(fieldOf(write, 'createdAt')));
      const deploymentId = fieldOf(write, 'deploymentId');
      if (typeof deploymentId === 'number') {
        const deployment = await deployments.findById(
          tenantId,
          factIdOf(tenantId, { key: { repo: write.key.repo!, deploymentId } }),
        );
        times.push(dateOf(deployment?.createdAt));
      }
    } else if (kind === 'push') {
      times.push(dateOf(fieldOf(write, 'pushedAt')));
    } else if (kind === 'incident') {
      times.push(dateOf(fieldOf(write, 'triggeredAt')));
      const names = fieldOf(write, 'names') as
        { repo: string; deploymentId?: number; prNumber?: number }[] | undefined;
      for (const name of names ?? []) {
        if (name.deploymentId !== undefined) {
          const named = await deployments.findById(
            tenantId,
            factIdOf(tenantId, { key: { repo: name.repo, deploymentId: name.deploymentId } }),
          );
          times.push(dateOf(named?.createdAt));
        }
        if (name.prNumber !== undefined) {
          const named = await pulls.findById(
            tenantId,
            factIdOf(tenantId, { key: { repo: name.repo, number: name.prNumber } }),
          );
          times.push(dateOf(named?.mergedAt));
        }
      }
      if (!times.some(Boolean)) {
        const stored = await incidents.findById(tenantId, factIdOf(tenantId, write));
        times.push(dateOf(stored?.triggeredAt));
      }
    } else if (kind === 'incidentStatusChange') {
      times.push(dateOf(fieldOf(write, 'at')));
      const stored = await incidents.findById(
        tenantId,
        factIdOf(tenantId, { key: { incidentId: write.key.incidentId! } }),
      );
      times.push(dateOf(stored?.triggeredAt));
    } else if (kind === 'release') {
      times.push(dateOf(fieldOf(write, 'publishedAt')));
    } else if (kind === 'ciRun') {
      times.push(dateOf(fieldOf(write, 'completedAt')));
    }
    const known = times.flatMap((at) => (at ? [at.getTime()] : []));
    return known.length > 0 ? new Date(Math.min(...known)) : undefined;
  }

  const updates = {
    async recordWrites(tenantId: string, writes: readonly FactWrite[], now = new Date()): Promise<void> {
      let earliest: number | undefined;
      // Each write's look-ups are independent: a few at once.
      await eachConcurrently(writes, LOOKUPS_AT_ONCE, async (write) => {
        const from = await affectedFrom(tenantId, write);
        if (from && (earliest === undefined || from.getTime() < earliest)) earliest = from.getTime();
      });
      if (earliest === undefined) return;
      await insertDirtyMark(deps.MetricDirtyMark, tenantId, new Date(earliest), now);
    },

    /**
     * A definition changed (`metrics set`): marks every day from the tenant's earliest fact, so the next
     * metrics-rollups run recomputes them all. The first day marked, or undefined when the tenant has no facts
     * (nothing is stored to redo).
     */
    async markAll(tenantId: string, now = new Date()): Promise<Date | undefined> {
      const earliest = await findEarliestFact(deps.facts, tenantId);
      if (!earliest) return undefined;
      await tenantCollection(deps.MetricDirtyMark).insertOne({
        tenantId,
        from: earliest,
        markedAt: now,
      } as never);
      return earliest;
    },

    /**
     * Recomputes the days a tenant's marks name, through today, a chunk of days at a time as a rebuild does
     * (a mark from a definition change reaches back to the first fact); returns how many days changed.
     */
    async updateTenant(tenantId: string, now = new Date()): Promise<{ days: number; changed: number }> {
      const marks = await deps.MetricDirtyMark.find({ tenantId }, { from: 1 }).lean();
      if (marks.length === 0) return { days: 0, changed: 0 };
      const from = Math.min(...marks.map((mark) => mark.from.getTime())) - REACH_MS;
      const result = await rebuildRollups(deps, tenantId, {
        since: new Date(Math.min(from, now.getTime())),
        now,
      });
      await deps.MetricDirtyMark.deleteMany({ tenantId, _id: { $in: marks.map((mark) => mark._id) } });
      return result;
    },

    /**
     * Tenants with deployments and not one stored rollup day (rollups kept before `metric_rollup_days`, or facts
     * written without marks) get every day marked, so upgrading needs no `metrics rebuild` by hand. Returns them.
     */
    async markTenantsWithoutRollups(now = new Date()): Promise<string[]> {
      const [withFacts, withRollups] = await Promise.all([
        deployments.tenantIds({}),
        tenantCollection(deps.MetricRollup).tenantIds({}),
      ]);
      const missing = withFacts.filter((tenantId) => !withRollups.includes(tenantId));
      for (const tenantId of missing) await updates.markAll(tenantId, now);
      return missing;
    },

    /** Tenants with marks: a system-level read of tenant ids only (the job's loop). */
    tenantsToUpdate: () => tenantCollection(deps.MetricDirtyMark).tenantIds({}),
  };
  return updates;
}

export type MetricsRollupUpdates = ReturnType<typeof createMetricsRollupUpdates>;
