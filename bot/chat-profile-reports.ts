import type { Logger } from 'pino';
import { awayFromStatus } from '../handlers/availability/away-status.ts';
import { canonicalTimeZone } from '../handlers/availability/time-zone.ts';
import type { AvailabilityStore, HolidayRegions, ReportedSettings } from '../handlers/availability/types.ts';

/** What a chat platform says about a person, as it says it (checked here before anything is kept). */
export interface ReportedProfile {
  /** Slack's profile `tz`, Teams' `localTimezone`. */
  timeZone?: unknown;
  /** Slack's `locale` (users.info with include_locale), Teams' activity `locale`: `en-US`. */
  locale?: unknown;
  /** Slack's status; present (even empty) only where the platform reports one, so its absence clears nothing. */
  status?: { emoji?: unknown; text?: unknown; expiration?: unknown };
}

export interface ChatProfileReports {
  /**
   * Records what a chat platform reports for an account (zone, locale's country, a vacation status as time
   * off), so availability follows the person until they set their own. Writes only what this process has not
   * seen for the account yet; never rejects.
   */
  report(
    tenantId: string,
    account: { tool: 'slack' | 'teams'; handle: string },
    profile: ReportedProfile,
  ): Promise<void>;
}

/** `en-US` → `US`, when the holiday data knows that country. */
function countryOf(locale: unknown, regions: HolidayRegions): string | undefined {
  if (typeof locale !== 'string') return undefined;
  try {
    const country = new Intl.Locale(locale.replace('_', '-')).region;
    return country ? regions.canonicalRegion(country) : undefined;
  } catch {
    return undefined;
  }
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

function readReported(profile: ReportedProfile, regions: HolidayRegions, now: Date): ReportedSettings {
  const timeZone = typeof profile.timeZone === 'string' ? canonicalTimeZone(profile.timeZone) : undefined;
  const region = countryOf(profile.locale, regions);
  const { status } = profile;
  const away =
    status &&
    (awayFromStatus(
      {
        emoji: textOf(status.emoji),
        text: textOf(status.text),
        expiration: typeof status.expiration === 'number' ? status.expiration : undefined,
      },
      timeZone ?? 'UTC',
      now,
    ) ??
      null);
  return {
    ...(timeZone ? { reportedTimeZone: timeZone } : {}),
    ...(region ? { reportedRegion: region } : {}),
    ...(away !== undefined ? { reportedAway: away } : {}),
  };
}

export function createChatProfileReports(
  store: AvailabilityStore,
  regions: HolidayRegions,
  log: Logger,
  now = () => new Date(),
): ChatProfileReports {
  /** What was last written per account and field, as JSON. */
  const known = new Map<string, string>();
  return {
    async report(tenantId, account, profile) {
      const key = `${tenantId}|${account.tool}|${account.handle}`;
      const changed = Object.entries(readReported(profile, regions, now())).filter(
        ([field, value]) => known.get(`${key}|${field}`) !== JSON.stringify(value),
      );
      if (changed.length === 0) return;
      try {
        await store.report(tenantId, account, Object.fromEntries(changed) as ReportedSettings);
        for (const [field, value] of changed) known.set(`${key}|${field}`, JSON.stringify(value));
      } catch (error) {
        log.debug(
          { err: (error as Error).message, tool: account.tool },
          'could not record what the chat profile reports',
        );
      }
    },
  };
}
