import { applyFactWrites } from '../../ingest/apply-fact-writes.ts';
import type { FactModels } from '../../models/ingest-models.ts';
import type { FactWrite } from '../fact-write.ts';
import type { CursorStore } from './cursor-store.ts';
import type { Waits } from './retry-policy.ts';
import type { ListingTally, WalkOptions } from './walk-listing.ts';

/** What every source's backfill needs: where facts go, where it stands, the range, and how it waits. */
export interface BackfillContext {
  tenantId: string;
  facts: FactModels;
  cursors: CursorStore;
  since: Date;
  /** Absent: up to now. */
  until?: Date;
  waits: Waits;
  /** Page-level progress per stream, for the CLI's progress bar. */
  progress?(update: { source: string; done: number; total: number }): void;
}

/** How one stream (one listing of one repository or site) went. */
export interface StreamResult {
  stream: string;
  tally: ListingTally;
  error?: string;
}

export const emptyTally = (): ListingTally => ({ pages: 0, notModified: 0, items: 0 });

export function applyWrites(context: BackfillContext, writes: FactWrite[]): Promise<void> {
  return applyFactWrites(context.facts, context.tenantId, writes);
}

/** The resume key of a range: a rerun for the same range continues, another range starts over. */
export function rangeKeyOf(context: BackfillContext): string {
  return `${context.since.toISOString()}..${context.until?.toISOString() ?? ''}`;
}

/** A resumable walk's options for `stream`, reporting its pages as progress. */
export function resumableWalk(context: BackfillContext, stream: string): WalkOptions {
  return {
    resume: { range: rangeKeyOf(context), through: context.until ?? new Date(context.waits.now()) },
    onPage: ({ done, total }) => context.progress?.({ source: stream, done, total }),
  };
}

/** Runs one stream; a failure is reported in its result (the other streams go on), never thrown. */
export async function runStream(stream: string, walk: () => Promise<ListingTally>): Promise<StreamResult> {
  try {
    return { stream, tally: await walk() };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const message = (error as Error).message ?? String(error);
    return { stream, tally: emptyTally(), error: status ? `HTTP ${status}: ${message}` : message };
  }
}

/**
 * Where a windowed stream (Jira issues, PagerDuty incidents: no ETags) starts: a completed run of the same range
 * left nothing to do when the range had an end, and otherwise only what changed since it finished (a minute of
 * overlap for clock skew). `null`: nothing to do.
 */
export async function windowStart(context: BackfillContext, stream: string): Promise<Date | null> {
  const cursor = await context.cursors.stream(stream);
  if (!cursor?.completedAt || cursor.range !== rangeKeyOf(context)) return context.since;
  if (context.until) return null;
  return new Date(Math.max(context.since.getTime(), (cursor.completedThrough?.getTime() ?? 0) - 60_000));
}
