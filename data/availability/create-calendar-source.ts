import { buildCalendar } from '../../handlers/availability/build-calendar.ts';
import type { CalendarSource, HolidayLookup, WorkingCalendar } from '../../handlers/availability/types.ts';
import type { Models } from '../models/index.ts';
import { settingsFromDoc, teamDefaultsFromDoc } from './availability-from-docs.ts';

/**
 * Calendars for many chat accounts in three queries however many there are (a standup fans out to thousands):
 * their people by `_id` `$in`, their availability by `personId` `$in`, and the team's defaults once.
 */
export function createCalendarSource(
  models: Pick<Models, 'Person' | 'PersonAvailability' | 'TeamAvailability'>,
  holidays: HolidayLookup,
): CalendarSource {
  const { Person, PersonAvailability, TeamAvailability } = models;
  return {
    async calendarsOf(tenantId, accounts) {
      const calendars = new Map<string, WorkingCalendar>();
      if (accounts.length === 0) return calendars;
      const unique = new Map(accounts.map((account) => [`${account.tool}:${account.handle}`, account]));
      const keys = [...unique.keys()];
      // People by _id (tenant, tool and handle), which FerretDB looks up directly.
      const ids = [...unique.values()].map(({ tool, handle }) => `${tenantId}|${tool}|${handle}`);
      const [people, team] = await Promise.all([
        Person.find({ tenantId, _id: { $in: ids } }, { tool: 1, handle: 1, personId: 1 }).lean(),
        TeamAvailability.findOne({ tenantId }).lean(),
      ]);
      const personIdByKey = new Map(
        people.map((person) => [`${person.tool}:${person.handle}`, person.personId]),
      );
      // An account nobody has linked is a person of its own, `<tool>:<handle>`, as its key reads.
      const personIdOf = (key: string) => personIdByKey.get(key) ?? key;
      const docs = await PersonAvailability.find({
        tenantId,
        personId: { $in: [...new Set(keys.map(personIdOf))] },
      }).lean();
      const docByPerson = new Map(docs.map((doc) => [doc.personId, doc]));
      const defaults = teamDefaultsFromDoc(team);
      for (const key of keys) {
        calendars.set(
          key,
          buildCalendar(settingsFromDoc(docByPerson.get(personIdOf(key))), defaults, holidays),
        );
      }
      return calendars;
    },
  };
}
