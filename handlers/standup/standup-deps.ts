import type { CalendarSource, WorkingCalendar } from '../availability/types.ts';
import type { ChatPoster } from '../delivery/types.ts';
import type { ActivitySource } from './activity.ts';
import type { ReportChannelGate } from './report-channel-gate.ts';
import type {
  ChatAccount,
  Standup,
  StandupAnswer,
  StandupDeliveries,
  StandupReportView,
  StandupStore,
} from './types.ts';

/** Counters of a standup day, kept when answers are purged (`$inc` upserts). */
export interface StandupDayCounts {
  prompted?: number;
  answered?: number;
  away?: number;
}

/** Blockers as the standup flow needs them: recorded from an answer, open ones carried into the next draft. */
export interface StandupBlockers {
  recordBlockers(standup: Standup, answer: StandupAnswer, now: Date): Promise<void>;
  openBlockersOf(tenantId: string, standupId: string, member: ChatAccount): Promise<string[]>;
}

/** Everything the standup flow uses, wired by bot/main.ts; optional parts switch their feature off. */
export interface StandupDeps {
  store: StandupStore;
  deliveries: StandupDeliveries;
  calendars: CalendarSource;
  poster: ChatPoster;
  activity?: ActivitySource;
  blockers?: StandupBlockers;
  /** The tenant policy on posting to the report channel; absent: posts as configured. */
  reportGate?: ReportChannelGate;
  countDay?(tenantId: string, standupId: string, date: string, counts: StandupDayCounts): Promise<void>;
  /** Display names of chat accounts, keyed `tool:handle`. */
  namesOf(tenantId: string, accounts: readonly ChatAccount[]): Promise<Map<string, string>>;
  /** The report's one-line summary: the LLM gateway when configured, else the template. */
  summarize(tenantId: string, report: Omit<StandupReportView, 'summary'>): Promise<string>;
  /** Prompts sent at once; the poster's rate limiting paces them. */
  concurrency?: number;
}

/** Working Monday to Friday, 9 to 5, UTC: for an account the calendar source does not know. */
export const DEFAULT_CALENDAR: WorkingCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  timeOff: [],
  holidays: () => undefined,
};
