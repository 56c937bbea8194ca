/** The async standup's shapes: what a standup is, a day's answers, and the views people see. No I/O here. */

import type { DayStatus } from '../availability/types.ts';
import type { MessageRef } from '../delivery/types.ts';
import type { Surface } from '../types.ts';

/** A person's account on the surface the standup runs on (a Slack user id, a Teams AAD object id). */
export interface ChatAccount {
  tool: Surface;
  handle: string;
}

export const accountKey = (account: ChatAccount): string => `${account.tool}:${account.handle}`;

export interface StandupQuestion {
  /** Stable within the standup (`q1`…), so answers survive a question's rewording. */
  id: string;
  text: string;
  kind: 'text' | 'choice';
  /** The options of a choice question. */
  choices?: string[];
  /** Answers to this question are blockers: stored as signals and sent to whoever can unblock. */
  blockers?: boolean;
}

/** Where the members come from; a group or roster is read again before each day's prompts. */
export type MemberSource =
  | { kind: 'people' }
  | { kind: 'slack-usergroup'; usergroupId: string }
  | { kind: 'teams-roster'; conversationId: string };

export interface Standup {
  id: string;
  tenantId: string;
  name: string;
  surface: Surface;
  /** Slack channel id or Teams conversation id the report goes to. */
  reportChannel: string;
  owner: ChatAccount;
  members: ChatAccount[];
  memberSource: MemberSource;
  questions: StandupQuestion[];
  /** ISO weekdays the standup runs (1 Monday … 7 Sunday); each member's own working days apply too. */
  days: number[];
  /** Local wall-clock time (`HH:MM`) in each member's own zone. */
  promptTime: string;
  /** Local wall-clock time in each member's zone after which an answer is late; the report goes after the last. */
  deadlineTime: string;
  /** Minutes before the deadline the one reminder goes; null: no reminder. */
  reminderMinutes: number | null;
  paused: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a member answered for one standup day (their local date). */
export interface StandupAnswer {
  tenantId: string;
  standupId: string;
  /** The member's local date the answer is for, `YYYY-MM-DD`. */
  date: string;
  member: ChatAccount;
  displayName?: string;
  /** Keyed by question id. */
  answers: Record<string, string>;
  submittedAt: string;
  /** Set when changed after the first submission. */
  editedAt?: string;
  /** Submitted after the member's deadline. */
  late: boolean;
}

/** One member's day as the report and the scheduler see it. */
export interface MemberDay {
  member: ChatAccount;
  /** The member's local date this day is. */
  date: string;
  status: DayStatus;
  /** Instants (ISO) of the prompt, the reminder and the deadline; absent when the member is not prompted. */
  promptAt?: string;
  reminderAt?: string;
  deadlineAt?: string;
}

/** Something a member did or has waiting, linked, for the draft. */
export interface ActivityItem {
  kind:
    | 'pr-opened'
    | 'pr-merged'
    | 'pr-reviewed'
    | 'commit'
    | 'issue-moved'
    | 'issue-commented'
    | 'incident'
    | 'approval'
    /** A successful production deploy: shipped work for the report. */
    | 'deployed'
    | 'pr-waiting'
    | 'issue-in-progress';
  /** One line a person reads: "Merged acme/api#42 Fix the retry loop". */
  text: string;
  url?: string;
  at?: string;
}

/** What the prompt pre-fills: done since the last standup, candidates for today, blockers still open. */
export interface StandupDraft {
  done: ActivityItem[];
  today: ActivityItem[];
  /** Texts of the member's blockers still open from earlier days ("Still blocked on …?"). */
  openBlockers: string[];
}

/** Set-up as a person fills it in (a modal in Slack, a card form in Teams); validated by `checkStandupForm`. */
export type StandupSettings = Omit<Standup, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'paused'>;

/** Standups and their answers. Implemented in data/standup/; every call names one tenant. */
export interface StandupStore {
  create(tenantId: string, settings: StandupSettings, now: Date): Promise<Standup>;
  update(
    tenantId: string,
    id: string,
    changes: Partial<StandupSettings> & { paused?: boolean },
    now: Date,
  ): Promise<Standup | undefined>;
  get(tenantId: string, id: string): Promise<Standup | undefined>;
  list(tenantId: string): Promise<Standup[]>;
  remove(tenantId: string, id: string): Promise<boolean>;
  /** Creates or replaces the member's answer for that day; `created` is false for an edit. */
  saveAnswer(answer: StandupAnswer): Promise<{ created: boolean }>;
  answersOf(tenantId: string, standupId: string, date: string): Promise<StandupAnswer[]>;
  /** The member's newest answer before `date`: where "since your last standup" starts. */
  lastAnswerBefore(
    tenantId: string,
    standupId: string,
    member: ChatAccount,
    date: string,
  ): Promise<StandupAnswer | undefined>;
  /**
   * `lastAnswerBefore` of many members in one read: when each one's newest answer before `date` was submitted,
   * keyed `tool:handle` (absent: never answered). Optional: a fan-out asks each member otherwise.
   */
  lastSubmittedBefore?(
    tenantId: string,
    standupId: string,
    members: readonly ChatAccount[],
    date: string,
  ): Promise<Map<string, string>>;
}

/** The DM each member gets: the questions, pre-filled from their work, with a way to answer (or edit). */
export interface StandupPromptView {
  kind: 'standup-prompt';
  standupId: string;
  standupName: string;
  /** The member's local date the answer is for. */
  date: string;
  /** "Friday, Dec 4"; the deadline in the member's own words ("by 11:00"). */
  dateLabel: string;
  deadlineLabel: string;
  questions: StandupQuestion[];
  draft: StandupDraft;
  /** Text each question's input starts with: the draft, or the answer already given when editing. */
  prefill: Record<string, string>;
  /** Already answered: the button says Edit. */
  answered: boolean;
  /** A reminder rather than the first prompt. */
  reminder: boolean;
  /** A line on top after a submission: "Your answer is in." or the problem with it. */
  note?: string;
}

export interface ReportMember {
  member: ChatAccount;
  displayName: string;
}

/** The parent message in the report channel; updated in place as answers arrive. */
export interface StandupReportView {
  kind: 'standup-report';
  standupId: string;
  standupName: string;
  date: string;
  dateLabel: string;
  /** One line: from the LLM gateway when configured, else the template in cards/templates/. */
  summary: string;
  answered: ReportMember[];
  /** Prompted, not answered (yet). */
  waiting: ReportMember[];
  /** Not prompted, with why: "Holiday (IN)", "Away until Jan 2", "Day off". */
  away: (ReportMember & { label: string })[];
  /** Merged PRs, closed issues and the like across the team since the last report. */
  shipped: ActivityItem[];
  blockers: number;
  /** Every member answered or is away: the report is final (late answers still update it). */
  complete: boolean;
}

/** One member's answer: a thread reply in Slack, a compact card in the same conversation in Teams. */
export interface StandupAnswerView {
  kind: 'standup-answer';
  standupName: string;
  date: string;
  member: ChatAccount;
  displayName: string;
  items: { question: string; answer: string; blockers: boolean }[];
  late: boolean;
  edited: boolean;
}

/** `/standup list`. */
export interface StandupListView {
  kind: 'standup-list';
  items: {
    id: string;
    name: string;
    reportChannel: string;
    members: number;
    schedule: string;
    paused: boolean;
  }[];
}

/** `/standup stats`: team-level only, never a ranking of people. */
export interface StandupStatsView {
  kind: 'standup-stats';
  standupName: string;
  days: { date: string; prompted: number; answered: number }[];
  blockers: { opened: number; closed: number; carried: number; medianHoursToUnblock: number | null };
}

export type StandupView =
  StandupPromptView | StandupReportView | StandupAnswerView | StandupListView | StandupStatsView;

/** A claim on sending one standup message (a prompt, a reminder, the report, an answer in its thread). */
export interface DeliveryClaim {
  tenantId: string;
  key: string;
  attempt: number;
}

/** What was sent once, and where: read back to thread answers under the report and to update messages in place. */
export interface DeliveryRecord {
  ref?: MessageRef;
  error?: string;
}

/**
 * The once-only log of standup messages. A claim is an insert-once document; one left unfinished longer than
 * the lease (its process died mid-send) may be claimed again, so a crash loses nothing.
 */
export interface StandupDeliveries {
  claim(tenantId: string, key: string, now: Date): Promise<DeliveryClaim | undefined>;
  finish(claim: DeliveryClaim, result: DeliveryRecord, now: Date): Promise<void>;
  /** Gives a claim up after a failure that a later run should retry. */
  release(claim: DeliveryClaim): Promise<void>;
  /** The finished record of a key, if any. */
  find(tenantId: string, key: string): Promise<DeliveryRecord | undefined>;
  /** Finished records whose key starts with the prefix and that Slack or Teams refused. */
  refused(tenantId: string, keyPrefix: string): Promise<{ key: string; error: string }[]>;
}
