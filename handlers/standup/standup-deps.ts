import type { CalendarSource, WorkingCalendar } from '../availability/types.ts';
import type { ChatPoster } from '../delivery/types.ts';
import type { ActivitySource } from './activity.ts';
import type { BlockerDeps, BlockerStore } from './blocker-types.ts';
import type { ReportChannelGate } from './report-channel-gate.ts';
import type { ChatAccount, StandupDeliveries, StandupReportView, StandupStore } from './types.ts';

/** Everything the standup flow uses, wired by bot/main.ts; optional parts switch their feature off. */
export interface StandupDeps {
  store: StandupStore;
  deliveries: StandupDeliveries;
  calendars: CalendarSource;
  poster: ChatPoster;
  activity?: ActivitySource;
  /** Blockers: recorded from answers, carried into the next draft; absent: answers are only stored. */
  blockers?: BlockerDeps;
  /** The tenant policy on posting to the report channel; absent: posts as configured. */
  reportGate?: ReportChannelGate;
  /** The day's rollup counters (`$inc`), kept when answers are purged. */
  countDay?: BlockerStore['countDay'];
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
