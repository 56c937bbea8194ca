import type { ChatAccount } from '../../handlers/standup/types.ts';
import type { Models } from '../models/index.ts';

/**
 * The Teams accounts of the people whose verified emails are listed, through `people` (an email may sit on
 * any of a person's accounts: Slack's, Jira's, Teams' own). Emails nobody has verified are returned as unknown.
 */
export function createTeamsAccountsByEmail(Person: Models['Person']) {
  return async (tenantId: string, emails: string[]): Promise<{ found: ChatAccount[]; unknown: string[] }> => {
    const wanted = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
    if (wanted.length === 0) return { found: [], unknown: [] };
    const withEmail = await Person.find(
      { tenantId, verifiedEmail: { $in: wanted } },
      { personId: 1, verifiedEmail: 1 },
    ).lean();
    const personOf = new Map(withEmail.map((account) => [account.verifiedEmail!, account.personId]));
    const personIds = [...new Set(personOf.values())];
    const teams = personIds.length
      ? await Person.find(
          { tenantId, tool: 'teams', personId: { $in: personIds } },
          { handle: 1, personId: 1 },
        ).lean()
      : [];
    const teamsOf = new Map(teams.map((account) => [account.personId, account.handle]));
    const found: ChatAccount[] = [];
    const unknown: string[] = [];
    for (const email of wanted) {
      const handle = teamsOf.get(personOf.get(email) ?? '');
      if (handle) found.push({ tool: 'teams', handle });
      else unknown.push(email);
    }
    return { found, unknown };
  };
}
