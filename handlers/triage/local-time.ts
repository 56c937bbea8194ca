import { Temporal } from 'temporal-polyfill';

/** An instant as a zone's local date (`YYYY-MM-DD`), ISO weekday (1 Monday) and wall-clock time (`HH:MM`). */
export function localTimeOf(timeZone: string, at: Date): { date: string; weekday: number; time: string } {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  return {
    date: local.toPlainDate().toString(),
    weekday: local.dayOfWeek,
    time: local.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
}
