import { formatUsage } from '../catalog.ts';
import { policyUserIdOf } from '../policy/approvers.ts';
import type { CommandInput, CommandPorts, Reply } from '../types.ts';
import { weeklyHoursOf } from './build-calendar.ts';
import { refuseTeamChange } from './may-change-team-defaults.ts';
import { aboutTheTeam, accountOf, notice, unavailable } from './replies.ts';
import { DEFAULT_WEEKLY_HOURS, timeZoneOf, type TeamDefaults } from './types.ts';
import { formatWeeklyHours, parseWeeklyHours } from './weekly-hours.ts';

const EXAMPLE = 'mon-fri 09:00-17:30';

function teamHoursLine(team: TeamDefaults): string {
  return team.hours
    ? `The team's: ${formatWeeklyHours(team.hours)}${team.updatedBy ? ` (set by ${team.updatedBy})` : ''}.`
    : `The team has none of its own: ${formatWeeklyHours(DEFAULT_WEEKLY_HOURS)}.`;
}

async function runTeamHours(input: CommandInput, ports: CommandPorts, args: string[]): Promise<Reply> {
  const store = ports.availability!;
  const { tenantId } = input.actor;
  const usage = formatUsage(input.actor.surface, 'hours', `team ${EXAMPLE}`);
  const team = await store.teamDefaultsOf(tenantId);
  if (args.length === 0) return notice('info', 'Team working hours', teamHoursLine(team), usage);
  const reset = args.length === 1 && args[0]!.toLowerCase() === 'reset';
  const parsed = reset ? undefined : parseWeeklyHours(args);
  if (parsed && !parsed.ok)
    return notice('warning', 'Which hours?', `${parsed.problem} Use \`${usage}\`.`, usage);
  const refused = await refuseTeamChange(input, ports);
  if (refused) return refused;
  const hours = parsed?.ok ? parsed.hours : undefined;
  await store.saveTeamDefaults(
    tenantId,
    { ...(hours ? { hours } : {}), ...(team.holidayRegion ? { holidayRegion: team.holidayRegion } : {}) },
    policyUserIdOf(input.actor),
  );
  return notice(
    'info',
    'Team working hours set',
    `${formatWeeklyHours(hours ?? DEFAULT_WEEKLY_HOURS)} for everyone who has not set their own.`,
  );
}

/**
 * `hours [team] [<days> <start>-<end> | reset]`: shows or sets your working days and hours, or the team's
 * default; prompts and nudges wait for them, and working-hours ages count only them.
 */
export async function runHoursCommand(input: CommandInput, ports: CommandPorts): Promise<Reply> {
  const store = ports.availability;
  if (!store) return unavailable();
  const [first = '', ...rest] = input.args;
  if (first.toLowerCase() === 'team') return aboutTheTeam(await runTeamHours(input, ports, rest));
  const usage = formatUsage(input.actor.surface, 'hours', EXAMPLE);
  const { tenantId } = input.actor;
  const [settings, team] = await Promise.all([
    store.settingsOf(tenantId, accountOf(input)),
    store.teamDefaultsOf(tenantId),
  ]);
  if (!first) {
    const zone = timeZoneOf(settings);
    return settings.hours
      ? notice(
          'info',
          'Your working hours',
          `${formatWeeklyHours(settings.hours)} (${zone}), your own. ${teamHoursLine(team)}`,
          usage,
        )
      : notice(
          'info',
          'Your working hours',
          `${formatWeeklyHours(weeklyHoursOf(settings, team))} (${zone}), ${team.hours ? "the team's" : 'the default'}. Set your own with \`${usage}\`.`,
          usage,
        );
  }
  if (first.toLowerCase() === 'reset' && rest.length === 0) {
    const kept = { ...settings, hours: undefined };
    await store.save(tenantId, accountOf(input), kept);
    return notice(
      'info',
      'Working hours reset',
      `You follow the team's again: ${formatWeeklyHours(weeklyHoursOf(kept, team))}.`,
    );
  }
  const parsed = parseWeeklyHours(input.args);
  if (!parsed.ok) return notice('warning', 'Which hours?', `${parsed.problem} Use \`${usage}\`.`, usage);
  await store.save(tenantId, accountOf(input), { ...settings, hours: parsed.hours });
  return notice(
    'info',
    'Working hours set',
    `${formatWeeklyHours(parsed.hours)} (${timeZoneOf(settings)}): prompts and nudges wait for them.`,
  );
}
