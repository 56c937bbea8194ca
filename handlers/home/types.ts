/** A person's home (Slack App Home, the Teams `home` card), channel-neutral. No I/O here. */

import type { ApprovalDeps, ApprovalStore } from '../approvals/types.ts';
import type { CalendarSource } from '../availability/types.ts';
import type { Decider } from '../policy/types.ts';
import type { StandupBlocker } from '../standup/blocker-types.ts';
import type { ChatAccount, StandupStore } from '../standup/types.ts';
import type { TriagePull } from '../triage/types.ts';
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

/** Reads the PR lists of a person, judged by triage (handlers/home/triage-person-pulls.ts). */
export interface PersonPullSource {
  pullsOf(tenantId: string, logins: readonly string[], now: Date): Promise<PersonPulls>;
  /** A source for a batch of homes of one tenant, with the reads they share done once. */
  batch?(tenantId: string): Promise<PersonPullSource>;
}

/** One person's open PRs, read once: the facts' two lists, and the same PRs as triage judges them. */
export interface PersonOpenPulls {
  lists: PersonPulls;
  pulls: TriagePull[];
}

/** The open PRs of a tenant read at once, each person's picked from them in memory. */
export interface TenantOpenPulls {
  /** Every login the open PRs involve (authors, requested reviewers, reviewers): whose calendars they need. */
  logins: string[];
  of(logins: readonly string[]): PersonOpenPulls;
}

/** Reads open PRs for homes (data/home/open-pull-facts.ts). */
export interface OpenPullFacts {
  /** The open PRs these logins wrote or are asked to review. */
  ofLogins(
    tenantId: string,
    logins: readonly string[],
    botLogins?: readonly string[],
  ): Promise<PersonOpenPulls>;
  /** Every open PR of the tenant in one read: a batch of homes. */
  ofTenant(tenantId: string, botLogins?: readonly string[]): Promise<TenantOpenPulls>;
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
  /** The GitHub logins of each of many chat accounts (keyed `tool:handle`) in the same few reads: a batch. */
  githubLoginsOfEach?(tenantId: string, accounts: readonly ChatAccount[]): Promise<Map<string, string[]>>;
  pulls: PersonPullSource;
  standups?: { store: Pick<StandupStore, 'list' | 'answersOf'>; calendars: CalendarSource };
  blockers?: { openIn(tenantId: string): Promise<StandupBlocker[]> };
  /** The pending approvals, each shown decidable only to whoever may decide. */
  approvals?: { store: Pick<ApprovalStore, 'listPending'> } & Pick<ApprovalDeps, 'policyFor'>;
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
  /** The homes of many people at once (a burst of refreshes), sharing the reads of each tenant; in order. */
  buildMany(owners: readonly HomeOwner[]): Promise<HomeView[]>;
}
