/** Tools whose accounts a person can link to themselves from chat. */
export const LINKABLE_TOOLS = ['github', 'jira', 'pagerduty'] as const;
export type LinkableTool = (typeof LINKABLE_TOOLS)[number];
export type AccountTool = 'slack' | 'teams' | LinkableTool;

export interface AccountRef {
  tool: AccountTool;
  handle: string;
}

export type LinkOutcome =
  | { status: 'linked' }
  | { status: 'already-linked' }
  /** The account is linked to someone else by hand; only an admin (CLI) may move it. */
  | { status: 'taken' };

/** The identity port: who is who across tools. Implemented in data/identity/. */
export interface IdentityDirectory {
  /** Links `account` to the person behind `owner` (creating either account on first sight). */
  link(tenantId: string, owner: AccountRef, account: AccountRef, how: 'manual'): Promise<LinkOutcome>;
  /** Every account of the person behind `account`, itself included. */
  accountsOf(tenantId: string, account: AccountRef): Promise<AccountRef[]>;
}
