import type { ChatAccount, MessageRef } from '../delivery/types.ts';
import type { SignalKind, TriageQueue, TriageScope } from './types.ts';

/**
 * Personal PR notifications and the team triage digest, channel-neutral: the events a person opts into, the
 * views that show them, and the ports the delivery and the digest run on. No I/O here.
 */

/** What happened on a PR that its author or a requested reviewer may want to hear about. */
export type NotifyEventKind = 'review-requested' | 'changes-requested' | 'approved' | 'ci-failed' | 'merged';

/** One event, read from a fact write, before it is checked against the stored facts. */
export interface NotifyCandidate {
  kind: NotifyEventKind;
  repo: string;
  /** Absent for a CI run, found from its head commit among the open PRs. */
  number?: number;
  headSha?: string;
  /** The GitHub login told: the reviewer requested; else found from the PR (its author). */
  login?: string;
  /** The GitHub login who did it (the reviewer), when known. */
  by?: string;
  /** Unique among this PR's events for this person: the same webhook twice gives the same key. */
  key: string;
  at?: Date;
  /** A CI check's name and its page. */
  detail?: string;
  url?: string;
}

/** One event as the person's message lists it. */
export interface NoticeEvent {
  kind: NotifyEventKind;
  by?: string;
  detail?: string;
  url?: string;
  /** ISO. */
  at: string;
}

/** The one message a person has about one PR, edited in place as its events come. */
export interface TriageNoticeView {
  kind: 'triage-notice';
  pull: { repo: string; number: number; title: string; url: string };
  /** Why the person hears about it. */
  role: 'author' | 'reviewer';
  /** Oldest first. */
  events: NoticeEvent[];
}

/** One PR in the team digest, as it stood when the digest was posted or as it stands now. */
export interface DigestItem {
  repo: string;
  number: number;
  title: string;
  url: string;
  signal: SignalKind;
  ageHours: number;
  waitingOn: string[];
  suggested?: string;
}

/** The team's one digest message of the day. */
export interface TriageDigestView {
  kind: 'triage-digest';
  team: string;
  /** The team's local date, `YYYY-MM-DD`. */
  date: string;
  /** Still actionable, most urgent first. */
  open: DigestItem[];
  /** Listed this morning and no longer in the queue. */
  resolved: DigestItem[];
}

/** A person's notification choice (keyed by their person, reached on the chat account that opted in). */
export interface NotifySettings {
  enabled: boolean;
  dailyBudget: number;
  /** The GitHub login linked to the person, when there is one: events are about it. */
  githubLogin?: string;
}

/** `notify on|off|settings`: implemented in data/triage/. */
export interface NotifySettingsStore {
  settingsOf(tenantId: string, account: ChatAccount): Promise<NotifySettings>;
  save(
    tenantId: string,
    account: ChatAccount,
    change: { enabled?: boolean; dailyBudget?: number },
  ): Promise<NotifySettings>;
}

/** One PR's message for one person that has events not yet shown. */
export interface PendingNotice {
  id: string;
  tenantId: string;
  login: string;
  revision: number;
  view: TriageNoticeView;
  ref?: MessageRef;
}

/** The delivery side of notifications: implemented in data/triage/mongo-notify-store.ts. */
export interface NoticeStore {
  tenantsWithPending(): Promise<string[]>;
  /** Pending notices of a tenant, oldest change first. */
  pending(tenantId: string): Promise<PendingNotice[]>;
  /** Who gets a login's notices: where to send, the daily budget; undefined when they are not opted in. */
  recipientOf(
    tenantId: string,
    login: string,
  ): Promise<{ account: ChatAccount; dailyBudget: number } | undefined>;
  /** Insert-once: true for the one caller that may deliver this revision. */
  claimDelivery(tenantId: string, noticeId: string, revision: number, now: Date): Promise<boolean>;
  releaseDelivery(tenantId: string, noticeId: string, revision: number): Promise<void>;
  /** Takes one of the person's messages for their local date; false when the budget is spent. */
  takeBudget(tenantId: string, login: string, date: string, budget: number, now: Date): Promise<boolean>;
  delivered(tenantId: string, noticeId: string, revision: number, ref: MessageRef, now: Date): Promise<void>;
}

/** The queue the digest reads: handlers/triage/load-triage-queue.ts (branch triage-core) behind a port. */
export type TriageQueuePort = (tenantId: string, scope: TriageScope, now: Date) => Promise<TriageQueue>;

/** A team's digest choices; defaults when nobody set them. */
export interface DigestSettings {
  enabled: boolean;
  /** Local `HH:MM` in the team's zone. */
  time: string;
}

export const DEFAULT_DAILY_BUDGET = 10;

/** The team's digest of one local date. */
export interface DigestRecord {
  /** `claimed`: a tick is deciding now; `quiet`: nothing was actionable at the digest time, so nothing that day. */
  state: 'claimed' | 'quiet' | 'posted';
  ref?: MessageRef;
  /** The items as posted this morning. */
  items: DigestItem[];
  /** A fingerprint of what the message shows now, so an unchanged digest is not edited. */
  shown: string;
}

/** Implemented in data/triage/mongo-digest-store.ts. */
export interface DigestStore {
  /** The team's digest time (its triage settings, over the tenant's) and whether it opted out. */
  settingsOf(tenantId: string, team: { id: string; name: string }): Promise<DigestSettings>;
  find(tenantId: string, standupId: string, date: string): Promise<DigestRecord | undefined>;
  /** Insert-once: true for the one caller that decides (posts or stays quiet) for this team's date. */
  claim(tenantId: string, standupId: string, date: string, now: Date): Promise<boolean>;
  /** Gives the claim up (the post failed), so a later tick tries again. */
  release(tenantId: string, standupId: string, date: string): Promise<void>;
  save(tenantId: string, standupId: string, date: string, record: DigestRecord, now: Date): Promise<void>;
}
