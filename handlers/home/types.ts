/** A person's home (Slack App Home, the Teams `home` card), channel-neutral. No I/O here. */

import type { ApprovalDeps } from '../approvals/types.ts';
import type { CalendarSource } from '../availability/types.ts';
import type { Decider } from '../policy/types.ts';
import type { StandupBlocker } from '../standup/blocker-types.ts';
import type { ChatAccount, StandupStore } from '../standup/types.ts';
import type { ApprovalView } from '../types.ts';

/** One open pull request on the home, and whom it waits on (GitHub logins). */
export interface HomePull {
  repo: string;
  number: number;
  title: string;
  url?: string;
  author: string;
  /** Whom it waits on; empty when nobody is asked yet (no reviewer requested). */
  waitingOn: string[];
  /** Why, in a few words: "review requested", "changes requested", "approved, not merged". */
  reason: string;
  /** Working hours it has waited, when the source knows them (triage's signals). */
  ageHours?: number;
}

/** The two PR lists of one person, from their GitHub logins. */
export interface PersonPulls {
  /** My open PRs, each with whom it waits on. */
  waitingOnOthers: HomePull[];
  /** Open PRs requesting my review, and my own PRs that need my action. */
  waitingOnMe: HomePull[];
}

/** Reads the PR lists of a person; triage's queue (scope `person`) or a direct read of the PR facts. */
export interface PersonPullSource {
  pullsOf(tenantId: string, logins: readonly string[], now: Date): Promise<PersonPulls>;
}

/** A standup the person is in, as it stands for their local today. */
export interface HomeStandup {
  standupId: string;
  name: string;
  /** The member's local date, `YYYY-MM-DD`: the day the Answer button opens. */
  date: string;
  /** `answered` / `waiting` (a standup day, not answered yet) / `no-standup` (not a standup day for them). */
  status: 'answered' | 'waiting' | 'no-standup';
  /** ISO instant of the deadline on a standup day. */
  deadlineAt?: string;
}

export interface HomeBlocker {
  id: string;
  standupName: string;
  memberName: string;
  text: string;
  openedAt: string;
}

/** Everything the home shows; renderers cut each list to what their surface holds. */
export interface HomeView {
  kind: 'home';
  /** ISO instant it was built. */
  builtAt: string;
  /** False when the person has no GitHub login linked: the PR lists say how to link one. */
  linked: boolean;
  waitingOnOthers: HomePull[];
  waitingOnMe: HomePull[];
  standups: HomeStandup[];
  approvals: { views: ApprovalView[]; more: number };
  /** Open blockers of the person's standups, oldest first. */
  blockers: HomeBlocker[];
  /** The answer to what the person just did, shown on top. */
  note?: string;
}

/** What building a home reads, wired by bot/main.ts; an absent part leaves its section empty. */
export interface HomePorts {
  /** The GitHub logins of the person behind a chat account (their linked accounts). */
  githubLoginsOf(tenantId: string, account: ChatAccount): Promise<string[]>;
  pulls: PersonPullSource;
  standups?: { store: StandupStore; calendars: CalendarSource };
  blockers?: { openIn(tenantId: string): Promise<StandupBlocker[]> };
  /** The pending approvals, each shown decidable only to whoever may decide. */
  approvals?: Pick<ApprovalDeps, 'store' | 'policyFor'>;
}

/** Whose home: the chat account, and who they are to the policy (the edge adds Slack groups or Teams roles). */
export interface HomeOwner {
  tenantId: string;
  account: ChatAccount;
  decider: Decider;
}

/** Builds homes with the ports wired in and the clock; what commands and edges call. */
export interface HomeBuilder {
  build(owner: HomeOwner, note?: string): Promise<HomeView>;
}
