import type { ChatAccount } from '../../handlers/standup/types.ts';
import type { Models } from '../models/index.ts';
import type { IdentityTool } from '../models/person.ts';

/** Every account of the people behind some chat accounts, by tool, as the facts name them. */
export interface LinkedAccounts {
  handlesOf(tool: IdentityTool): string[];
  /** PagerDuty stores an incident's assignees by display name, not by id. */
  pagerDutyNames: string[];
  /** Policy user ids (`slack:U…`, `teams:<aad id>`): how approvals and the audit ledger name a decider. */
  deciderIds: string[];
}

/**
 * Two reads: the chat accounts' people documents by `_id` (one document each), then every account sharing
 * their personIds. A chat account nobody has recorded yet is still its own decider.
 */
export async function findLinkedAccounts(
  Person: Models['Person'],
  tenantId: string,
  members: readonly ChatAccount[],
): Promise<LinkedAccounts> {
  const ids = members.map((member) => `${tenantId}|${member.tool}|${member.handle}`);
  const own = await Person.find({ tenantId, _id: oneOrAny(ids) }, { personId: 1 }).lean();
  const personIds = [...new Set(own.map((person) => person.personId))];
  const accounts =
    personIds.length === 0
      ? []
      : await Person.find(
          { tenantId, personId: oneOrAny(personIds) },
          { tool: 1, handle: 1, displayName: 1 },
        ).lean();
  return linkedOf(members, accounts);
}

type AccountDoc = { tool: IdentityTool; handle: string; displayName?: string };

function linkedOf(members: readonly ChatAccount[], accounts: readonly AccountDoc[]): LinkedAccounts {
  const all = [...members, ...accounts];
  const unique = (values: (string | undefined)[]) =>
    [...new Set(values)].filter((value): value is string => Boolean(value));
  return {
    handlesOf: (tool) =>
      unique(all.filter((account) => account.tool === tool).map((account) => account.handle)),
    pagerDutyNames: unique(
      accounts.filter((account) => account.tool === 'pagerduty').map((a) => a.displayName),
    ),
    deciderIds: unique(
      all
        .filter((account) => account.tool === 'slack' || account.tool === 'teams')
        .map((account) => `${account.tool}:${account.handle}`),
    ),
  };
}

/**
 * `findLinkedAccounts` of each chat account on its own (keyed `tool:handle`), in the same two reads for all of
 * them: what a standup's fan-out drafts a batch of prompts from.
 */
export async function findLinkedAccountsOfEach(
  Person: Models['Person'],
  tenantId: string,
  members: readonly ChatAccount[],
): Promise<Map<string, LinkedAccounts>> {
  const linked = new Map<string, LinkedAccounts>();
  if (members.length === 0) return linked;
  const idOf = (member: ChatAccount) => `${tenantId}|${member.tool}|${member.handle}`;
  const own = await Person.find({ tenantId, _id: oneOrAny(members.map(idOf)) }, { personId: 1 }).lean();
  const personIdOf = new Map(own.map((person) => [person._id, person.personId]));
  const personIds = [...new Set(own.map((person) => person.personId))];
  const accounts =
    personIds.length === 0
      ? []
      : await Person.find(
          { tenantId, personId: oneOrAny(personIds) },
          { tool: 1, handle: 1, displayName: 1, personId: 1 },
        ).lean();
  const accountsOf = new Map<string, AccountDoc[]>();
  for (const account of accounts)
    accountsOf.set(account.personId, [...(accountsOf.get(account.personId) ?? []), account]);
  for (const member of members) {
    const personId = personIdOf.get(idOf(member));
    linked.set(
      `${member.tool}:${member.handle}`,
      linkedOf([member], personId === undefined ? [] : (accountsOf.get(personId) ?? [])),
    );
  }
  return linked;
}

/**
 * A filter value for one of `values`: plain equality when there is one (FerretDB on PostgreSQL pushes string
 * equality down to SQL, not `$in`), `$in` otherwise.
 */
export const oneOrAny = (values: readonly string[]): string | { $in: string[] } =>
  values.length === 1 ? values[0]! : { $in: [...values] };
