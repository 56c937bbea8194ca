import type { ApprovalServices } from '../approvals/types.ts';
import type { CalendarSource } from '../availability/types.ts';
import type { ChatAccount, ChatPoster } from '../delivery/types.ts';
import type { TriageQueue, TriageScope, TriageSettingsStore } from './types.ts';

/** A snooze one person set on one PR: until a time, or until the head moves past the commit it was set at. */
export interface TriageSnooze {
  repo: string;
  number: number;
  until?: Date;
  /** The head when snoozed "until the next commit" (`headMarkOf`); the snooze ends once the head differs. */
  head?: string;
}

/** "I'm on it": who took the PR, as shown on the item ("Ana is on it"). */
export interface TriageTaken {
  repo: string;
  number: number;
  by: string;
}

/**
 * What the /triage buttons remember, keyed by chat account (`slack:U…`). Nudges are insert-once claims: a claim
 * that already exists is a nudge already sent (the limit), whichever instance or retry tried second.
 */
export interface TriageMarks {
  snooze(tenantId: string, viewer: string, snooze: TriageSnooze): Promise<void>;
  snoozesOf(tenantId: string, viewer: string): Promise<TriageSnooze[]>;
  /** False when someone already took it: the first one keeps it. */
  take(tenantId: string, taken: TriageTaken & { account: string }): Promise<boolean>;
  /** The marks on these PRs; with their openedAt, only marks made since the oldest opened are read. */
  takenOf(
    tenantId: string,
    pulls: readonly { repo: string; number: number; openedAt?: Date }[],
  ): Promise<TriageTaken[]>;
  /** Claims the day's one nudge of `login` about a PR (`tenant|repo#n|login|localDate`); false when taken. */
  claimNudge(tenantId: string, pull: string, login: string, localDate: string, at: Date): Promise<boolean>;
  releaseNudge(tenantId: string, pull: string, login: string, localDate: string): Promise<void>;
}

/** What `/triage` and its buttons use besides the command's own input; wired in bot/main.ts. */
export interface TriagePorts {
  /** The ranked queue for a scope (handlers/triage/load-triage-queue.ts once wired). */
  queue(tenantId: string, scope: TriageScope, now: Date): Promise<TriageQueue>;
  /** The repository (`owner/name`, typed in any case) as the tenant's facts spell it; undefined when unknown. */
  findRepo(tenantId: string, typed: string): Promise<string | undefined>;
  /** GitHub logins linked to a chat account (`/em link github <login>` or by verified email). */
  githubLoginsOf(tenantId: string, account: ChatAccount): Promise<string[]>;
  /** The Slack and Teams accounts of the person behind a GitHub login, Slack first. */
  chatAccountsOf(tenantId: string, login: string): Promise<ChatAccount[]>;
  /** The name people know a chat account by (Slack's real name, Teams' display name), when it is known. */
  displayNameOf(tenantId: string, account: ChatAccount): Promise<string | undefined>;
  marks: TriageMarks;
  /** Thresholds, bot authors and digest time per team (`triage settings`); absent, the command says so. */
  settings?: TriageSettingsStore;
  calendars: CalendarSource;
  poster: Pick<ChatPoster, 'sendDirect'>;
  /** `pr.request_review` is proposed through these; absent, the button says approvals are off. */
  approvals?: ApprovalServices;
  now(): Date;
}
