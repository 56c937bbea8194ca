import type { DigestItem, NoticeEvent, TriageNoticeView } from '../handlers/triage/notify-types.ts';
import type { SignalKind } from '../handlers/triage/types.ts';

/* Plain wording of PR notifications and the triage digest, shared by the Slack and Teams renderers. */

const SIGNAL_LABELS: Record<SignalKind, string> = {
  'waiting-for-review': 'Waiting for a first review',
  'changes-requested': 'Changes requested, idle',
  'approved-not-merged': 'Approved, not merged',
  'failing-ci': 'CI failing',
  'merge-conflict': 'Merge conflict',
  stale: 'No activity',
  'very-large': 'Very large',
  'long-draft': 'Draft for a long time',
};

/** People a line names before "and N more". */
const NAMES = 5;
const namesOf = (names: readonly string[]) =>
  names.length > NAMES
    ? `${names.slice(0, NAMES).join(', ')} and ${names.length - NAMES} more`
    : names.join(', ');

export const signalLabel = (kind: SignalKind): string => SIGNAL_LABELS[kind];

/** "Waiting for a first review · 14 working hours · waiting on ana, ravi · suggested: tui". */
export function digestItemLine(item: DigestItem): string {
  return [
    signalLabel(item.signal),
    `${item.ageHours} working ${item.ageHours === 1 ? 'hour' : 'hours'}`,
    item.waitingOn.length > 0 ? `waiting on ${namesOf(item.waitingOn)}` : undefined,
    item.suggested ? `suggested reviewer: ${item.suggested}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

export const pullLabel = (pull: { repo: string; number: number }) => `${pull.repo}#${pull.number}`;

/** One event as its line reads: "ana approved", "CI failed: build". */
export function eventText(event: NoticeEvent): string {
  switch (event.kind) {
    case 'review-requested':
      return 'Your review was requested';
    case 'changes-requested':
      return `${event.by ?? 'A reviewer'} requested changes`;
    case 'approved':
      return `${event.by ?? 'A reviewer'} approved`;
    case 'ci-failed':
      return event.detail ? `CI failed: ${event.detail}` : 'CI failed';
    case 'merged':
      return 'Merged';
  }
}

/** The message's headline: where the PR stands for the person, from its latest event. */
export function noticeHeadline(view: TriageNoticeView): string {
  const latest = view.events.at(-1);
  const subject = view.role === 'author' ? 'Your PR' : 'PR';
  return latest
    ? `${subject} ${pullLabel(view.pull)}: ${eventText(latest)}`
    : `${subject} ${pullLabel(view.pull)}`;
}

/** How many events a message lists before "and N earlier". */
export const NOTICE_MAX_EVENTS = 10;
