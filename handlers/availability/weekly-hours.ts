import type { WeeklyHours } from './types.ts';

/** ISO weekday (index + 1) names as people type and read them. */
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const FULL_DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export type ParsedHours = { ok: true; hours: WeeklyHours } | { ok: false; problem: string };

function dayNumber(typed: string): number | undefined {
  const name = typed.toLowerCase();
  const index = DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]);
  const full = FULL_DAY_NAMES.indexOf(name);
  return index >= 0 ? index + 1 : full >= 0 ? full + 1 : undefined;
}

/** `mon-fri`, `mon,tue,thu`, `sat-mon` (a range may wrap past Sunday) → ISO weekdays, Monday first. */
export function parseDays(typed: string): number[] | string {
  const days = new Set<number>();
  for (const part of typed.split(',').filter(Boolean)) {
    const [first = '', last, extra] = part.split('-');
    const from = dayNumber(first);
    const to = last === undefined ? from : dayNumber(last);
    if (extra !== undefined || from === undefined || to === undefined) {
      return `"${part}" is not a day or a range of days: write mon, tue, wed, thu, fri, sat or sun, as mon-fri or mon,tue,thu.`;
    }
    for (let day = from; ; day = (day % 7) + 1) {
      days.add(day);
      if (day === to) break;
    }
  }
  if (days.size === 0) return 'Say which days you work, e.g. mon-fri.';
  return [...days].sort((a, b) => a - b);
}

/** `9:00` → `09:00`; undefined for anything that is not a 24h time. */
function parseClock(typed: string): string | undefined {
  const match = CLOCK.exec(typed);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
}

/** `mon-fri 09:00-17:30` (also `09:00 - 17:30`): the days first, then the hours, 24h, ending after they start. */
export function parseWeeklyHours(args: readonly string[]): ParsedHours {
  const [daysText = '', ...rest] = args;
  const days = parseDays(daysText);
  if (typeof days === 'string') return { ok: false, problem: days };
  const times = rest.join('').split('-');
  if (rest.length === 0) return { ok: false, problem: 'Add your hours after the days, e.g. 09:00-17:30.' };
  const start = times.length === 2 ? parseClock(times[0]!) : undefined;
  const end = times.length === 2 ? parseClock(times[1]!) : undefined;
  if (!start || !end) {
    return {
      ok: false,
      problem: `"${rest.join(' ')}" is not a span of hours: write it as 24h times, start-end, e.g. 09:00-17:30.`,
    };
  }
  if (end <= start) {
    return { ok: false, problem: `The end (${end}) must be after the start (${start}), on the same day.` };
  }
  return { ok: true, hours: { workingDays: days, workingHours: { start, end } } };
}

/** `Mon-Fri 09:00-17:30` or `Mon,Tue,Thu 09:00-17:00`: how hours read in replies, and can be typed back. */
export function formatWeeklyHours(hours: WeeklyHours): string {
  const runs: number[][] = [];
  for (const day of [...hours.workingDays].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (day: number) => DAY_NAMES[day - 1]!.replace(/^./, (letter) => letter.toUpperCase());
  const days = runs
    .flatMap((run) => (run.length >= 3 ? [`${name(run[0]!)}-${name(run.at(-1)!)}`] : run.map(name)))
    .join(',');
  return `${days} ${hours.workingHours.start}-${hours.workingHours.end}`;
}
