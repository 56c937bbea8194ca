import type { WorkingCalendar } from '../availability/types.ts';
import { workingDuration } from '../availability/working-time.ts';
import { calendarOfLogin } from './default-calendar.ts';
import type { SignalKind, TriagePull, TriageSignal, TriageThresholds } from './types.ts';

const HOUR = 3_600_000;

export interface SignalInputs {
  /** Working calendars by GitHub login; a login without one gets DEFAULT_TRIAGE_CALENDAR. */
  calendars: ReadonlyMap<string, WorkingCalendar>;
  thresholds: TriageThresholds;
  now: Date;
}

/** Where each reviewer stands now: their latest approval or change request (a comment changes neither, a dismissal clears it). */
export function reviewVerdicts(
  pull: TriagePull,
): Map<string, { state: 'approved' | 'changes_requested'; at: Date }> {
  const verdicts = new Map<string, { state: 'approved' | 'changes_requested'; at: Date }>();
  const inOrder = [...pull.reviews].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const review of inOrder) {
    if (review.reviewer === pull.author) continue;
    if (review.state === 'dismissed') verdicts.delete(review.reviewer);
    else if (review.state !== 'commented')
      verdicts.set(review.reviewer, { state: review.state, at: review.at });
  }
  return verdicts;
}

/** Whole working hours since `since`, the most of the people given: the longest any of them could have acted. */
export function workingAgeHours(
  calendars: ReadonlyMap<string, WorkingCalendar>,
  logins: readonly string[],
  since: Date,
  now: Date,
): number {
  const ages = logins.map((login) => workingDuration(calendarOfLogin(calendars, login), since, now));
  return Math.floor(Math.max(0, ...ages) / HOUR);
}

/**
 * The signals of one open PR that are over their thresholds, each with who it waits on and its age in their
 * working hours. A draft shows only `long-draft`. `stale` is left out when a review signal already says who
 * the PR waits on and for how long, so one idle PR is not reported twice.
 */
export function signalsOf(pull: TriagePull, inputs: SignalInputs): TriageSignal[] {
  const { calendars, thresholds, now } = inputs;
  const signal = (kind: SignalKind, waitingOn: string[], since: Date, ageOf: string[] = waitingOn) => ({
    kind,
    waitingOn,
    since,
    ageHours: workingAgeHours(calendars, ageOf, since, now),
  });
  const author = [pull.author];

  if (pull.draft) {
    const draft = signal('long-draft', author, pull.openedAt);
    return draft.ageHours >= thresholds.longDraftHours ? [draft] : [];
  }

  const signals: TriageSignal[] = [];
  const over = (candidate: TriageSignal, hours: number) => {
    if (candidate.ageHours >= hours) signals.push(candidate);
  };
  const verdicts = [...reviewVerdicts(pull).values()];
  const reviewedByOthers = pull.reviews.some((review) => review.reviewer !== pull.author);

  if (!reviewedByOthers) {
    // Nobody requested yet: the author's hours stand in for the team's until someone is.
    const reviewers = pull.requestedReviewers.filter((login) => login !== pull.author);
    over(
      signal(
        'waiting-for-review',
        reviewers,
        pull.readyAt ?? pull.openedAt,
        reviewers.length ? reviewers : author,
      ),
      thresholds.firstReviewHours,
    );
  }

  const changesRequested = verdicts.filter((verdict) => verdict.state === 'changes_requested');
  const latestChangeRequest = maxDate(changesRequested.map((verdict) => verdict.at));
  // Idle: nothing pushed since the last change request.
  if (latestChangeRequest && !(pull.lastCommitAt && pull.lastCommitAt > latestChangeRequest)) {
    over(signal('changes-requested', author, latestChangeRequest), thresholds.changesRequestedIdleHours);
  }

  const approvals = verdicts.filter((verdict) => verdict.state === 'approved');
  if (approvals.length && !changesRequested.length) {
    const approvedSince = minDate(approvals.map((verdict) => verdict.at))!;
    over(signal('approved-not-merged', author, approvedSince), thresholds.approvedNotMergedHours);
  }

  if (pull.checks === 'failure') {
    over(
      signal('failing-ci', author, pull.checksFailedAt ?? pull.lastCommitAt ?? pull.lastActivityAt),
      thresholds.failingCiHours,
    );
  }

  // GitHub does not say when a conflict arose: it has held since the last activity at the latest.
  if (pull.mergeable === 'conflicting') signals.push(signal('merge-conflict', author, pull.lastActivityAt));

  const explained = signals.some((found) =>
    ['waiting-for-review', 'changes-requested', 'approved-not-merged'].includes(found.kind),
  );
  if (!explained) over(signal('stale', author, pull.lastActivityAt), thresholds.staleHours);

  if (
    pull.additions + pull.deletions >= thresholds.largeLines ||
    pull.changedFiles >= thresholds.largeFiles
  ) {
    signals.push(signal('very-large', author, pull.readyAt ?? pull.openedAt));
  }
  return signals;
}

const maxDate = (dates: Date[]) =>
  dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : undefined;
const minDate = (dates: Date[]) =>
  dates.length ? new Date(Math.min(...dates.map((date) => date.getTime()))) : undefined;
