import type { WorkingCalendar } from '../availability/types.ts';
import { isWorking } from '../availability/working-time.ts';
import { isBotAuthor } from './bot-authors.ts';
import { calendarOfLogin } from './default-calendar.ts';
import { signalsOf } from './signals.ts';
import { DEFAULT_TRIAGE_THRESHOLDS } from './thresholds.ts';
import type {
  CodeOwnersLookup,
  ReviewerContext,
  ReviewerSuggester,
  ReviewerSuggestion,
  SignalKind,
  TriageItem,
  TriagePull,
  TriageQueue,
  TriageScope,
  TriageSignal,
  TriageThresholds,
} from './types.ts';

export interface BuildQueueOptions {
  now: Date;
  /** Working calendars by GitHub login; a login without one gets the default Mon–Fri 09–17 UTC. */
  calendars: ReadonlyMap<string, WorkingCalendar>;
  thresholds?: TriageThresholds;
  /** The team's extra bot logins, besides `[bot]` accounts and the known updaters. */
  botLogins?: readonly string[];
  /** A person's scope keeps their own drafts that are open too long (`long-draft`); other scopes leave drafts out. */
  scope?: TriageScope;
  suggester?: ReviewerSuggester;
  codeOwners?: CodeOwnersLookup;
  /** Open review requests per login (default: counted over `pulls`); the tenant's is the truer count. */
  openReviews?: ReadonlyMap<string, number>;
}

/**
 * How much each signal weighs: what blocks someone else (a review not started, red CI) before what only the
 * author is slowed by, and size or a long draft last since they are advice, not a wait.
 */
export const SIGNAL_WEIGHTS: Readonly<Record<SignalKind, number>> = {
  'waiting-for-review': 3,
  'failing-ci': 3,
  'approved-not-merged': 2.5,
  'changes-requested': 2,
  'merge-conflict': 2,
  stale: 1,
  'very-large': 0.5,
  'long-draft': 0.5,
};

/** Overdue ratios stop counting at 5× the threshold, so one forgotten PR cannot bury every fresh one. */
const MAX_OVERDUE = 5;

/** How far past its threshold a signal is: age over threshold (size over limit for `very-large`), at least 1. */
function overdueOf(signal: TriageSignal, pull: TriagePull, thresholds: TriageThresholds): number {
  const ratio = (value: number, limit: number) => (limit > 0 ? value / limit : MAX_OVERDUE);
  const byKind: Record<SignalKind, () => number> = {
    'waiting-for-review': () => ratio(signal.ageHours, thresholds.firstReviewHours),
    'changes-requested': () => ratio(signal.ageHours, thresholds.changesRequestedIdleHours),
    'approved-not-merged': () => ratio(signal.ageHours, thresholds.approvedNotMergedHours),
    'failing-ci': () => ratio(signal.ageHours, thresholds.failingCiHours),
    'merge-conflict': () => 1,
    stale: () => ratio(signal.ageHours, thresholds.staleHours),
    'very-large': () =>
      Math.max(
        ratio(pull.additions + pull.deletions, thresholds.largeLines),
        ratio(pull.changedFiles, thresholds.largeFiles),
      ),
    'long-draft': () => ratio(signal.ageHours, thresholds.longDraftHours),
  };
  return Math.min(MAX_OVERDUE, Math.max(1, byKind[signal.kind]()));
}

/**
 * Urgency = Σ over the PR's signals of weight(kind) × overdue, where overdue is how many thresholds past it
 * is (1 to 5). A PR waiting 3 days (24 h) for a first review scores 3 × 3 = 9; with red CI for 4 h too, 12.
 * Rounded to hundredths so equal PRs tie and fall back to the older first.
 */
export function urgencyOf(
  signals: readonly TriageSignal[],
  pull: TriagePull,
  thresholds: TriageThresholds,
): number {
  const total = signals.reduce(
    (sum, signal) => sum + SIGNAL_WEIGHTS[signal.kind] * overdueOf(signal, pull, thresholds),
    0,
  );
  return Math.round(total * 100) / 100;
}

/** Open review requests per login, counted over open non-draft PRs. */
export function countOpenReviews(pulls: readonly TriagePull[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pull of pulls) {
    if (pull.draft) continue;
    for (const login of new Set(pull.requestedReviewers)) counts.set(login, (counts.get(login) ?? 0) + 1);
  }
  return counts;
}

/** Whether a login is working at `now`, asked once per login: the suggester asks it of every candidate of every PR. */
function availabilityAt(options: Pick<BuildQueueOptions, 'now' | 'calendars'>): (login: string) => boolean {
  const known = new Map<string, boolean>();
  return (login) => {
    let working = known.get(login);
    if (working === undefined) {
      working = isWorking(calendarOfLogin(options.calendars, login), options.now);
      known.set(login, working);
    }
    return working;
  };
}

/** What the suggester may know about one PR's possible reviewers at `now`. */
export function reviewerContextOf(
  pull: TriagePull,
  options: Pick<BuildQueueOptions, 'now' | 'calendars' | 'codeOwners'>,
  openReviews: ReadonlyMap<string, number>,
  isAvailable: (login: string) => boolean = availabilityAt(options),
): ReviewerContext {
  const rules = options.codeOwners?.(pull.repo, pull.baseRef);
  return {
    now: options.now,
    isAvailable,
    openReviews,
    codeOwnersOf: (path) => rules?.ownersOf(path) ?? [],
  };
}

/**
 * The triage queue: bot-authored PRs in a lane of their own, drafts left out of the human queue (a person's
 * own long drafts excepted), the rest with signals over thresholds ranked by urgency (ties: older first), and
 * a reviewer suggestion for every PR waiting for review when a suggester is given (computed when first read:
 * the views read the few they show).
 */
export function buildTriageQueue(pulls: readonly TriagePull[], options: BuildQueueOptions): TriageQueue {
  const thresholds = options.thresholds ?? DEFAULT_TRIAGE_THRESHOLDS;
  const ownLogins = options.scope?.kind === 'person' ? new Set(options.scope.logins) : new Set<string>();
  const openReviews = options.openReviews ?? countOpenReviews(pulls);
  const isAvailable = availabilityAt(options);
  const botLane: TriagePull[] = [];
  const items: TriageItem[] = [];
  let draftsLeftOut = 0;

  for (const pull of pulls) {
    if (pull.authorIsBot || isBotAuthor(pull.author, options.botLogins)) {
      botLane.push(pull);
      continue;
    }
    const signals = signalsOf(pull, { calendars: options.calendars, thresholds, now: options.now });
    if (pull.draft && !(ownLogins.has(pull.author) && signals.length)) {
      draftsLeftOut += 1;
      continue;
    }
    if (!signals.length) continue;
    const scoreOf = (signal: TriageSignal) =>
      SIGNAL_WEIGHTS[signal.kind] * overdueOf(signal, pull, thresholds);
    signals.sort((a, b) => scoreOf(b) - scoreOf(a));
    const item: TriageItem = { pull, signals, urgency: urgencyOf(signals, pull, thresholds) };
    const suggester = options.suggester;
    if (suggester && signals.some((signal) => signal.kind === 'waiting-for-review')) {
      let suggested: { value: ReviewerSuggestion | undefined } | undefined;
      Object.defineProperty(item, 'suggestion', {
        enumerable: true,
        get: () =>
          (suggested ??= {
            value: suggester.suggest(pull, reviewerContextOf(pull, options, openReviews, isAvailable)),
          }).value,
      });
    }
    items.push(item);
  }

  items.sort(
    (a, b) =>
      b.urgency - a.urgency ||
      a.pull.openedAt.getTime() - b.pull.openedAt.getTime() ||
      a.pull.repo.localeCompare(b.pull.repo) ||
      a.pull.number - b.pull.number,
  );
  botLane.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  return { items, botLane, draftsLeftOut };
}
