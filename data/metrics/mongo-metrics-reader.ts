import { readRollups, type StoredRollup } from '../../handlers/metrics/dora-rollup.ts';
import { measureDora } from '../../handlers/metrics/measure-dora.ts';
import type { MetricsReader, MetricsScope, TenantMetricsSettings } from '../../handlers/metrics/ports.ts';
import { dayOf } from '../../handlers/metrics/split-rollups.ts';
import type { TimeRange } from '../../handlers/metrics/types.ts';
import { factModelsOf } from '../models/ingest-models.ts';
import type { Models } from '../models/index.ts';
import { unpackEntries } from '../models/metric-rollup.ts';
import { factWindowOf, loadMetricsInput, type LoadScope } from './load-metrics-input.ts';
import type { MetricsSettingsStore } from './mongo-metrics-settings.ts';
import { DAY_MS } from './recompute-rollups.ts';
import { monthOf } from './rollup-ledger.ts';

const WEEK_MS = 7 * DAY_MS;
/** `YYYY-MM` → the month after it. */
const nextMonthOf = (month: string) => {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
};
/** A team without configured repositories: the ones its members' PRs merged into over this span. */
const TEAM_REPOS_SPAN_MS = 90 * DAY_MS;

export class UnknownTeamError extends Error {
  override name = 'UnknownTeamError';
}

/**
 * The days' scopes added up, with deployment days counted once per day however many repositories deployed
 * on it (each repository's own rollup counts its day).
 */
function addUpDays(docs: readonly (StoredRollup & { day: string })[]): StoredRollup[] {
  const deployedDays = new Set(
    docs.filter((doc) => (doc.counts?.deployments ?? 0) > 0).map((doc) => doc.day),
  );
  return [
    ...docs.map((doc) => ({
      counts: { ...doc.counts, deploymentDays: 0 },
      ...(doc.hist ? { hist: doc.hist } : {}),
    })),
    { counts: { deploymentDays: deployedDays.size } },
  ];
}

/**
 * The MetricsReader on the database: headline figures from the daily rollups (`metric_rollup_days`), the exact
 * answer with its basis from the facts (loader + measureDora). A range is read as the whole UTC days it touches.
 */
export function createMetricsReader(
  models: Models,
  settings: MetricsSettingsStore,
): MetricsReader & {
  scopeOf(tenantId: string, scope: MetricsScope): Promise<LoadScope>;
} {
  const facts = factModelsOf(models);

  async function teamRepos(tenantId: string, team: string, configured: TenantMetricsSettings, now: Date) {
    const listed = configured.teamRepos?.[team.toLowerCase()];
    if (listed) return listed;
    const standups = await models.Standup.find({ tenantId }, { name: 1, members: 1 }).lean();
    const standup = standups.find((s) => s.name.toLowerCase() === team.toLowerCase());
    if (!standup) throw new UnknownTeamError(`no team named "${team}"`);
    const logins = new Set<string>();
    for (const member of standup.members) {
      const account = await models.Person.findOne({
        tenantId,
        tool: member.tool,
        handle: member.handle,
      }).lean();
      const github = account
        ? await models.Person.find(
            { tenantId, personId: account.personId, tool: 'github' },
            { handle: 1 },
          ).lean()
        : [];
      for (const login of github) logins.add(login.handle);
    }
    const since = new Date(now.getTime() - TEAM_REPOS_SPAN_MS);
    const repos = new Set<string>();
    for (const login of logins) {
      const merged = await facts.pullRequest
        .find({ tenantId, author: login, state: 'merged', mergedAt: { $gte: since } }, { repo: 1 })
        .lean();
      for (const pr of merged) repos.add(pr.repo);
    }
    return [...repos].sort();
  }

  /** The services linked to repositories: by the services map, else a service named like a repository. */
  async function servicesOf(tenantId: string, repos: readonly string[], configured: TenantMetricsSettings) {
    const wanted = new Set(repos);
    const names = new Set(repos.map((repo) => repo.split('/').pop()!.toLowerCase()));
    const mapped = Object.entries(configured.serviceRepos ?? {});
    const services = new Set(
      mapped.filter(([, list]) => list.some((repo) => wanted.has(repo))).map(([name]) => name),
    );
    const known = await facts.service.find({ tenantId }, { serviceId: 1, name: 1 }).lean();
    for (const service of known) {
      const entry =
        configured.serviceRepos?.[service.serviceId] ??
        (service.name ? configured.serviceRepos?.[service.name] : undefined);
      const linked = entry
        ? entry.some((repo) => wanted.has(repo))
        : names.has(service.name?.toLowerCase() ?? '');
      if (linked || services.has(service.serviceId) || (service.name && services.has(service.name))) {
        services.add(service.serviceId);
        if (service.name) services.add(service.name);
      }
    }
    // Incidents without a service fact are scoped by name: a name matching a repository links by name.
    for (const name of names)
      if (!mapped.some(([service]) => service.toLowerCase() === name)) services.add(name);
    return [...services].sort();
  }

  async function scopeOf(
    tenantId: string,
    scope: MetricsScope,
    configured?: TenantMetricsSettings,
    now = new Date(),
  ): Promise<LoadScope> {
    configured ??= await settings.settingsOf(tenantId);
    if (scope.kind === 'tenant') return {};
    if (scope.kind === 'service') {
      const name = scope.service.toLowerCase();
      const repos =
        configured.serviceRepos?.[scope.service] ??
        (await facts.repository.find({ tenantId }, { repo: 1 }).lean())
          .map((r) => r.repo)
          .filter((repo) => repo.split('/').pop()!.toLowerCase() === name);
      return { repos, services: [scope.service] };
    }
    const repos =
      scope.kind === 'repo' ? [scope.repo] : await teamRepos(tenantId, scope.team, configured, now);
    return { repos, services: await servicesOf(tenantId, repos, configured) };
  }

  /**
   * The day documents of these months: one query per month (tenant and month are equalities FerretDB v1 pushes
   * down; a day range it would filter only after reading every document of the tenant), each returning that
   * month's days, one packed field each.
   */
  async function readMonths(tenantId: string, months: readonly string[]) {
    const docs = await Promise.all(
      months.map((month) => models.MetricRollup.find({ tenantId, month }, { day: 1, rollups: 1 }).lean()),
    );
    return docs.flat();
  }

  /** The scope's entries of those days (all of them for the tenant), each with its day. */
  function entriesOf(days: readonly { day: string; rollups: string }[], scope: LoadScope) {
    const wanted =
      scope.repos || scope.services
        ? new Set([
            ...(scope.repos ?? []).map((repo) => `repo\u0000${repo}`),
            ...(scope.services ?? []).map((service) => `service\u0000${service}`),
          ])
        : undefined;
    return days.flatMap(({ day, rollups }) =>
      unpackEntries(rollups)
        .filter((entry) => !wanted || wanted.has(`${entry.kind}\u0000${entry.scope}`))
        .map((entry) => ({ ...entry, day })),
    );
  }

  /**
   * Each range's figures from its whole UTC days: the settings and the scope resolved once, each month the ranges
   * touch read once, while the scope is resolved (the days do not depend on it).
   */
  async function readRanges(tenantId: string, scope: MetricsScope, ranges: readonly TimeRange[]) {
    const spans = ranges.map((range) => ({
      first: dayOf(range.from),
      last: dayOf(new Date(range.to.getTime() - 1)),
      weeks: (range.to.getTime() - range.from.getTime()) / WEEK_MS,
    }));
    const months = new Set<string>();
    for (const { first, last } of spans)
      for (let month = monthOf(first); month <= monthOf(last); month = nextMonthOf(month)) months.add(month);
    const [days, { configured, resolved }] = await Promise.all([
      readMonths(tenantId, [...months]),
      settings.settingsOf(tenantId).then(async (configured) => ({
        configured,
        resolved: await scopeOf(tenantId, scope, configured),
      })),
    ]);
    const entries = entriesOf(days, resolved);
    return spans.map(({ first, last, weeks }) =>
      readRollups(
        addUpDays(entries.filter((entry) => entry.day >= first && entry.day <= last)),
        weeks,
        configured.reportYear,
      ),
    );
  }

  return {
    scopeOf,
    readDora: async (tenantId, scope, range) => (await readRanges(tenantId, scope, [range]))[0]!,
    readDoraRanges: readRanges,
    async explainDora(tenantId, scope, range) {
      const configured = await settings.settingsOf(tenantId);
      const resolved = await scopeOf(tenantId, scope, configured);
      const input = await loadMetricsInput(facts, tenantId, factWindowOf(range), configured, resolved);
      return measureDora(input, configured, range, configured.reportYear);
    },
    settingsOf: (tenantId) => settings.settingsOf(tenantId),
  };
}
