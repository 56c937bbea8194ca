/** The normalized facts a normalizer can write; each maps to one mongoose model in data/models/facts/. */
export type FactKind =
  | 'repository'
  | 'pullRequest'
  | 'review'
  | 'commit'
  | 'push'
  | 'deployment'
  | 'deploymentStatus'
  | 'ciRun'
  | 'release'
  | 'issue'
  | 'issueTransition'
  | 'issueFieldChange'
  | 'sprint'
  | 'incident'
  | 'incidentStatusChange'
  | 'service'
  | 'identity';

type Scalar = string | number | boolean;

/**
 * One idempotent, order-independent upsert. Whatever order events arrive in, and however often, applying
 * their writes ends in the same document:
 * - `once`: facts that never change (ids, authors, creation times), filled in whenever missing, so a document
 *   first created by another event (a review before its pull request) still gets them;
 * - `onInsert`: defaults later changed by other means (an identity's person), set only on creation;
 * - `earliest` / `latest`: first-seen and last-seen times, kept with $min / $max;
 * - `union`: sets that only grow (reviewers, branches), kept with $addToSet;
 * - `snapshot`: the current state as of `version` (the provider's update time in ms × 10 plus a state rank that
 *   breaks ties: merged beats closed beats open in the same millisecond); applied only when newer than the
 *   stored version, so a late or replayed event never moves state backwards;
 * - `set`: fields read live from the provider's API after the event (a PR's files and mergeable state, its
 *   head's check status), set as given: the newest read wins. Never from an event payload.
 */
export interface FactWrite {
  kind: FactKind;
  key: Record<string, Scalar>;
  once?: Record<string, unknown>;
  onInsert?: Record<string, unknown>;
  earliest?: Record<string, Date | undefined>;
  latest?: Record<string, Date | undefined>;
  union?: Record<string, Scalar[]>;
  snapshot?: { version: number; fields: Record<string, unknown> };
  set?: Record<string, unknown>;
  /**
   * The event that made this write, for hooks after the facts are written (never stored, so a backfilled tenant
   * still ends in the same facts): a sprint_started event takes the sprint's start snapshot.
   */
  event?: { type: string; at?: Date };
}

/** A provider time (ISO text, or Unix seconds as GitHub's push payload uses) as a Date; undefined if absent. */
export function toDate(value: unknown): Date | undefined {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value !== 'string' || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A snapshot version: the time in ms, times ten, plus a rank from 0 to 9 for ties. */
export function versionOf(at: Date | undefined, rank = 0): number {
  return (at?.getTime() ?? 0) * 10 + rank;
}

/** Drops undefined entries so a payload that lacks a field never erases what another one provided. */
export function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
