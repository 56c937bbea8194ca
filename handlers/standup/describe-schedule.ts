import type { Standup } from './types.ts';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** ISO weekdays as people say them: runs of three or more as a range (`Mon–Fri`), the rest listed. */
export function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    const names = sorted.slice(start, end + 1).map((day) => DAY_NAMES[day - 1]!);
    parts.push(names.length >= 3 ? `${names[0]}–${names.at(-1)}` : names.join(', '));
    start = end + 1;
  }
  return parts.join(', ');
}

/** "Mon–Fri 09:30, due 11:00, reminder 60 min before", in each member's own zone. */
export function describeSchedule(
  standup: Pick<Standup, 'days' | 'promptTime' | 'deadlineTime' | 'reminderMinutes'>,
): string {
  const reminder = standup.reminderMinutes === null ? '' : `, reminder ${standup.reminderMinutes} min before`;
  return `${describeDays(standup.days)} ${standup.promptTime}, due ${standup.deadlineTime}${reminder}`;
}
