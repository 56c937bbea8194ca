import type { SignalKind } from './types.ts';

/** One PR as the queue shows it: what it waits for, how long in working hours, on whom, and who could review. */
export interface TriageQueueItemView {
  repo: string;
  number: number;
  title: string;
  url: string;
  author: string;
  /** The most urgent signal, then the others. */
  signal: SignalKind;
  otherSignals: SignalKind[];
  /** Working hours of those it waits on since it started waiting (the signal's age). */
  ageHours: number;
  waitingOn: string[];
  suggested?: { login: string; why: string };
  /** "Ana" when someone said "I'm on it". */
  takenBy?: string;
}

/**
 * The most items a surface lists (Slack 15, Teams 10); those past it are only counted ("and 12 more"), so the
 * view names a suggested reviewer for these first items only.
 */
export const TRIAGE_ITEMS_LISTED = 15;

/** `/triage`: the human queue ranked by urgency, capped by the renderers, with its bot lane in one line. */
export interface TriageQueueView {
  kind: 'triage-queue';
  /** "Platform", "acme/api", "you", "everyone". */
  scopeLabel: string;
  /** The scope as typed, carried by every button so a click re-reads the same queue. */
  scopeArgs: string;
  items: TriageQueueItemView[];
  /** Bot-authored open PRs: how many, and in how many repositories. */
  botLane: { count: number; repos: number };
  draftsLeftOut: number;
  /** Items the viewer snoozed, left out until their snooze ends. */
  snoozed: number;
  /** What the last click did ("Nudged @bob."), shown above the queue. */
  note?: string;
}

/** Plain words for a signal, on every surface. */
export const SIGNAL_LABELS: Readonly<Record<SignalKind, string>> = {
  'waiting-for-review': 'Waiting for a first review',
  'changes-requested': 'Changes requested, idle',
  'approved-not-merged': 'Approved, not merged',
  'failing-ci': 'Failing CI',
  'merge-conflict': 'Merge conflict',
  stale: 'Stale',
  'very-large': 'Very large',
  'long-draft': 'Draft for a long time',
};
