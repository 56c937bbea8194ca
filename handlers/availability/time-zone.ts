import { Temporal } from 'temporal-polyfill';

/** The IANA zone as Temporal names it (`asia/kolkata` → `Asia/Kolkata`), or undefined when there is none such. */
export function canonicalTimeZone(typed: string): string | undefined {
  if (!/^[A-Za-z_+\-/0-9]{1,64}$/.test(typed)) return undefined;
  try {
    return Temporal.Now.zonedDateTimeISO(typed).timeZoneId;
  } catch {
    return undefined;
  }
}

/** `UTC+05:30` now in that zone, for telling someone what they chose. */
export function currentOffset(timeZone: string, now: Date): string {
  const offset = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).offset;
  return `UTC${offset}`;
}

/** Today's date (`YYYY-MM-DD`) where the person is (UTC until they have said). */
export function todayIn(timeZone: string | undefined, now: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone ?? 'UTC')
    .toPlainDate()
    .toString();
}
