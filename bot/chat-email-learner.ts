import type { Logger } from 'pino';
import { linkByEmail } from '../data/identity/link-by-email.ts';
import { createIdentityDirectory } from '../data/identity/mongo-identity-directory.ts';
import type { Models } from '../data/models/index.ts';
import type { AccountRef } from '../handlers/identity/types.ts';
import type { ChatProfileReports, ReportedProfile } from './chat-profile-reports.ts';

/** What a chat platform says about a user: the verified email it holds (if it shares it), their name, and what availability reads. */
export type ChatProfileLookup = () => Promise<
  { email?: string; name?: string; reported?: ReportedProfile } | undefined
>;

export interface ChatEmailLearner {
  /**
   * The first time this process sees a chat account, asks the platform for its profile (`lookup`, once) when
   * there is something to learn from it: the email while none is recorded (then linking the account's other
   * tools by it), and what availability reads when the profile has it (`profileReports`: Slack's zone, locale
   * and status; Teams' roster has none of them). A profile with reports is asked again once a day, so a
   * vacation status set since counts. Never rejects: a failed lookup (missing scope, a guest outside the
   * directory) only means no automatic link and nothing reported for now.
   */
  learn(
    tenantId: string,
    account: AccountRef,
    lookup: ChatProfileLookup,
    profileReports?: boolean,
  ): Promise<void>;
}

export function createChatEmailLearner(
  Person: Models['Person'],
  log: Logger,
  reports?: ChatProfileReports,
  now = () => new Date(),
): ChatEmailLearner {
  const identity = createIdentityDirectory(Person);
  /** The UTC day each account was last asked about (`once` for profiles without reports). */
  const askedOn = new Map<string, string>();
  return {
    async learn(tenantId, account, lookup, profileReports = false) {
      const key = `${tenantId}|${account.tool}|${account.handle}`;
      const wantsReports = Boolean(reports) && profileReports;
      const stamp = wantsReports ? now().toISOString().slice(0, 10) : 'once';
      if (askedOn.get(key) === stamp) return;
      askedOn.set(key, stamp);
      try {
        const known = await Person.findOne({ tenantId, _id: key }, { verifiedEmail: 1 }).lean();
        if (known?.verifiedEmail && !wantsReports) return;
        const profile = await lookup();
        if (wantsReports && profile?.reported && (account.tool === 'slack' || account.tool === 'teams')) {
          await reports?.report(tenantId, { tool: account.tool, handle: account.handle }, profile.reported);
        }
        if (known?.verifiedEmail || !profile?.email) return;
        await identity.recordEmail(tenantId, account, profile.email, profile.name);
        await linkByEmail(Person, tenantId, [profile.email]);
      } catch (error) {
        // Not retried until the process restarts: a missing scope would fail the same way on every command.
        // The error only: never the email or the profile.
        log.debug(
          { err: (error as Error).message, tenantId, tool: account.tool },
          'chat email lookup failed',
        );
      }
    },
  };
}
