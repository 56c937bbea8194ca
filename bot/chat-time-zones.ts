import type { Logger } from 'pino';
import { canonicalTimeZone } from '../handlers/availability/time-zone.ts';
import type { AvailabilityStore } from '../handlers/availability/types.ts';

export interface ChatTimeZones {
  /**
   * Records the zone a chat platform reports for an account (Slack's profile `tz`, Teams' `localTimezone`), so
   * prompts and working hours follow the person until they choose one with `tz`. Writes only when this process
   * has not seen that zone for the account yet; never rejects.
   */
  report(
    tenantId: string,
    account: { tool: 'slack' | 'teams'; handle: string },
    reported: unknown,
  ): Promise<void>;
}

export function createChatTimeZones(store: AvailabilityStore, log: Logger): ChatTimeZones {
  const known = new Map<string, string>();
  return {
    async report(tenantId, account, reported) {
      const timeZone = typeof reported === 'string' ? canonicalTimeZone(reported) : undefined;
      const key = `${tenantId}|${account.tool}|${account.handle}`;
      if (!timeZone || known.get(key) === timeZone) return;
      try {
        await store.reportTimeZone(tenantId, account, timeZone);
        known.set(key, timeZone);
      } catch (error) {
        log.debug(
          { err: (error as Error).message, tool: account.tool },
          'could not record a reported time zone',
        );
      }
    },
  };
}
