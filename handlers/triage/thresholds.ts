import type { TriageThresholds } from './types.ts';

/**
 * What a team gets until it says otherwise. Ages are working hours of whoever the PR waits on (an 8-hour day is
 * 8), so "a day" means a working day and a weekend never ages a PR:
 * - a first review within one working day (8 h), the common review SLA;
 * - an author answers requested changes within two working days (16 h);
 * - an approved PR is merged within one working day (8 h);
 * - red CI is fixed within half a day (4 h);
 * - no activity at all for three working days (24 h) is stale;
 * - 800 changed lines or 30 files and more is hard to review well (reviews slow down past a few hundred lines);
 * - a draft open for a working week (40 h) is worth a look from its author.
 */
export const DEFAULT_TRIAGE_THRESHOLDS: Readonly<TriageThresholds> = Object.freeze({
  firstReviewHours: 8,
  changesRequestedIdleHours: 16,
  approvedNotMergedHours: 8,
  failingCiHours: 4,
  staleHours: 24,
  largeLines: 800,
  largeFiles: 30,
  longDraftHours: 40,
});

const KEYS = Object.keys(DEFAULT_TRIAGE_THRESHOLDS) as (keyof TriageThresholds)[];

/** Whether a value can be a threshold: a finite number, zero or more. */
const isThreshold = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * A team's thresholds: its overrides over the defaults. Only known keys with a finite, non-negative number
 * count; anything else (a typo, a negative, `null` from a stored document) keeps the default.
 */
export function mergeTriageThresholds(
  overrides: Partial<Record<keyof TriageThresholds, unknown>> | undefined,
  base: Readonly<TriageThresholds> = DEFAULT_TRIAGE_THRESHOLDS,
): TriageThresholds {
  const merged = { ...base };
  for (const key of KEYS) {
    const value = overrides?.[key];
    if (isThreshold(value)) merged[key] = value;
  }
  return merged;
}
