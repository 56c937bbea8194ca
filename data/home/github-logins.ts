import type { ChatAccount } from '../../handlers/standup/types.ts';
import type { Models } from '../models/index.ts';
import { findLinkedAccounts, oneOrAny } from '../standup/linked-accounts.ts';

/** The GitHub logins of the person behind a chat account, through their linked `people` accounts. */
export async function githubLoginsOf(
  Person: Models['Person'],
  tenantId: string,
  account: ChatAccount,
): Promise<string[]> {
  return (await findLinkedAccounts(Person, tenantId, [account])).handlesOf('github');
}

/**
 * The chat accounts of the people behind some GitHub logins (whose homes a PR event changes), in two reads:
 * the logins' people documents by `_id`, then the chat accounts sharing their personIds.
 */
export async function chatAccountsOfLogins(
  Person: Models['Person'],
  tenantId: string,
  logins: readonly string[],
): Promise<ChatAccount[]> {
  if (logins.length === 0) return [];
  const ids = [...new Set(logins)].map((login) => `${tenantId}|github|${login}`);
  const own = await Person.find({ tenantId, _id: oneOrAny(ids) }, { personId: 1 }).lean();
  const personIds = [...new Set(own.map((person) => person.personId))];
  if (personIds.length === 0) return [];
  const accounts = await Person.find(
    { tenantId, personId: oneOrAny(personIds) },
    { tool: 1, handle: 1 },
  ).lean();
  return accounts.flatMap((account) =>
    account.tool === 'slack' || account.tool === 'teams'
      ? [{ tool: account.tool, handle: account.handle }]
      : [],
  );
}
