import type { FlowSettings } from '../flow/flow-ports.ts';
import type { ReportYear } from './bands.ts';
import type { AgeMode } from './flow-types.ts';
import { EVERY_REPO } from './repo-setting.ts';
import type { MetricsConfig } from './types.ts';

export type DeploymentSignal = NonNullable<MetricsConfig['deploymentSignal']>[string];
export type FlowStatusStates = FlowSettings['statusStates'];

export const REPORT_YEARS: readonly ReportYear[] = [2021, 2023, 2024];
export const DEFAULT_REPORT_YEAR: ReportYear = 2024;

/** What a tenant has set itself (`metric_settings`), nothing filled in: absent means the default. */
export interface StoredMetricsSettings extends MetricsConfig {
  reportYear?: ReportYear;
  teamRepos?: Record<string, string[]>;
  flowAgeMode?: AgeMode;
  flowStatusStates?: FlowStatusStates;
}

/** One change to the settings; an absent value removes the tenant's own, so the default applies again. */
export type MetricsSettingEdit =
  | { field: 'productionEnvironments'; repo: string; value?: string[] }
  | { field: 'deploymentSignal'; repo: string; value?: DeploymentSignal }
  | { field: 'reportYear'; value?: ReportYear }
  | { field: 'attributionWindowMs'; value?: number }
  | { field: 'commitCutoff'; value?: Date }
  | { field: 'hotfixLabels' | 'hotfixBranchPrefixes'; value?: string[] }
  | { field: 'flowAgeMode'; value?: AgeMode }
  | { field: 'flowStatusStates'; value?: FlowStatusStates };

/** What `metrics settings` reads and writes; bot/ wires it to the database. */
export interface MetricsSettingsPorts {
  storedOf(tenantId: string): Promise<StoredMetricsSettings>;
  edit(tenantId: string, edit: MetricsSettingEdit, updatedBy: string): Promise<void>;
  /** The service (PagerDuty id or name) → these repositories; none removes the entry. */
  mapService(tenantId: string, service: string, repos: readonly string[]): Promise<void>;
  /** The team (a standup's name) → these repositories for `/dora <team>`; none removes the entry. */
  mapTeam(tenantId: string, team: string, repos: readonly string[]): Promise<void>;
  /** The repository as GitHub spells it, when the tenant's facts know it. */
  findRepo(tenantId: string, typed: string): Promise<string | undefined>;
  /**
   * Marks every day of the tenant's stored rollups for the metrics-rollups job to recompute; the first day
   * marked, or undefined when the tenant has no facts yet.
   */
  markForRebuild(tenantId: string): Promise<Date | undefined>;
  /** The flow settings of the environment (FLOW_AGE_MODE, FLOW_STATUS_STATES): the defaults of every tenant. */
  flowDefaults: FlowSettings;
}

type Parsed = { ok: true; edit: MetricsSettingEdit } | { ok: false; error: string };

/** Where a change shows: in the stored rollups (recomputed), or at the next /dora or /flow answer. */
export type TakesEffect = 'rebuild' | 'dora' | 'flow';

export interface MetricsSettingDefinition {
  key: string;
  /** Per repository with `repo owner/name`, else (and without one) the tenant's value for every repository. */
  perRepo: boolean;
  takesEffect: TakesEffect;
  example: string;
  parse(value: string, repo: string): Parsed;
  unset(repo: string): MetricsSettingEdit;
  /** The value in force and where it comes from, one line (and one a repository for per-repository ones). */
  show(stored: StoredMetricsSettings, defaults: FlowSettings): string[];
}

const HOUR_MS = 3_600_000;
const MAX_WINDOW_HOURS = 24 * 14;
const NAME = /^[\w./:@ -]{1,100}$/;
const SET = 'set here';

const listOf = (text: string) =>
  [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ] as string[];

const ok = (edit: MetricsSettingEdit): Parsed => ({ ok: true, edit });
const refuse = (error: string): Parsed => ({ ok: false, error });
const hours = (ms: number) => `${Number((ms / HOUR_MS).toFixed(2))}h`;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

function parseNames(key: string, text: string, what: string): string[] | string {
  const names = listOf(text);
  if (names.length === 0) return `${key} takes ${what}, comma-separated`;
  const bad = names.find((name) => !NAME.test(name));
  return bad ? `"${bad}" is not a name ${key} can hold` : names;
}

/** Per-repository values: the tenant's (every repository) first, then each repository's own. */
function showPerRepo<T>(
  key: string,
  entries: Record<string, T> | undefined,
  format: (value: T) => string,
  fallback: string,
): string[] {
  const every = entries?.[EVERY_REPO];
  const own = Object.entries(entries ?? {})
    .filter(([repo]) => repo !== EVERY_REPO)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return [
    `${key}: ${every !== undefined ? `${format(every)} (${SET}, every repository)` : `${fallback} (default)`}`,
    ...own.map(([repo, value]) => `    ${repo}: ${format(value)} (${SET})`),
  ];
}

const formatSignal = (signal: DeploymentSignal) =>
  signal.kind === 'workflow'
    ? `workflow ${signal.name}`
    : signal.kind === 'release'
      ? 'releases'
      : 'deployments';

const formatStates = (states: FlowStatusStates) =>
  Object.entries(states)
    .map(([status, state]) => `${status}=${state}`)
    .join(',');

/** Every metrics setting people can change in chat, in the order `metrics settings` shows them. */
export const METRICS_SETTINGS: readonly MetricsSettingDefinition[] = [
  {
    key: 'production-environments',
    perRepo: true,
    takesEffect: 'rebuild',
    example: 'production,live',
    parse(value, repo) {
      const names = parseNames(this.key, value, 'environment names');
      return typeof names === 'string'
        ? refuse(names)
        : ok({ field: 'productionEnvironments', repo, value: names });
    },
    unset: (repo) => ({ field: 'productionEnvironments', repo }),
    show: (stored) =>
      showPerRepo(
        'production-environments',
        stored.productionEnvironments,
        (names) => names.join(', '),
        'production, prod',
      ),
  },
  {
    key: 'deployment-signal',
    perRepo: true,
    takesEffect: 'rebuild',
    example: 'workflow Deploy production',
    parse(value, repo) {
      const [kind = '', ...rest] = value.split(/\s+/);
      const name = rest.join(' ');
      const signal: DeploymentSignal | undefined =
        kind === 'deployments' || kind === 'deployment'
          ? { kind: 'deployment' }
          : kind === 'releases' || kind === 'release'
            ? { kind: 'release' }
            : kind === 'workflow' && NAME.test(name)
              ? { kind: 'workflow', name }
              : undefined;
      if (!signal || (signal.kind !== 'workflow' && name))
        return refuse(
          'deployment-signal takes deployments, releases, or workflow <name> (the GitHub Actions workflow name)',
        );
      return ok({ field: 'deploymentSignal', repo, value: signal });
    },
    unset: (repo) => ({ field: 'deploymentSignal', repo }),
    show: (stored) =>
      showPerRepo('deployment-signal', stored.deploymentSignal, formatSignal, 'deployments (GitHub)'),
  },
  {
    key: 'band-year',
    perRepo: false,
    takesEffect: 'dora',
    example: '2023',
    parse(value) {
      const year = REPORT_YEARS.find((known) => String(known) === value);
      return year
        ? ok({ field: 'reportYear', value: year })
        : refuse(`band-year takes a DORA report year: ${REPORT_YEARS.join(', ')}`);
    },
    unset: () => ({ field: 'reportYear' }),
    show: (stored) => [
      `band-year: ${stored.reportYear ?? DEFAULT_REPORT_YEAR} (${stored.reportYear ? SET : 'default'})`,
    ],
  },
  {
    key: 'attribution-window',
    perRepo: false,
    takesEffect: 'rebuild',
    example: '48h',
    parse(value) {
      const match = /^(\d+(?:\.\d+)?)\s*(h|d)?$/i.exec(value);
      const count = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'd' ? 24 : 1) : NaN;
      if (!(count >= 1 && count <= MAX_WINDOW_HOURS))
        return refuse(
          `attribution-window takes hours (or days) from 1h to ${MAX_WINDOW_HOURS / 24}d, e.g. 48h`,
        );
      return ok({ field: 'attributionWindowMs', value: Math.round(count * HOUR_MS) });
    },
    unset: () => ({ field: 'attributionWindowMs' }),
    show: (stored) => [
      `attribution-window: ${hours(stored.attributionWindowMs ?? 24 * HOUR_MS)} (${stored.attributionWindowMs ? SET : 'default'})`,
    ],
  },
  {
    key: 'commit-cutoff',
    perRepo: false,
    takesEffect: 'rebuild',
    example: '2025-01-01',
    parse(value) {
      const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(NaN);
      if (Number.isNaN(at.getTime()) || isoDay(at) !== value)
        return refuse('commit-cutoff takes a date (YYYY-MM-DD): older first commits leave lead time');
      return ok({ field: 'commitCutoff', value: at });
    },
    unset: () => ({ field: 'commitCutoff' }),
    show: (stored) => [
      `commit-cutoff: ${stored.commitCutoff ? `${isoDay(stored.commitCutoff)} (${SET})` : 'none (default)'}`,
    ],
  },
  {
    key: 'hotfix-labels',
    perRepo: false,
    takesEffect: 'rebuild',
    example: 'hotfix,urgent',
    parse(value) {
      const names = parseNames(this.key, value, 'PR labels');
      return typeof names === 'string' ? refuse(names) : ok({ field: 'hotfixLabels', value: names });
    },
    unset: () => ({ field: 'hotfixLabels' }),
    show: (stored) => [
      `hotfix-labels: ${stored.hotfixLabels ? `${stored.hotfixLabels.join(', ')} (${SET})` : 'hotfix (default)'}`,
    ],
  },
  {
    key: 'hotfix-branches',
    perRepo: false,
    takesEffect: 'rebuild',
    example: 'hotfix/,fix/',
    parse(value) {
      const names = parseNames(this.key, value, 'branch prefixes');
      return typeof names === 'string' ? refuse(names) : ok({ field: 'hotfixBranchPrefixes', value: names });
    },
    unset: () => ({ field: 'hotfixBranchPrefixes' }),
    show: (stored) => [
      `hotfix-branches: ${stored.hotfixBranchPrefixes ? `${stored.hotfixBranchPrefixes.join(', ')} (${SET})` : 'hotfix/ (default)'}`,
    ],
  },
  {
    key: 'flow-age-mode',
    perRepo: false,
    takesEffect: 'flow',
    example: 'calendar',
    parse(value) {
      const mode = value.toLowerCase();
      return mode === 'calendar' || mode === 'working'
        ? ok({ field: 'flowAgeMode', value: mode })
        : refuse('flow-age-mode takes working (the team’s working hours) or calendar (every hour)');
    },
    unset: () => ({ field: 'flowAgeMode' }),
    show: (stored, defaults) => [
      `flow-age-mode: ${stored.flowAgeMode ? `${stored.flowAgeMode} (${SET})` : `${defaults.ageMode} (default, FLOW_AGE_MODE)`}`,
    ],
  },
  {
    key: 'flow-status-states',
    perRepo: false,
    takesEffect: 'flow',
    example: 'In Review=waiting,Blocked=waiting',
    parse(value) {
      const pairs = listOf(value).map((pair) => /^([^=]+)=\s*(active|waiting)$/i.exec(pair));
      if (pairs.length === 0 || pairs.some((pair) => !pair || !NAME.test(pair[1]!.trim())))
        return refuse(
          'flow-status-states takes Jira statuses mapped to active or waiting, e.g. In Review=waiting,Blocked=waiting',
        );
      const states = Object.fromEntries(
        pairs.map((pair) => [pair![1]!.trim(), pair![2]!.toLowerCase() as 'active' | 'waiting']),
      );
      return ok({ field: 'flowStatusStates', value: states });
    },
    unset: () => ({ field: 'flowStatusStates' }),
    show: (stored, defaults) => {
      const inForce = stored.flowStatusStates ?? defaults.statusStates;
      const text = Object.keys(inForce).length > 0 ? formatStates(inForce) : 'none, Jira categories only';
      return [
        `flow-status-states: ${text} (${stored.flowStatusStates ? SET : 'default, FLOW_STATUS_STATES'})`,
      ];
    },
  },
];

/** The services map and the teams' repositories, as `metrics settings` lists them after the settings. */
export function showMaps(stored: StoredMetricsSettings): string[] {
  const lines = (entries: Record<string, string[]> | undefined) =>
    Object.entries(entries ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, repos]) => `    ${name} → ${repos.join(', ')}`);
  const services = lines(stored.serviceRepos);
  const teams = lines(stored.teamRepos);
  return [
    `services: ${services.length > 0 ? `${services.length} mapped (${SET})` : 'none mapped'}; other services match a repository of their name (default)`,
    ...services,
    `teams: ${teams.length > 0 ? `${teams.length} mapped (${SET})` : 'none mapped'}; other teams add up the repositories their members merged into (default)`,
    ...teams,
  ];
}
