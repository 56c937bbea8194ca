/**
 * Moves every time in a demo payload forward by `offsetMs`, so the canned team looks current on the day the
 * demo is loaded (open pull requests a few days old, the sprint under way) instead of aging with the file.
 * Times keep their original format: ISO text with Z or Jira's +0000 (with or without milliseconds), and the
 * Unix seconds GitHub's push payload uses for `*_at` and `timestamp` fields.
 */
const ISO_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{3})?(Z|\+0000|\+00:00)$/;
/** Unix seconds from 2001 to 2286: anything else under those keys is not a time. */
const isUnixSeconds = (value: number) => Number.isInteger(value) && value > 1e9 && value < 1e10;

function shiftText(text: string, offsetMs: number): string {
  const match = ISO_TIME.exec(text);
  if (!match) return text;
  const shifted = new Date(Date.parse(text) + offsetMs).toISOString();
  const [, , millis, zone] = match;
  return (millis ? shifted : shifted.replace(/\.\d{3}Z$/, 'Z')).replace(/Z$/, zone!);
}

export function shiftDemoTime<T>(value: T, offsetMs: number, key = ''): T {
  if (typeof value === 'string') return shiftText(value, offsetMs) as T;
  if (typeof value === 'number' && (key.endsWith('_at') || key === 'timestamp') && isUnixSeconds(value)) {
    return (value + Math.round(offsetMs / 1000)) as T;
  }
  if (Array.isArray(value)) return value.map((item) => shiftDemoTime(item, offsetMs, key)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, shiftDemoTime(item, offsetMs, name)]),
    ) as T;
  }
  return value;
}

/** Whole days from the dataset's end to `now` (never negative), so times of day stay in working hours. */
export function demoOffsetMs(recordedAt: string, now: Date): number {
  const day = 86_400_000;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(recordedAt)) / day)) * day;
}
