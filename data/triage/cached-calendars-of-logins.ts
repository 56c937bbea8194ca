import type { WorkingCalendar } from '../../handlers/availability/types.ts';
import type { CalendarsOfLogins } from '../../handlers/triage/types.ts';

/** How old a login's calendar may be when a queue uses it: time off or a new zone shows within a minute. */
export const CALENDAR_TTL_MS = 60_000;

type Cached = { calendar: WorkingCalendar | undefined; readAt: number };

/**
 * calendarsOfLogins with each login's calendar kept per tenant for CALENDAR_TTL_MS: a team's queue involves
 * a hundred logins or more, whose people and availability take four reads that FerretDB answers with scans.
 * Past half its life a calendar is still used and read again in the background (one refresh per tenant at a
 * time), so a steady stream of commands never waits for the reads; past its life it is read before use. The
 * calendar objects are reused too, with the day windows they have cached.
 */
export function cacheCalendarsOfLogins(
  calendarsOfLogins: CalendarsOfLogins,
  options: { ttlMs?: number; clock?: () => number } = {},
): CalendarsOfLogins {
  const { ttlMs = CALENDAR_TTL_MS, clock = Date.now } = options;
  const tenants = new Map<string, Map<string, Cached>>();
  const refreshing = new Set<string>();

  async function read(tenantId: string, logins: readonly string[]) {
    const readAt = clock();
    const found = await calendarsOfLogins(tenantId, logins);
    let cached = tenants.get(tenantId);
    if (!cached) tenants.set(tenantId, (cached = new Map()));
    // Logins no queue asked for lately go, so the cache holds about what the tenant's queues involve.
    for (const [login, entry] of cached) if (readAt - entry.readAt >= ttlMs) cached.delete(login);
    for (const login of logins) cached.set(login, { calendar: found.get(login), readAt });
  }

  function refreshInBackground(tenantId: string, logins: readonly string[]) {
    if (!logins.length || refreshing.has(tenantId)) return;
    refreshing.add(tenantId);
    // A failed refresh leaves the calendars to expire and be read before their next use.
    read(tenantId, logins)
      .catch(() => undefined)
      .finally(() => refreshing.delete(tenantId));
  }

  return async function cachedCalendarsOfLogins(tenantId, logins) {
    const now = clock();
    const unique = [...new Set(logins)];
    const ageOf = (login: string) => {
      const entry = tenants.get(tenantId)?.get(login);
      return entry ? now - entry.readAt : Infinity;
    };
    const expired = unique.filter((login) => ageOf(login) >= ttlMs);
    if (expired.length) await read(tenantId, expired);
    refreshInBackground(
      tenantId,
      unique.filter((login) => ageOf(login) >= ttlMs / 2 && ageOf(login) < ttlMs),
    );
    const cached = tenants.get(tenantId);
    const result = new Map<string, WorkingCalendar>();
    for (const login of unique) {
      const calendar = cached?.get(login)?.calendar;
      if (calendar) result.set(login, calendar);
    }
    return result;
  };
}
