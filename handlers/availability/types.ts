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

/** A weekly pattern of work: which ISO weekdays (1 is Monday) and which local hours. */
export interface WeeklyHours {
  workingDays: readonly number[];
  /** `HH:MM`, 24h; the end is after the start on the same day. */
  workingHours: { start: string; end: string };
}

/** What nobody has set yet: Monday to Friday, 09:00 to 17:00. */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
};

/** Written as a holiday region, it means "no public holidays for me" (or for the team). */
export const NO_HOLIDAY_REGION = 'none';

/** What a person told the bot about their time, and what their chat platform reports about them. */
export interface AvailabilitySettings {
  /** Chosen with `tz`; wins over what the chat platform reports. */
  timeZone?: string;
  /** What Slack's profile or Teams' activities last said. */
  reportedTimeZone?: string;
  timeOff: TimeOff[];
  /** Set with `hours`; wins over the team's. */
  hours?: WeeklyHours;
  /** Set with `holidays`: a region such as `US-CA`, or `none`. Wins over the team's and the chat locale's. */
  holidayRegion?: string;
  /** The country of the locale the chat platform reports (`en-US` → `US`). */
  reportedRegion?: string;
  /** Away as the chat platform reports it (a Slack vacation or out-of-office status), not typed with `away`. */
  reportedAway?: TimeOff;
}

/** What a person sets themselves; `reported*` fields come from the chat platform only. */
export type OwnSettings = Pick<AvailabilitySettings, 'timeZone' | 'timeOff' | 'hours' | 'holidayRegion'>;

/** What a chat platform reports; `reportedAway: null` says the person is no longer away by their status. */
export interface ReportedSettings {
  reportedTimeZone?: string;
  reportedRegion?: string;
  reportedAway?: TimeOff | null;
}

/** The team's (tenant's) defaults, which apply to everyone who has not set their own. */
export interface TeamDefaults {
  hours?: WeeklyHours;
  /** A region such as `DE-BY`, or `none`. */
  holidayRegion?: string;
  /** Policy user id (`slack:U…`) of whoever changed them last. */
  updatedBy?: string;
  updatedAt?: Date;
}

/** The zone a person's day and hours are counted in: their own choice, else their chat profile's, else UTC. */
export const timeZoneOf = (settings: AvailabilitySettings): string =>
  settings.timeZone ?? settings.reportedTimeZone ?? 'UTC';

type ChatAccount = { tool: 'slack' | 'teams'; handle: string };

/** The availability port, keyed by any of the person's chat accounts. Implemented in data/availability/. */
export interface AvailabilityStore {
  settingsOf(tenantId: string, account: ChatAccount): Promise<AvailabilitySettings>;
  /** Replaces what the person set themselves (zone, time off, hours, holiday region). */
  save(tenantId: string, account: ChatAccount, settings: OwnSettings): Promise<void>;
  /** Records what the chat platform reports for the person (only the fields given). */
  report(tenantId: string, account: ChatAccount, reported: ReportedSettings): Promise<void>;
  teamDefaultsOf(tenantId: string): Promise<TeamDefaults>;
  /** Replaces the team's defaults, recording who changed them. */
  saveTeamDefaults(
    tenantId: string,
    defaults: Pick<TeamDefaults, 'hours' | 'holidayRegion'>,
    updatedBy: string,
  ): Promise<void>;
}

/** Public holiday regions as people type them: checked, and with the days they bring. */
export interface HolidayRegions {
  /** `us-ca` → `US-CA`; undefined for a country or subdivision the holiday data does not know. */
  canonicalRegion(typed: string): string | undefined;
  /** The region's next public holidays on or after a date, soonest first. */
  upcoming(region: string, from: string, count: number): { date: string; name: string }[];
}

/**
 * The one calendar lookup every feature calls (standups, nudges, reviewer suggestions, working-hours ages,
 * metrics): many accounts at once, a fixed handful of queries however many. Keyed by `${tool}:${handle}`.
 */
export interface CalendarSource {
  calendarsOf(
    tenantId: string,
    accounts: readonly { tool: 'slack' | 'teams'; handle: string }[],
  ): Promise<Map<string, WorkingCalendar>>;
}
