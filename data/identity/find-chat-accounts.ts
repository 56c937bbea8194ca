import type { AccountRef } from '../../handlers/identity/types.ts';
import type { Models } from '../models/index.ts';

/** A GitHub login as docs name people (`@alice` in CODEOWNERS, `alice` from the commits API); not a team. */
const LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;

/**
 * The Slack and Teams accounts of the person behind a GitHub login, read from `people` (accounts share a
 * `personId` once linked). Read-only: a login nobody has seen is not created. GitHub logins are
 * case-insensitive, so the login as written and lower-cased are both tried (by `_id`, which FerretDB serves
 * without a scan).
 */
export async function findChatAccounts(
  Person: Models['Person'],
  tenantId: string,
  name: string,
): Promise<AccountRef[]> {
  const login = LOGIN.exec(name.trim())?.[1];
  if (!login) return [];
  let personId: string | undefined;
  for (const handle of new Set([login, login.toLowerCase()])) {
    const account = await Person.findOne({ tenantId, _id: `${tenantId}|github|${handle}` }).lean();
    if (account) {
      personId = account.personId;
      break;
    }
  }
  if (!personId) return [];
  const accounts = await Person.find({ tenantId, personId }, { tool: 1, handle: 1 }).lean();
  // Slack first: a direct message there needs nothing more; Teams needs a personal chat with the bot.
  return accounts
    .filter((account) => account.tool === 'slack' || account.tool === 'teams')
    .sort((a, b) => a.tool.localeCompare(b.tool))
    .map(({ tool, handle }) => ({ tool, handle }));
}
