import type { CalendarSource, WorkingCalendar } from '../../handlers/availability/types.ts';
import type { Models } from '../models/index.ts';
import { oneOrAny } from '../standup/linked-accounts.ts';

type ChatAccount = { tool: 'slack' | 'teams'; handle: string };

/**
 * Working calendars of GitHub logins: login → its Person (`${tenant}|github|${login}`) → personId → the
 * person's chat accounts → their calendar. Two reads of people plus the calendar source's own few, however
 * many logins. A login linked to no chat account is left out (the caller's default calendar applies).
 */
export function createCalendarsOfLogins(Person: Models['Person'], calendars: CalendarSource) {
  return async function calendarsOfLogins(
    tenantId: string,
    logins: readonly string[],
  ): Promise<Map<string, WorkingCalendar>> {
    const result = new Map<string, WorkingCalendar>();
    const unique = [...new Set(logins)];
    if (!unique.length) return result;
    const github = await Person.find(
      { tenantId, _id: oneOrAny(unique.map((login) => `${tenantId}|github|${login}`)) },
      { handle: 1, personId: 1 },
    ).lean();
    if (!github.length) return result;
    const chat = await Person.find(
      { tenantId, personId: oneOrAny([...new Set(github.map((account) => account.personId))]) },
      { tool: 1, handle: 1, personId: 1 },
    ).lean();
    // One chat account per person, Slack before Teams, the same one each time.
    const accountOf = new Map<string, ChatAccount>();
    for (const account of [...chat].sort((a, b) =>
      `${a.tool}:${a.handle}`.localeCompare(`${b.tool}:${b.handle}`),
    )) {
      if ((account.tool === 'slack' || account.tool === 'teams') && !accountOf.has(account.personId)) {
        accountOf.set(account.personId, { tool: account.tool, handle: account.handle });
      }
    }
    const byKey = await calendars.calendarsOf(tenantId, [...accountOf.values()]);
    for (const account of github) {
      const chatAccount = accountOf.get(account.personId);
      const calendar = chatAccount && byKey.get(`${chatAccount.tool}:${chatAccount.handle}`);
      if (calendar) result.set(account.handle, calendar);
    }
    return result;
  };
}
