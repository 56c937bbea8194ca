/** Standup blockers: what is stored, and the ports the blocker domain reads and writes through. */

import type { CalendarSource } from '../availability/types.ts';
import type { ChatPoster } from '../delivery/types.ts';
import type { ChatAccount } from './types.ts';

/** An item a blocker is linked to, once resolved against the facts. */
export type LinkedItem =
  | { kind: 'pr'; repo: string; number: number; url?: string; title?: string }
  | { kind: 'jira'; key: string; url?: string; title?: string }
  | { kind: 'person'; account: ChatAccount };

/** Someone who can unblock, in the order they are asked. */
export interface Unblocker {
  account: ChatAccount;
  role: 'author' | 'reviewer' | 'assignee' | 'mentioned';
}

export type BlockerClosedBy = 'fact:pr-merged' | 'fact:issue-done' | 'member';

export interface StandupBlocker {
  id: string;
  tenantId: string;
  standupId: string;
  /** Who reported it, and on which of their local standup days. */
  member: ChatAccount;
  memberName?: string;
  /** The standup's owner when it was reported: who an escalation goes to. */
  owner: ChatAccount;
  date: string;
  openedAt: Date;
  /** Null once purged after the retention period. */
  text: string | null;
  items: LinkedItem[];
  unblockers: Unblocker[];
  status: 'open' | 'closed';
  closedAt: Date | null;
  closedBy: BlockerClosedBy | null;
  /** The last local date each target (`tool:handle`) was nudged. */
  nudges: { target: string; date: string }[];
  escalatedAt: Date | null;
  /** Standup days the blocker was carried into a draft. */
  carriedCount: number;
}

export type NewBlocker = Pick<
  StandupBlocker,
  | 'tenantId'
  | 'standupId'
  | 'member'
  | 'memberName'
  | 'owner'
  | 'date'
  | 'openedAt'
  | 'text'
  | 'items'
  | 'unblockers'
>;

/** Counters of one standup day (the member's local date); only ever incremented. */
export type StandupDayCounter =
  'prompted' | 'answered' | 'away' | 'blockersOpened' | 'blockersClosed' | 'blockersCarried';

export type StandupDayCounts = { date: string } & Record<StandupDayCounter, number>;

/** Blockers and the standup day rollups. Implemented in data/standup/; every call names one tenant. */
export interface BlockerStore {
  /**
   * Replaces the member's open blockers of that day with these (an edited answer). A blocker's id is its day,
   * member and text, so an unchanged line keeps its id (and its claims), and a closed one stays closed.
   */
  replaceDay(
    tenantId: string,
    standupId: string,
    member: ChatAccount,
    date: string,
    blockers: NewBlocker[],
  ): Promise<{ removed: number; added: number }>;
  /** The member's open blockers, oldest first. */
  openOf(tenantId: string, standupId: string, member: ChatAccount): Promise<StandupBlocker[]>;
  /** Every open blocker of the tenant, oldest first. */
  openIn(tenantId: string): Promise<StandupBlocker[]>;
  /** Blockers of the standup closed at or after `since`. */
  closedSince(tenantId: string, standupId: string, since: Date): Promise<StandupBlocker[]>;
  /** Closes an open blocker; false when it was not open (someone else closed it first). */
  close(tenantId: string, id: string, by: BlockerClosedBy, at: Date): Promise<boolean>;
  setUnblockers(tenantId: string, id: string, unblockers: Unblocker[]): Promise<void>;
  /**
   * Claims a one-time step (`nudge:<date>`, `escalate`, `carry:<date>`) of a blocker: true for the one caller
   * that may take it. `release` gives it back after a failed send.
   */
  claim(tenantId: string, id: string, step: string, at: Date): Promise<boolean>;
  release(tenantId: string, id: string, step: string): Promise<void>;
  recordNudge(tenantId: string, id: string, target: string, date: string): Promise<void>;
  recordEscalation(tenantId: string, id: string, at: Date): Promise<void>;
  recordCarry(tenantId: string, id: string): Promise<void>;
  countDay(
    tenantId: string,
    standupId: string,
    date: string,
    increments: Partial<Record<StandupDayCounter, number>>,
  ): Promise<void>;
  /** The rollups of those dates that exist. */
  daysOf(tenantId: string, standupId: string, dates: string[]): Promise<StandupDayCounts[]>;
}

export interface PullRequestInfo {
  repo: string;
  number: number;
  url?: string;
  title?: string;
  state?: 'open' | 'closed' | 'merged';
  author?: string;
  requestedReviewers: string[];
  reviewers: string[];
}

export interface JiraIssueInfo {
  key: string;
  title?: string;
  /** Jira's status category: new, indeterminate or done. */
  statusCategory?: string;
  /** Jira account id. */
  assignee?: string;
}

/** What the facts know about linked items and who is behind a tool's handle. Implemented in data/standup/. */
export interface WorkItems {
  /** The first of these repositories with that pull request, or the one repository that has it when none is given. */
  pullRequest(
    tenantId: string,
    repos: readonly string[],
    number: number,
  ): Promise<PullRequestInfo | undefined>;
  jiraIssue(tenantId: string, key: string): Promise<JiraIssueInfo | undefined>;
  /** The Slack and Teams accounts of the person behind a GitHub login or Jira account id. */
  chatAccountsOf(tenantId: string, tool: 'github' | 'jira', handle: string): Promise<ChatAccount[]>;
  /** Repositories the member has recently opened pull requests in, newest first: where a bare `#123` is. */
  reposOf(tenantId: string, member: ChatAccount): Promise<string[]>;
}

/** When people work, keyed `tool:handle` (the availability feature's port). */
export interface BlockerDeps {
  blockers: BlockerStore;
  work: WorkItems;
  calendars: CalendarSource;
  poster: ChatPoster;
  /** STANDUP_ESCALATE_AFTER_DAYS: working days a blocker stays open before the standup's owner hears of it. */
  escalateAfterDays: number;
  /** Jira site for links to issues named by key, e.g. `https://acme.atlassian.net`. */
  jiraBaseUrl?: string;
}
