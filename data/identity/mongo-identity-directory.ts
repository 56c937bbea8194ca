import { isDuplicateKey } from '../db/duplicate-key.ts';
import type { AccountRef, IdentityDirectory, LinkOutcome } from '../../handlers/identity/types.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { PersonFields } from '../models/person.ts';
import type { Models } from '../models/index.ts';

type PersonModel = Models['Person'];
const idOf = (tenantId: string, account: AccountRef) => `${tenantId}|${account.tool}|${account.handle}`;
const ownPerson = (account: AccountRef) => `${account.tool}:${account.handle}`;

/** Creates the account on first sight as a person of its own; returns it either way. */
async function ensureAccount(Person: PersonModel, tenantId: string, account: AccountRef) {
  const _id = idOf(tenantId, account);
  const found = await Person.findOne({ tenantId, _id }).lean();
  if (found) return found;
  try {
    await tenantCollection(Person).insertOne({
      _id,
      tenantId,
      ...account,
      personId: ownPerson(account),
      snapshotVersion: -1,
      rev: 1,
    } as never);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  return (await Person.findOne({ tenantId, _id }).lean())!;
}

/** Moves an account to a person. Bumps the revision so a concurrent normalizer re-reads before writing. */
async function assign(
  Person: PersonModel,
  tenantId: string,
  account: AccountRef,
  personId: string,
  linkedBy: NonNullable<PersonFields['linkedBy']>,
) {
  await Person.updateOne(
    { tenantId, _id: idOf(tenantId, account) },
    { $set: { personId, linkedBy }, $inc: { rev: 1 } },
  );
}

export function createIdentityDirectory(Person: PersonModel): IdentityDirectory & {
  unlink(tenantId: string, account: AccountRef): Promise<void>;
  recordEmail(tenantId: string, account: AccountRef, email: string, displayName?: string): Promise<void>;
} {
  return {
    async link(tenantId, owner, account): Promise<LinkOutcome> {
      const ownerDoc = await ensureAccount(Person, tenantId, owner);
      const accountDoc = await ensureAccount(Person, tenantId, account);
      if (accountDoc.personId === ownerDoc.personId) return { status: 'already-linked' };
      if (accountDoc.linkedBy === 'manual' && accountDoc.personId !== ownPerson(account))
        return { status: 'taken' };
      await assign(Person, tenantId, account, ownerDoc.personId, 'manual');
      return { status: 'linked' };
    },
    async accountsOf(tenantId, account) {
      const doc = await ensureAccount(Person, tenantId, account);
      const accounts = await Person.find({ tenantId, personId: doc.personId }, { tool: 1, handle: 1 }).lean();
      return accounts.map(({ tool, handle }) => ({ tool, handle }));
    },
    /**
     * Makes the account a person of its own, recorded as a manual decision so that linking by email never
     * undoes it. If other accounts were linked to it, they stay together under the first of them.
     */
    async unlink(tenantId, account) {
      const doc = await ensureAccount(Person, tenantId, account);
      const own = ownPerson(account);
      if (doc.personId === own) {
        const others = await Person.find({ tenantId, personId: own, _id: { $ne: doc._id } })
          .sort({ tool: 1, handle: 1 })
          .lean();
        if (others[0]) {
          await Person.updateMany(
            { tenantId, personId: own, _id: { $ne: doc._id } },
            { $set: { personId: ownPerson(others[0]) }, $inc: { rev: 1 } },
          );
        }
      }
      await assign(Person, tenantId, account, own, 'manual');
    },
    /** Records an email the tool has verified (a Slack profile, a Teams directory member) on the account. */
    async recordEmail(tenantId, account, email, displayName) {
      const doc = await ensureAccount(Person, tenantId, account);
      // Unchanged: no write, so a caller may record the same address on every sight.
      if (doc.verifiedEmail === email.toLowerCase() && (!displayName || doc.displayName === displayName))
        return;
      await Person.updateOne(
        { tenantId, _id: idOf(tenantId, account) },
        {
          $set: { verifiedEmail: email.toLowerCase(), ...(displayName ? { displayName } : {}) },
          $inc: { rev: 1 },
        },
      );
    },
  };
}
