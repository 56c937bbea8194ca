import type { FactWrite } from '../sources/fact-write.ts';
import type { Models } from '../models/index.ts';

type PersonModel = Models['Person'];
const TOOL_ORDER = ['slack', 'teams', 'github', 'jira', 'pagerduty'];
const ownPerson = (account: { tool: string; handle: string }) => `${account.tool}:${account.handle}`;

/** The verified emails a batch of normalized writes recorded on identities (what may need linking now). */
export function emailsInWrites(writes: readonly FactWrite[]): string[] {
  const emails = new Set<string>();
  for (const write of writes) {
    const email = write.kind === 'identity' ? write.snapshot?.fields.verifiedEmail : undefined;
    if (typeof email === 'string' && email) emails.add(email);
  }
  return [...emails];
}

/**
 * Links the accounts of one tenant that share a verified email (from at least two tools) to one person,
 * recording `linkedBy: 'email'`. Manual decisions win: an account an admin or its owner linked or unlinked by
 * hand (`linkedBy: 'manual'`) is never moved; if one is linked by hand to a person, that person is the one the
 * others join, else the chat account's person. Joining merges whole persons, so accounts already linked to a
 * joining account come along. Returns how many accounts moved.
 */
export async function linkByEmail(
  Person: PersonModel,
  tenantId: string,
  emails: Iterable<string>,
): Promise<number> {
  let moved = 0;
  for (const email of new Set([...emails].map((e) => e.toLowerCase()))) {
    const accounts = await Person.find({ tenantId, verifiedEmail: email }).lean();
    if (new Set(accounts.map((a) => a.tool)).size < 2) continue;
    const eligible = accounts.filter((a) => a.linkedBy !== 'manual');
    const ranked = [...eligible].sort(
      (a, b) => TOOL_ORDER.indexOf(a.tool) - TOOL_ORDER.indexOf(b.tool) || a.handle.localeCompare(b.handle),
    );
    // The person someone chose by hand, else the chat account's (Slack, then Teams), else a stable first pick.
    const target =
      accounts.find((a) => a.linkedBy === 'manual' && a.personId !== ownPerson(a))?.personId ??
      ranked[0]?.personId;
    if (!target) continue;
    for (const account of eligible) {
      if (account.personId === target) continue;
      // An account that names its own person carries whoever is linked to it; one linked elsewhere moves alone.
      const filter =
        account.personId === ownPerson(account)
          ? { tenantId, personId: account.personId }
          : { tenantId, _id: account._id };
      const result = await Person.updateMany(filter, { $set: { personId: target }, $inc: { rev: 1 } });
      moved += result.modifiedCount;
      await Person.updateOne({ tenantId, _id: account._id }, { $set: { linkedBy: 'email' } });
    }
  }
  return moved;
}
