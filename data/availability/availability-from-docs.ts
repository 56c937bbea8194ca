import type {
  AvailabilitySettings,
  TeamDefaults,
  TimeOff,
  WeeklyHours,
} from '../../handlers/availability/types.ts';
import type { PersonAvailabilityFields } from '../models/person-availability.ts';
import type { TeamAvailabilityFields } from '../models/team-availability.ts';

const timeOffOf = ({ from, to, note }: { from: string; to: string; note?: string | null }): TimeOff => ({
  from,
  to,
  ...(note ? { note } : {}),
});

function weeklyHoursOf(
  doc: Pick<PersonAvailabilityFields, 'workingDays' | 'workingHours'>,
): WeeklyHours | undefined {
  const { workingDays, workingHours } = doc;
  // Mongoose gives an unset array field as []: no days means nothing was set.
  if (!workingDays?.length || !workingHours?.start || !workingHours.end) return undefined;
  return { workingDays, workingHours: { start: workingHours.start, end: workingHours.end } };
}

/** A `person_availability` document (or none) as the domain's settings. */
export function settingsFromDoc(doc: PersonAvailabilityFields | null | undefined): AvailabilitySettings {
  const hours = doc && weeklyHoursOf(doc);
  return {
    ...(doc?.timeZone ? { timeZone: doc.timeZone } : {}),
    ...(doc?.reportedTimeZone ? { reportedTimeZone: doc.reportedTimeZone } : {}),
    timeOff: (doc?.timeOff ?? []).map(timeOffOf),
    ...(hours ? { hours } : {}),
    ...(doc?.holidayRegion ? { holidayRegion: doc.holidayRegion } : {}),
    ...(doc?.reportedRegion ? { reportedRegion: doc.reportedRegion } : {}),
    ...(doc?.reportedAway?.from && doc.reportedAway.to ? { reportedAway: timeOffOf(doc.reportedAway) } : {}),
  };
}

/** A `team_availability` document (or none) as the team's defaults. */
export function teamDefaultsFromDoc(doc: TeamAvailabilityFields | null | undefined): TeamDefaults {
  const hours = doc && weeklyHoursOf(doc);
  return {
    ...(hours ? { hours } : {}),
    ...(doc?.holidayRegion ? { holidayRegion: doc.holidayRegion } : {}),
    ...(doc ? { updatedBy: doc.updatedBy, updatedAt: doc.updatedAt } : {}),
  };
}
