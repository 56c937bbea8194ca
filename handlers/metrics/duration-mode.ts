import type { WorkingCalendar } from '../availability/types.ts';
import { workingDuration } from '../availability/working-time.ts';
import { calendarDuration, type AgeMode, type MeasureDuration } from './flow-types.ts';

/** The duration function of an age mode: every hour, or only the hours the calendar works (weekends, holidays and nights left out). */
export function measureFor(mode: AgeMode, calendar: WorkingCalendar): MeasureDuration {
  return mode === 'working' ? (from, to) => workingDuration(calendar, from, to) : calendarDuration;
}
