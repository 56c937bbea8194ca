/** A public holiday's name on a calendar date (`YYYY-MM-DD`) in a region (`US-CA`, `IN`), if it is one. */
export type HolidayLookup = (region: string, date: string) => string | undefined;

/** A stretch of time off, whole local days, both ends included (`/em away 2026-12-24..2027-01-02`). */
export interface TimeOff {
  from: string;
  to: string;
  note?: string;
}

/** Everything that says when one person works: the data every feature's timing reads. */
export interface WorkingCalendar {
  /** IANA zone, e.g. `America/Los_Angeles`. */
  timeZone: string;
  /** ISO weekdays worked: 1 is Monday, 7 is Sunday. */
  workingDays: readonly number[];
  /** Local wall-clock hours, `HH:MM`; the end is after the start on the same day. */
  workingHours: { start: string; end: string };
  /** Country or subdivision whose public holidays are days off, e.g. `US-CA`, `IN-KA`, `DE-BY`. */
  holidayRegion?: string;
  timeOff: readonly TimeOff[];
  holidays: HolidayLookup;
}

/** Why a person's local day is, or is not, a working day; reports say "Holiday (IN)" or "Away until Jan 2". */
export type DayStatus =
  | { kind: 'working' }
  | { kind: 'day-off' }
  | { kind: 'holiday'; name: string; region: string }
  | { kind: 'away'; until: string; note?: string };

/** What a person told the bot about their time: their chosen zone and their time off. */
export interface AvailabilitySettings {
  /** Chosen with `tz`; wins over what the chat platform reports. */
  timeZone?: string;
  /** What Slack's profile or Teams' activities last said. */
  reportedTimeZone?: string;
  timeOff: TimeOff[];
}

/** The zone a person's day and hours are counted in: their own choice, else their chat profile's, else UTC. */
export const timeZoneOf = (settings: AvailabilitySettings): string =>
  settings.timeZone ?? settings.reportedTimeZone ?? 'UTC';

/** The availability port, keyed by any of the person's chat accounts. Implemented in data/availability/. */
export interface AvailabilityStore {
  settingsOf(
    tenantId: string,
    account: { tool: 'slack' | 'teams'; handle: string },
  ): Promise<AvailabilitySettings>;
  save(
    tenantId: string,
    account: { tool: 'slack' | 'teams'; handle: string },
    settings: Omit<AvailabilitySettings, 'reportedTimeZone'>,
  ): Promise<void>;
  /** Records the zone the chat platform reports for the person; a write only when it changed. */
  reportTimeZone(
    tenantId: string,
    account: { tool: 'slack' | 'teams'; handle: string },
    timeZone: string,
  ): Promise<void>;
}

/** Everyone's calendars at once, keyed `tool:handle`: the one way features read when people work. */
export interface CalendarSource {
  calendarsOf(
    tenantId: string,
    accounts: readonly { tool: 'slack' | 'teams'; handle: string }[],
  ): Promise<Map<string, WorkingCalendar>>;
}
