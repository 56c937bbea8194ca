import { formatUsage } from '../catalog.ts';
import { policyUserIdOf } from '../policy/approvers.ts';
import type { CommandInput, CommandPorts, Reply } from '../types.ts';
import { formatDay } from './availability-commands.ts';
import { holidayRegionOf } from './build-calendar.ts';
import { refuseTeamChange } from './may-change-team-defaults.ts';
import { aboutTheTeam, accountOf, notice, unavailable } from './replies.ts';
import { todayIn } from './time-zone.ts';
import {
  NO_HOLIDAY_REGION,
  timeZoneOf,
  type AvailabilitySettings,
  type HolidayRegions,
  type TeamDefaults,
} from './types.ts';

const UPCOMING = 3;

/** A typed region (`us-ca`, `none`, `reset`), or the friendly problem with it. */
type Choice = { region: string | undefined } | { problem: string };

function choiceOf(typed: string, regions: HolidayRegions, usage: string): Choice {
  const word = typed.toLowerCase();
  if (word === NO_HOLIDAY_REGION) return { region: NO_HOLIDAY_REGION };
  if (word === 'reset') return { region: undefined };
  const region = regions.canonicalRegion(typed);
  return region
    ? { region }
    : {
        problem:
          `I do not know the holiday region "${typed}". Write a country code (\`US\`, \`IN\`, \`DE\`) or a ` +
          `country and subdivision (\`US-CA\`, \`IN-KA\`, \`DE-BY\`), e.g. \`${usage}\`; \`none\` for no public holidays.`,
      };
}

function sourceOf(settings: AvailabilitySettings, team: TeamDefaults): string {
  if (settings.holidayRegion) return 'your own choice';
  if (team.holidayRegion) return "the team's";
  if (settings.reportedRegion) return 'the country of your chat language settings';
  return 'not set, and your chat profile names no country';
}

function describeRegion(
  region: string | undefined,
  source: string,
  regions: HolidayRegions,
  today: string,
): string {
  if (!region) return `None (${source}): no public holidays are days off for you.`;
  const next = regions
    .upcoming(region, today, UPCOMING)
    .map((holiday) => `${formatDay(holiday.date, today)} ${holiday.name}`)
    .join('; ');
  return `${region} (${source}).${next ? ` Next: ${next}.` : ''}`;
}

async function runTeamHolidays(
  input: CommandInput,
  ports: CommandPorts,
  regions: HolidayRegions,
  typed: string | undefined,
  now: Date,
): Promise<Reply> {
  const store = ports.availability!;
  const { tenantId } = input.actor;
  const usage = formatUsage(input.actor.surface, 'holidays', 'team DE-BY');
  const team = await store.teamDefaultsOf(tenantId);
  if (!typed) {
    const region = team.holidayRegion === NO_HOLIDAY_REGION ? undefined : team.holidayRegion;
    const body = team.holidayRegion
      ? describeRegion(region, `set by ${team.updatedBy ?? 'an approver'}`, regions, todayIn('UTC', now))
      : "The team has none of its own: each person's chat language settings decide.";
    return notice('info', 'Team holiday region', body, usage);
  }
  const choice = choiceOf(typed, regions, usage);
  if ('problem' in choice) return notice('warning', 'Which holidays?', choice.problem, usage);
  const refused = await refuseTeamChange(input, ports);
  if (refused) return refused;
  await store.saveTeamDefaults(
    tenantId,
    {
      ...(team.hours ? { hours: team.hours } : {}),
      ...(choice.region ? { holidayRegion: choice.region } : {}),
    },
    policyUserIdOf(input.actor),
  );
  return notice(
    'info',
    'Team holiday region set',
    choice.region === NO_HOLIDAY_REGION
      ? 'No public holidays for the team, except for people who chose a region of their own.'
      : choice.region
        ? `${choice.region} for everyone who has not chosen their own.`
        : "No team region: each person's chat language settings decide.",
  );
}

/**
 * `holidays [team] [<region> | none | reset]`: shows your holiday region and its next public holidays, or sets
 * it (a country or subdivision: `US-CA`), or the team's.
 */
export async function runHolidaysCommand(
  input: CommandInput,
  ports: CommandPorts,
  now = new Date(),
): Promise<Reply> {
  const store = ports.availability;
  const regions = ports.holidayRegions;
  if (!store || !regions) return unavailable();
  const [first, second, ...extra] = input.args;
  if (first?.toLowerCase() === 'team' && extra.length === 0) {
    return aboutTheTeam(await runTeamHolidays(input, ports, regions, second, now));
  }
  const usage = formatUsage(input.actor.surface, 'holidays', 'US-CA');
  if (second !== undefined) {
    return notice('warning', 'Which holidays?', `Give one region, e.g. \`${usage}\`.`, usage);
  }
  const { tenantId } = input.actor;
  const [settings, team] = await Promise.all([
    store.settingsOf(tenantId, accountOf(input)),
    store.teamDefaultsOf(tenantId),
  ]);
  const today = todayIn(timeZoneOf(settings), now);
  if (!first) {
    return notice(
      'info',
      'Your public holidays',
      describeRegion(holidayRegionOf(settings, team), sourceOf(settings, team), regions, today),
      usage,
    );
  }
  const choice = choiceOf(first, regions, usage);
  if ('problem' in choice) return notice('warning', 'Which holidays?', choice.problem, usage);
  const chosen = { ...settings, holidayRegion: choice.region };
  await store.save(tenantId, accountOf(input), chosen);
  return notice(
    'info',
    'Holiday region set',
    describeRegion(holidayRegionOf(chosen, team), sourceOf(chosen, team), regions, today),
  );
}
