import type { ChatAccount } from '../../handlers/delivery/types.ts';
import type { TriagePorts } from '../../handlers/triage/triage-ports.ts';
import { findChatAccounts } from '../identity/find-chat-accounts.ts';
import { createIdentityDirectory } from '../identity/mongo-identity-directory.ts';
import type { Models } from '../models/index.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Who is who for /triage (GitHub logins ↔ chat accounts, through `people`) and which repositories exist. */
export function createTriagePeople(
  models: Pick<Models, 'Person' | 'Repository' | 'PullRequest'>,
): Pick<TriagePorts, 'findRepo' | 'githubLoginsOf' | 'chatAccountsOf' | 'displayNameOf'> {
  const identity = createIdentityDirectory(models.Person);
  return {
    async findRepo(tenantId, typed) {
      // GitHub names are case-insensitive; the facts keep GitHub's spelling. Repositories are few: a scan is fine.
      const spelled = { $regex: `^${escapeRegExp(typed)}$`, $options: 'i' };
      const found =
        (await models.Repository.findOne({ tenantId, repo: spelled }, { repo: 1 }).lean()) ??
        (await models.PullRequest.findOne({ tenantId, repo: spelled }, { repo: 1 }).lean());
      return found?.repo;
    },
    async githubLoginsOf(tenantId, account) {
      const accounts = await identity.accountsOf(tenantId, account);
      return accounts.filter((linked) => linked.tool === 'github').map((linked) => linked.handle);
    },
    async displayNameOf(tenantId, account) {
      const person = await models.Person.findOne({
        tenantId,
        _id: `${tenantId}|${account.tool}|${account.handle}`,
      }).lean();
      return person?.displayName;
    },
    async chatAccountsOf(tenantId, login) {
      const accounts = await findChatAccounts(models.Person, tenantId, login);
      return accounts.filter(
        (account): account is ChatAccount => account.tool === 'slack' || account.tool === 'teams',
      );
    },
  };
}
