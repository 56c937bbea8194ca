import type { WorkingCalendar } from '../availability/types.ts';
import type { AgeMode, FlowConfig } from '../metrics/flow-types.ts';
import type { FlowInput } from '../metrics/measure-flow.ts';
import type { TimeRange } from '../metrics/types.ts';
import type { ChatAccount } from '../standup/types.ts';

/** Whose facts: the tenant's, a repository's, or some people's (a team's members, or the asker). */
export type FlowFacts =
  | { kind: 'tenant' }
  | { kind: 'repo'; repo: string }
  | { kind: 'people'; githubLogins: string[]; jiraAccounts: string[]; reviewedToo?: boolean };

export interface FlowSettings {
  ageMode: AgeMode;
  /** Status name → active or waiting, over the Jira category. */
  statusStates: NonNullable<FlowConfig['statusStates']>;
}

/** What `/flow` and the REST API read; bot/ wires them to the database. */
export interface FlowPorts {
  load(
    tenantId: string,
    facts: FlowFacts,
    range: TimeRange,
  ): Promise<{ input: FlowInput; truncated: boolean }>;
  settingsOf(tenantId: string): Promise<FlowSettings>;
  /** The team's default working calendar (hours and holidays), for working-hours ages. */
  teamCalendar(tenantId: string): Promise<WorkingCalendar>;
  /** The GitHub logins and Jira accounts linked to some chat accounts. */
  accountsOf(
    tenantId: string,
    members: readonly ChatAccount[],
  ): Promise<{ githubLogins: string[]; jiraAccounts: string[] }>;
  findRepo(tenantId: string, typed: string): Promise<string | undefined>;
  now(): Date;
}
