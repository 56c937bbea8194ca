import { refuseTeamChange } from '../availability/may-change-team-defaults.ts';
import { formatUsage } from '../catalog.ts';
import type { Standup } from '../standup/types.ts';
import type { CommandInput, CommandPorts, Reply } from '../types.ts';
import {
  DEFAULT_DIGEST_TIME,
  DEFAULT_DIGEST_WEEKDAY,
  type DeliveryDigestSettings,
  type DeliveryDigestStore,
} from './types.ts';

export const DIGEST_ARGS = 'delivery [on [#channel] [monday] [09:00] | off] [team]';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const CLOCK = /^([01]?\d|2[0-3]):[0-5]\d$/;
/** A channel picked from Slack's list: `<#C0123|eng>` (should_escape is off, so the id comes as typed). */
const SLACK_CHANNEL = /^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/;

const reply = (tone: 'info' | 'warning', title: string, body: string, suggestion?: string): Reply => ({
  visibility: 'private',
  view: { kind: 'notice', tone, title, body, ...(suggestion ? { suggestion } : {}) },
});

interface Request {
  toggle?: 'on' | 'off';
  channel?: string;
  weekday?: number;
  time?: string;
  team: string;
}

/** `on #eng friday 16:00 Platform` → its parts; anything not a switch, channel, day or time names the team. */
function readRequest(
  words: readonly string[],
): { ok: true; request: Request } | { ok: false; error: string } {
  const request: Request = { team: '' };
  const team: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    const day = WEEKDAYS.findIndex((name) => lower.replace(/s$/, '') === name || lower === name.slice(0, 3));
    const channel = SLACK_CHANNEL.exec(word);
    if ((lower === 'on' || lower === 'off') && !request.toggle) request.toggle = lower;
    else if (channel) request.channel = channel[1]!;
    else if (word.startsWith('#') || word.startsWith('<#')) {
      return {
        ok: false,
        error:
          'Pick the channel from the list Slack shows as you type #, so I get its id. In Teams, send the command in the channel itself.',
      };
    } else if (day !== -1) request.weekday = day + 1;
    else if (/^\d{1,2}:\d{2}$/.test(word)) {
      if (!CLOCK.test(word))
        return { ok: false, error: `"${word}" is not a time of day: use 24-hour HH:MM, e.g. 09:00.` };
      request.time = word.padStart(5, '0');
    } else team.push(word);
  }
  request.team = team.join(' ');
  if (!request.toggle && (request.channel || request.weekday || request.time)) {
    return { ok: false, error: 'Say "on" to turn the digest on with a channel, day or time.' };
  }
  return { ok: true, request };
}

/** The team named, else the asker's (the one standup they are a member of; asked when several). */
async function findTeam(
  input: CommandInput,
  ports: Pick<CommandPorts, 'standups'>,
  typed: string,
): Promise<{ ok: true; team: Standup } | { ok: false; reply: Reply }> {
  const { actor } = input;
  const teams = (await ports.standups?.list(actor.tenantId)) ?? [];
  const usage = formatUsage(actor.surface, 'digest', DIGEST_ARGS);
  const mine = teams.filter((standup) =>
    standup.members.some(
      (member) => member.tool === actor.surface && member.handle.toLowerCase() === actor.userId.toLowerCase(),
    ),
  );
  const found = typed
    ? teams.find((standup) => standup.name.toLowerCase() === typed.toLowerCase())
    : mine.length === 1
      ? mine[0]
      : undefined;
  if (found) return { ok: true, team: found };
  if (!typed && mine.length > 1) {
    const names = mine.map((standup) => standup.name).join(', ');
    return { ok: false, reply: reply('warning', 'Which team?', `You are in ${names}: name one.`, usage) };
  }
  const known =
    teams.length > 0
      ? ` Teams here: ${teams
          .slice(0, 10)
          .map((standup) => standup.name)
          .join(', ')}.`
      : '';
  return {
    ok: false,
    reply: typed
      ? reply(
          'warning',
          `I don't know a team called "${typed}"`,
          `A team is a standup's name.${known}`,
          usage,
        )
      : reply(
          'warning',
          'Which team?',
          `You are in no standup, so name the team (a standup's name).${known}`,
          usage,
        ),
  };
}

/**
 * Where the digest goes: the Slack channel picked with #, else the channel or Teams conversation the command is
 * sent in, else where it went before, else the team's standup report channel (a direct message with the bot is
 * nobody's team channel).
 */
function channelOf(input: CommandInput, request: Request, fallback: string): string {
  if (request.channel) return request.channel;
  const here = input.conversationId;
  const shared =
    input.actor.surface === 'slack' ? /^[CG]/.test(here ?? '') : input.conversationKind === 'shared';
  return shared && here ? here : fallback;
}

const weekdayName = (weekday: number) => {
  const name = WEEKDAYS[weekday - 1]!;
  return `${name[0]!.toUpperCase()}${name.slice(1)}s`;
};

function describe(settings: DeliveryDigestSettings | undefined): string {
  if (!settings?.enabled) return 'Off. Nothing is posted.';
  // Notices are plain text (a channel mention would show escaped), so the channel is described, not named.
  return `On: ${weekdayName(settings.weekday)} at ${settings.time} (the team owner's time zone), in the channel chosen when it was turned on. It says what changed in delivery against the week before and why it matters; team figures only, nobody's own.`;
}

/**
 * `digest delivery [on [#channel] [day] [time] | off] [team]`: shows or changes a team's weekly delivery digest.
 * Turning it on or off is for the policy's approvers, as the team's other defaults are.
 */
export async function runDigestCommand(input: CommandInput, ports: CommandPorts): Promise<Reply> {
  const { actor } = input;
  const usage = formatUsage(actor.surface, 'digest', DIGEST_ARGS);
  const [kind, ...rest] = input.args;
  if (kind?.toLowerCase() !== 'delivery') {
    return reply(
      'warning',
      kind ? `I don't know the digest "${kind}"` : 'Which digest?',
      'The weekly delivery digest is "digest delivery". The daily PR triage digest is set in "triage settings".',
      usage,
    );
  }
  const store: DeliveryDigestStore | undefined = ports.deliveryDigests;
  if (!store) {
    return reply(
      'info',
      'The delivery digest is not set up here',
      'It needs the delivery metrics: ask whoever runs em-agent to turn them on.',
    );
  }
  const read = readRequest(rest);
  if (!read.ok) return reply('warning', 'That did not take', read.error, usage);
  const { request } = read;
  const found = await findTeam(input, ports, request.team);
  if (!found.ok) return found.reply;
  const { team } = found;
  const current = await store.settingsOf(actor.tenantId, team.id);
  if (!request.toggle) {
    return reply('info', `Delivery digest for ${team.name}`, describe(current), usage);
  }
  const refused = await refuseTeamChange(input, ports);
  if (refused) return refused;
  const settings: DeliveryDigestSettings = {
    enabled: request.toggle === 'on',
    surface: actor.surface,
    channel:
      request.toggle === 'on'
        ? channelOf(input, request, current?.channel ?? team.reportChannel)
        : (current?.channel ?? team.reportChannel),
    weekday: request.weekday ?? current?.weekday ?? DEFAULT_DIGEST_WEEKDAY,
    time: request.time ?? current?.time ?? DEFAULT_DIGEST_TIME,
  };
  await store.save(actor.tenantId, team.id, settings, `${actor.surface}:${actor.userId}`);
  return reply('info', `Saved. Delivery digest for ${team.name}`, describe(settings));
}
