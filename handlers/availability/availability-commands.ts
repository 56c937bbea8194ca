import { Temporal } from 'temporal-polyfill';
import { formatUsage } from '../catalog.ts';
import type { CommandInput, Reply } from '../types.ts';
import { accountOf, notice, unavailable } from './replies.ts';
import { canonicalTimeZone, currentOffset, todayIn } from './time-zone.ts';
import { timeZoneOf, type AvailabilityStore, type TimeOff } from './types.ts';

/** Longer than this is not time off but a leave an admin records. */
const MAX_TIME_OFF_DAYS = 366;

/** `Dec 24` or, in another year, `Dec 24, 2027`: how dates read in replies. */
export function formatDay(date: string, today: string): string {
  const day = Temporal.PlainDate.from(date);
  const month = day.toLocaleString('en-US', { month: 'short' });
  return day.year === Temporal.PlainDate.from(today).year
    ? `${month} ${day.day}`
    : `${month} ${day.day}, ${day.year}`;
}

function describeTimeOff(timeOff: readonly TimeOff[], today: string): string {
  return timeOff
    .map(
      (off) =>
        `${formatDay(off.from, today)} to ${formatDay(off.to, today)}${off.note ? ` (${off.note})` : ''}`,
    )
    .join('; ');
}

/** `tz [<IANA zone>]`: shows or sets the zone every prompt and working-hours count uses for you. */
export async function setTimeZone(
  input: CommandInput,
  store: AvailabilityStore | undefined,
  now = new Date(),
): Promise<Reply> {
  if (!store) return unavailable();
  const usage = formatUsage(input.actor.surface, 'tz', 'Europe/Berlin');
  const settings = await store.settingsOf(input.actor.tenantId, accountOf(input));
  const [typed, ...extra] = input.args;
  if (!typed) {
    const { timeZone, reportedTimeZone } = settings;
    if (timeZone) {
      return notice('info', 'Your time zone', `${timeZone} (${currentOffset(timeZone, now)} now).`, usage);
    }
    return reportedTimeZone
      ? notice(
          'info',
          'Your time zone',
          `${reportedTimeZone} (${currentOffset(reportedTimeZone, now)} now), as your chat profile says. ` +
            `Set another with \`${usage}\`.`,
          usage,
        )
      : notice('info', 'Your time zone', 'Not set, and your chat profile says none: I use UTC.', usage);
  }
  const timeZone = extra.length ? undefined : canonicalTimeZone(typed);
  if (!timeZone) {
    return notice(
      'warning',
      'I do not know that time zone',
      `Use an IANA name such as \`${usage}\`, \`America/Los_Angeles\` or \`Asia/Kolkata\`.`,
      usage,
    );
  }
  await store.save(input.actor.tenantId, accountOf(input), { ...settings, timeZone });
  return notice('info', 'Time zone set', `${timeZone} (${currentOffset(timeZone, now)} now).`);
}

const RANGE = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/;

function parseDay(text: string): Temporal.PlainDate | undefined {
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

/** `away [<from>..<to> [note]]`: lists your time off, or adds some; prompts and nudges skip those days. */
export async function recordTimeOff(
  input: CommandInput,
  store: AvailabilityStore | undefined,
  now = new Date(),
): Promise<Reply> {
  if (!store) return unavailable();
  const usage = formatUsage(input.actor.surface, 'away', '2026-12-24..2027-01-02 [note]');
  const settings = await store.settingsOf(input.actor.tenantId, accountOf(input));
  const today = todayIn(timeZoneOf(settings), now);
  const current = settings.timeOff
    .filter((off) => off.to >= today)
    .sort((a, b) => a.from.localeCompare(b.from));
  const [range = '', ...words] = input.args;
  if (!range) {
    const reported =
      settings.reportedAway && settings.reportedAway.to >= today ? settings.reportedAway : undefined;
    const listed = reported ? [...current, reported].sort((a, b) => a.from.localeCompare(b.from)) : current;
    return listed.length
      ? notice('info', 'Your time off', `${describeTimeOff(listed, today)}.`, usage)
      : notice('info', 'Your time off', 'None planned.', usage);
  }
  const match = RANGE.exec(range);
  const from = match && parseDay(match[1]!);
  const to = match && parseDay(match[2] ?? match[1]!);
  if (!from || !to) {
    return notice('warning', 'Which days?', `Give the first and last day off: \`${usage}\`.`, usage);
  }
  const problem =
    Temporal.PlainDate.compare(to, from) < 0
      ? 'The last day comes before the first.'
      : to.toString() < today
        ? 'Those days are already over.'
        : from.until(to).days + 1 > MAX_TIME_OFF_DAYS
          ? `That is more than ${MAX_TIME_OFF_DAYS} days; ask an admin to record a leave.`
          : undefined;
  if (problem) return notice('warning', 'Which days?', `${problem} Use \`${usage}\`.`, usage);
  const note = words.join(' ').slice(0, 200);
  const added: TimeOff = { from: from.toString(), to: to.toString(), ...(note ? { note } : {}) };
  await store.save(input.actor.tenantId, accountOf(input), { ...settings, timeOff: [...current, added] });
  return notice(
    'info',
    'Time off recorded',
    `${describeTimeOff([added], today)}: no standup prompts or nudges, and reports say you are away.`,
  );
}

/**
 * `back`: ends the time off you are on today, and an away your chat status reports; planned time off after
 * today stays.
 */
export async function markBack(
  input: CommandInput,
  store: AvailabilityStore | undefined,
  now = new Date(),
): Promise<Reply> {
  if (!store) return unavailable();
  const settings = await store.settingsOf(input.actor.tenantId, accountOf(input));
  const today = todayIn(timeZoneOf(settings), now);
  const yesterday = Temporal.PlainDate.from(today).subtract({ days: 1 }).toString();
  const onNow = settings.timeOff.find((off) => off.from <= today && today <= off.to);
  const reported = settings.reportedAway;
  const reportedNow = reported && reported.from <= today && today <= reported.to;
  if (!onNow && !reportedNow) {
    return notice('info', 'You were not away', 'Nothing to end: you have no time off today.');
  }
  if (onNow) {
    const timeOff = settings.timeOff
      .filter((off) => off.to >= today)
      .flatMap((off) => (off !== onNow ? [off] : off.from < today ? [{ ...off, to: yesterday }] : []));
    await store.save(input.actor.tenantId, accountOf(input), { ...settings, timeOff });
  }
  if (reportedNow) await store.report(input.actor.tenantId, accountOf(input), { reportedAway: null });
  return notice(
    'info',
    'Welcome back',
    `Your time off ends today; prompts and nudges resume.${reportedNow ? ' Your Slack status said you were away: clear it there too, or it may count again.' : ''}`,
  );
}
