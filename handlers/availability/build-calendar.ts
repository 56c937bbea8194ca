import {
  DEFAULT_WEEKLY_HOURS,
  NO_HOLIDAY_REGION,
  timeZoneOf,
  type AvailabilitySettings,
  type HolidayLookup,
  type TeamDefaults,
  type WeeklyHours,
  type WorkingCalendar,
} from './types.ts';

/** The hours that hold for a person: their own, else the team's, else Monday to Friday 09:00–17:00. */
export function weeklyHoursOf(settings: AvailabilitySettings, team: TeamDefaults): WeeklyHours {
  return settings.hours ?? team.hours ?? DEFAULT_WEEKLY_HOURS;
}

/**
 * The holiday region that holds: their own choice, else the team's, else their chat locale's country. The
 * team's wins over the locale, since many people keep `en-US` wherever they live; `none` at either level ends it.
 */
export function holidayRegionOf(settings: AvailabilitySettings, team: TeamDefaults): string | undefined {
  const region = settings.holidayRegion ?? team.holidayRegion ?? settings.reportedRegion;
  return region === NO_HOLIDAY_REGION ? undefined : region;
}

/** A person's calendar from what they set, what their chat platform reports and the team's defaults. */
export function buildCalendar(
  settings: AvailabilitySettings,
  team: TeamDefaults,
  holidays: HolidayLookup,
): WorkingCalendar {
  const { workingDays, workingHours } = weeklyHoursOf(settings, team);
  const holidayRegion = holidayRegionOf(settings, team);
  return {
    timeZone: timeZoneOf(settings),
    workingDays,
    workingHours,
    ...(holidayRegion ? { holidayRegion } : {}),
    timeOff: settings.reportedAway ? [...settings.timeOff, settings.reportedAway] : settings.timeOff,
    holidays,
  };
}
