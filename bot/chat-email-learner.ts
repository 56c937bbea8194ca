import type { Logger } from 'pino';
import { linkByEmail } from '../data/identity/link-by-email.ts';
import { createIdentityDirectory } from '../data/identity/mongo-identity-directory.ts';
import type { Models } from '../data/models/index.ts';
import type { AccountRef } from '../handlers/identity/types.ts';
import type { ChatTimeZones } from './chat-time-zones.ts';

/** What a chat platform says about a user: the verified email it holds (if it shares it), their name and zone. */
export type ChatProfileLookup = () => Promise<
  { email?: string; name?: string; timeZone?: string } | undefined
>;

export interface ChatEmailLearner {
  /**
   * The first time this process sees a chat account, asks the platform for its profile (`lookup`, once) when
   * there is something to learn from it: the email while none is recorded (then linking the account's other
   * tools by it), and the zone when the profile has one (`profileHasTimeZone`: Slack's does, Teams' roster not).
   * Never rejects: a failed lookup (missing scope, a guest outside the directory) only means no automatic link
   * for now.
   */
  learn(
    tenantId: string,
    account: AccountRef,
    lookup: ChatProfileLookup,
    profileHasTimeZone?: boolean,
  ): Promise<void>;
}

export function createChatEmailLearner(
  Person: Models['Person'],
  log: Logger,
  timeZones?: ChatTimeZones,
): ChatEmailLearner {
  const identity = createIdentityDirectory(Person);
  const seen = new Set<string>();
  return {
    async learn(tenantId, account, lookup, profileHasTimeZone = false) {
      const key = `${tenantId}|${account.tool}|${account.handle}`;
      if (seen.has(key)) return;
      seen.add(key);
      try {
        const known = await Person.findOne({ tenantId, _id: key }, { verifiedEmail: 1 }).lean();
        const wantsTimeZone = Boolean(timeZones) && profileHasTimeZone;
        if (known?.verifiedEmail && !wantsTimeZone) return;
        const profile = await lookup();
        if (wantsTimeZone && (account.tool === 'slack' || account.tool === 'teams')) {
          await timeZones?.report(
            tenantId,
            { tool: account.tool, handle: account.handle },
            profile?.timeZone,
          );
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
