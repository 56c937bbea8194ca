import { refuseTeamChange } from '../availability/may-change-team-defaults.ts';
import { formatUsage } from '../catalog.ts';
import type { CommandInput, CommandPorts, Reply } from '../types.ts';
import {
  METRICS_SETTINGS,
  showMaps,
  type MetricsSettingDefinition,
  type MetricsSettingEdit,
  type MetricsSettingsPorts,
  type TakesEffect,
} from './metrics-settings.ts';
import { EVERY_REPO } from './repo-setting.ts';

export const METRICS_ARGS =
  'settings | set <name> <value> [repo owner/name] | unset <name> [repo owner/name] | services map <service> <owner/repo...> | teams map <team> <owner/repo...>';

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

const REFUSAL = {
  title: 'Only approvers change metrics settings',
  body: 'They change how every delivery figure is counted, so they are for the approvers the policy names. Ask one of them.',
};

const reply = (tone: 'info' | 'warning', title: string, body: string, suggestion?: string): Reply => ({
  visibility: 'private',
  view: { kind: 'notice', tone, title, body, ...(suggestion ? { suggestion } : {}) },
});

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** `… repo acme/api` at the end: the words before it and the repository typed, or what is wrong with it. */
function splitRepo(words: readonly string[]): { words: string[]; repo?: string } | { error: string } {
  const at = words.findIndex((word) => word.toLowerCase() === 'repo');
  if (at === -1) return { words: [...words] };
  const repo = words[at + 1];
  if (at !== words.length - 2 || !repo || !REPO.test(repo))
    return { error: 'End with repo owner/name (e.g. repo acme/api) to set it for one repository.' };
  return { words: words.slice(0, at), repo };
}

/** What happens to the figures after a change, said plainly. */
async function effectOf(
  takesEffect: TakesEffect,
  tenantId: string,
  settings: MetricsSettingsPorts,
): Promise<string> {
  if (takesEffect === 'dora') return '/dora and the metrics API use it from their next answer.';
  if (takesEffect === 'flow') return '/flow and the flow API use it from their next answer.';
  const from = await settings.markForRebuild(tenantId);
  return from
    ? `The stored daily rollups are being recomputed from ${isoDay(from)} with it: /dora and the metrics API show the new numbers within a few minutes (longer for years of history).`
    : 'No delivery facts are stored yet, so there is nothing to recompute: facts count with it as they arrive.';
}

async function show(input: CommandInput, settings: MetricsSettingsPorts, usage: string): Promise<Reply> {
  const stored = await settings.storedOf(input.actor.tenantId);
  const lines = [
    ...METRICS_SETTINGS.flatMap((definition) => definition.show(stored, settings.flowDefaults)),
    ...showMaps(stored),
    '',
    `Change one with ${formatUsage(input.actor.surface, 'metrics', 'set <name> <value> [repo owner/name]')} (approvers only); unset goes back to the default.`,
  ];
  return reply('info', 'Metrics settings', lines.join('\n'), usage);
}

/** `metrics set|unset <name> …`: parses everything first, so a bad value saves nothing. */
async function change(
  input: CommandInput,
  ports: Pick<CommandPorts, 'approvals'>,
  settings: MetricsSettingsPorts,
  unset: boolean,
  usage: string,
): Promise<Reply> {
  const [name = '', ...rest] = input.args.slice(1);
  const definition: MetricsSettingDefinition | undefined = METRICS_SETTINGS.find(
    (candidate) => candidate.key === name.toLowerCase(),
  );
  const known = METRICS_SETTINGS.map((candidate) => candidate.key).join(', ');
  if (!definition)
    return reply(
      'warning',
      'That setting did not take',
      name ? `I don't know the setting "${name}". The settings: ${known}.` : `Name a setting: ${known}.`,
      usage,
    );
  const split = splitRepo(rest);
  if ('error' in split) return reply('warning', 'That setting did not take', split.error, usage);
  const { tenantId } = input.actor;
  let repo = EVERY_REPO;
  if (split.repo) {
    if (!definition.perRepo)
      return reply(
        'warning',
        'That setting did not take',
        `${definition.key} is the same for every repository: leave out repo ${split.repo}.`,
        usage,
      );
    const found = await settings.findRepo(tenantId, split.repo);
    if (!found)
      return reply(
        'warning',
        'That setting did not take',
        `I don't know a repository ${split.repo} here (em-agent learns repositories from GitHub).`,
        usage,
      );
    repo = found;
  }
  const value = split.words.join(' ').trim();
  let edit: MetricsSettingEdit;
  if (unset || value.toLowerCase() === 'default') {
    edit = definition.unset(repo);
  } else {
    const parsed = value
      ? definition.parse(value, repo)
      : { ok: false as const, error: `${definition.key} needs a value, e.g. ${definition.example}` };
    if (!parsed.ok) return reply('warning', 'That setting did not take', parsed.error, usage);
    edit = parsed.edit;
  }
  const refused = await refuseTeamChange(input, ports, REFUSAL);
  if (refused) return refused;
  await settings.edit(tenantId, edit, `${input.actor.surface}:${input.actor.userId}`);
  const inForce = definition.show(await settings.storedOf(tenantId), settings.flowDefaults);
  const effect = await effectOf(definition.takesEffect, tenantId, settings);
  return reply('info', `Saved: ${definition.key}`, [...inForce, '', effect].join('\n'));
}

/**
 * `metrics services map <service> <owner/repo…>` and `metrics teams map <team> <owner/repo…>`: the name is the
 * words that are no repository; no repository removes the entry. A team is a standup's name. Which
 * repositories a service runs changes incident attribution, so the rollups are recomputed; a team's only
 * changes what `/dora <team>` adds up, from its next answer.
 */
async function mapRepos(
  input: CommandInput,
  ports: Pick<CommandPorts, 'approvals' | 'standups'>,
  settings: MetricsSettingsPorts,
  usage: string,
): Promise<Reply> {
  const what = input.args[0]!.toLowerCase() === 'teams' ? 'team' : 'service';
  const words = input.args.slice(2);
  const typedRepos = words.filter((word) => word.includes('/'));
  const typedName = words
    .filter((word) => !word.includes('/'))
    .join(' ')
    .trim();
  if (input.args[1]?.toLowerCase() !== 'map' || !typedName)
    return reply(
      'warning',
      `Name the ${what} and its repositories`,
      what === 'team'
        ? 'For example: teams map Payments acme/api acme/worker (no repository goes back to the repositories its members merged into).'
        : 'For example: services map P1ABCDE acme/api acme/worker (no repository removes the mapping).',
      usage,
    );
  const { tenantId } = input.actor;
  let name = typedName;
  if (what === 'team') {
    const known = (await ports.standups?.list(tenantId)) ?? [];
    const found = known.find((standup) => standup.name.toLowerCase() === typedName.toLowerCase());
    if (!found)
      return reply(
        'warning',
        `I don't know a team called "${typedName}"`,
        "A team is a standup's name.",
        usage,
      );
    name = found.name;
  }
  const repos: string[] = [];
  for (const typed of typedRepos) {
    const found = REPO.test(typed) ? await settings.findRepo(tenantId, typed) : undefined;
    if (!found)
      return reply(
        'warning',
        'That mapping did not take',
        REPO.test(typed)
          ? `I don't know a repository ${typed} here (em-agent learns repositories from GitHub).`
          : `"${typed}" is not owner/repo.`,
        usage,
      );
    repos.push(found);
  }
  const refused = await refuseTeamChange(input, ports, REFUSAL);
  if (refused) return refused;
  if (what === 'team') {
    await settings.mapTeam(tenantId, name, repos);
    return reply(
      'info',
      repos.length > 0 ? `Mapped ${name}` : `${name} is no longer mapped`,
      [
        repos.length > 0
          ? `/dora ${name} adds up ${repos.join(', ')}.`
          : `/dora ${name} adds up the repositories its members merged into again.`,
        '',
        '/dora and the metrics API use it from their next answer.',
      ].join('\n'),
    );
  }
  await settings.mapService(tenantId, name, repos);
  const effect = await effectOf('rebuild', tenantId, settings);
  return reply(
    'info',
    repos.length > 0 ? `Mapped ${name}` : `${name} is no longer mapped`,
    [
      repos.length > 0
        ? `Incidents of ${name} are attributed to ${repos.join(', ')}.`
        : `Incidents of ${name} match a repository of their name again.`,
      '',
      effect,
    ].join('\n'),
  );
}

/**
 * `metrics settings | set | unset | services map | teams map`: the delivery-metrics and flow definitions of the tenant
 * (docs/metrics.md#settings), shown to anyone, changed by the approvers the policy names. A change to what the
 * stored rollups count marks them all for the metrics-rollups job to recompute.
 */
export async function runMetricsCommand(input: CommandInput, ports: CommandPorts): Promise<Reply> {
  const usage = formatUsage(input.actor.surface, 'metrics', METRICS_ARGS);
  const settings = ports.metricsSettings;
  if (!settings)
    return reply(
      'info',
      'Metrics settings are not available here',
      'They need the database em-agent keeps delivery metrics in. Ask whoever runs em-agent.',
    );
  const verb = input.args[0]?.toLowerCase() ?? 'settings';
  if (verb === 'settings') return show(input, settings, usage);
  if (verb === 'set' || verb === 'unset') return change(input, ports, settings, verb === 'unset', usage);
  if (verb === 'services' || verb === 'teams') return mapRepos(input, ports, settings, usage);
  return reply('warning', `I don't know "metrics ${input.args[0]}"`, 'Try one of these:', usage);
}
