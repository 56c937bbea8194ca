/**
 * PR triage, channel-neutral: the facts one open pull request is judged on, the signals read from them, the
 * ranked queue, and reviewer suggestions. Nothing here knows Slack, Teams, GitHub's SDK or the database.
 */
import type { WorkingCalendar } from '../availability/types.ts';

/** What a pull request is waiting for; one PR can show several. */
export type SignalKind =
  | 'waiting-for-review'
  | 'changes-requested'
  | 'approved-not-merged'
  | 'failing-ci'
  | 'merge-conflict'
  | 'stale'
  | 'very-large'
  | 'long-draft';

export type ReviewState = 'approved' | 'changes_requested' | 'commented' | 'dismissed';

/** The facts about one open pull request that triage reads (loaded by data/triage/). Logins are GitHub's. */
export interface TriagePull {
  repo: string;
  number: number;
  title: string;
  url: string;
  author: string;
  /** Dependabot, Renovate, a GitHub Actions bot, a `[bot]` account, or one on the tenant's configured list. */
  authorIsBot: boolean;
  draft: boolean;
  labels: string[];
  baseRef?: string;
  headSha?: string;
  requestedReviewers: string[];
  /** Reviews by people other than the author, oldest first. */
  reviews: { reviewer: string; state: ReviewState; at: Date; commitId?: string }[];
  additions: number;
  deletions: number;
  changedFiles: number;
  /** Paths changed, from `pulls.listFiles`; empty when not fetched yet. */
  files: string[];
  openedAt: Date;
  /** When it was first ready for review; undefined while it has only ever been a draft. */
  readyAt?: Date;
  /** The newest commit pushed to the head (known from pushes and synchronise events). */
  lastCommitAt?: Date;
  /** The last thing that happened on it: a commit, a review, a comment, an edit. */
  lastActivityAt: Date;
  mergeable?: 'clean' | 'conflicting' | 'unknown';
  /** The combined check status of the head commit. */
  checks?: 'success' | 'failure' | 'pending';
  /** When the head's checks turned failing. */
  checksFailedAt?: Date;
}

/** Per team, with sane defaults (`DEFAULT_TRIAGE_THRESHOLDS`); ages are working hours of whoever it waits on. */
export interface TriageThresholds {
  firstReviewHours: number;
  changesRequestedIdleHours: number;
  approvedNotMergedHours: number;
  failingCiHours: number;
  staleHours: number;
  largeLines: number;
  largeFiles: number;
  longDraftHours: number;
}

export interface TriageSignal {
  kind: SignalKind;
  /** GitHub logins the PR waits on for this signal (reviewers for a first review, else the author). */
  waitingOn: string[];
  /** Since when it has waited. */
  since: Date;
  /**
   * Working hours since then of those it waits on, rounded down; when several, the most of theirs (the longest
   * any of them could have acted, so one reviewer's holiday does not hide the PR). Nobody requested for a
   * review: the author's hours. See docs/triage.md.
   */
  ageHours: number;
}

/** One PR in the queue: the signals over their thresholds, most urgent first, and who it waits on. */
export interface TriageItem {
  pull: TriagePull;
  signals: TriageSignal[];
  /** Higher is more urgent; the queue is sorted by it. */
  urgency: number;
  /**
   * Computed when first read (buildTriageQueue), then kept: a team's queue holds hundreds of items and shows
   * 15, and each suggestion ranks every candidate, so only the items a view reads pay for theirs.
   */
  readonly suggestion?: ReviewerSuggestion;
  /** Someone said "I'm on it" (GitHub login or chat account), shown beside the item. */
  claimedBy?: string;
}

/** Why a reviewer is suggested, as facts a renderer can phrase ("owns `api/billing/`, reviewed 9 of your last 20 PRs, 2 open reviews"). */
export interface ReviewerReasons {
  /** The CODEOWNERS pattern or directory they own among the changed paths. */
  owns?: string;
  /** Past reviews of this author's changes: `reviewed` of the author's last `of`. */
  familiarity?: { reviewed: number; of: number };
  /** Changed or reviewed these paths before (count of past changes touching them). */
  pathHistory?: number;
  openReviews: number;
}

export interface RankedReviewer {
  login: string;
  score: number;
  reasons: ReviewerReasons;
}

/** One person first, with one line of why, then up to two alternatives. */
export interface ReviewerSuggestion {
  first: RankedReviewer;
  alternatives: RankedReviewer[];
}

/**
 * Whose queue: a team (a standup's members, by the standup's name), a repository (`owner/name`), one person
 * (their PRs and the PRs waiting on them), or the whole tenant.
 */
export type TriageScope =
  | { kind: 'team'; team: string }
  | { kind: 'repo'; repo: string }
  | { kind: 'person'; logins: string[] }
  | { kind: 'all' };

/** The human queue ranked by urgency, with bot-authored PRs in a lane of their own and drafts left out. */
export interface TriageQueue {
  items: TriageItem[];
  /** Bot-authored open PRs (Dependabot, Renovate, ...): summarised weekly, never DMed. */
  botLane: TriagePull[];
  /** Drafts left out of the human queue (a draft open too long still shows as `long-draft` to its author's scope). */
  draftsLeftOut: number;
}

/** Who could review, and what the suggester may not pick. Keyed by GitHub login. */
export interface ReviewerContext {
  /** False for people away, on a holiday or outside their working hours now. */
  isAvailable(login: string): boolean;
  /** Open review requests each person has now. */
  openReviews: ReadonlyMap<string, number>;
  /** Code owners of a path for the PR's base branch (last matching CODEOWNERS rule); empty when unknown. */
  codeOwnersOf(path: string): string[];
  /** The instant recency is weighed at (default: the suggester's clock). */
  now?: Date;
}

/** One past reviewed change the suggester learns from (a merged PR, or a line of an offline history). */
export interface ReviewedChange {
  id: string;
  /** `owner/name`; paths are compared within their repository when it is known. */
  repo?: string;
  at: Date;
  author: string;
  files: string[];
  reviewers: string[];
}

/** Suggests reviewers for open PRs; implemented by handlers/triage/suggest-reviewers.ts over past reviews. */
export interface ReviewerSuggester {
  suggest(pull: TriagePull, context: ReviewerContext): ReviewerSuggestion | undefined;
}

/** A repository branch's CODEOWNERS rules, already loaded: the owners of a path by its last matching rule. */
export interface CodeOwnersRules {
  ownersOf(path: string): string[];
}

/** The loaded CODEOWNERS of the repositories in a queue, by repository and base branch; undefined when none. */
export type CodeOwnersLookup = (repo: string, baseRef: string | undefined) => CodeOwnersRules | undefined;

/** CODEOWNERS per repository and base branch, read through GitHub (data/triage/github-code-owners.ts). */
export interface CodeOwnersSource {
  /** The rules of the branch (the repository's default branch when none given); undefined when it has none. */
  codeOwnersOf(tenantId: string, repo: string, ref: string | undefined): Promise<CodeOwnersRules | undefined>;
}

/** A team's triage settings as stored; absent fields keep the defaults. */
export interface TriageSettings {
  thresholds: Partial<TriageThresholds>;
  /** Extra bot logins, besides `[bot]` accounts and the known updaters. */
  botLogins: string[];
  /** `HH:MM` in the team's zone for the digest; default 10:00. */
  digestTime: string;
}

/** The team name of the tenant's own settings, which every team without its own falls back to. */
export const TENANT_WIDE = '*';

/** Per-team triage settings (data/triage/mongo-triage-settings.ts); the team is a standup's name, `*` the tenant's. */
export interface TriageSettingsStore {
  /** The team's settings over the tenant's (`*`), over the defaults. */
  settingsOf(tenantId: string, team: string | undefined): Promise<TriageSettings>;
  save(tenantId: string, team: string, settings: Partial<TriageSettings>, updatedBy: string): Promise<void>;
}

/** The open PRs of a scope and the tenant's open review load (data/triage/mongo-triage-source.ts). */
export interface ScopedPulls {
  /** Authored by, or waiting on a review from, the scope's people (all of a repository's for a repo scope). */
  pulls: TriagePull[];
  /** Open review requests per login over the open non-draft PRs read (all of them for the scope's own people). */
  openReviews: Map<string, number>;
}

export interface TriagePullSource {
  /**
   * `botLogins`: the team's extra bot logins, so `authorIsBot` is set for them too. A team scope naming no
   * standup throws NotFoundError.
   */
  openPulls(tenantId: string, scope: TriageScope, botLogins?: readonly string[]): Promise<ScopedPulls>;
}

/** Working calendars of GitHub logins, by login (data/triage/calendars-of-logins.ts). */
export type CalendarsOfLogins = (
  tenantId: string,
  logins: readonly string[],
) => Promise<Map<string, WorkingCalendar>>;
