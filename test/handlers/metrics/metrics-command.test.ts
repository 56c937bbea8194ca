import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { applyFactWrites } from '../../../data/ingest/apply-fact-writes.ts';
import { createFlowPorts } from '../../../data/metrics/flow/create-flow-ports.ts';
import { createMetricsRollupUpdates } from '../../../data/metrics/metrics-rollup-updates.ts';
import { createMetricsSettingsPorts } from '../../../data/metrics/metrics-settings-ports.ts';
import { createMetricsReader } from '../../../data/metrics/mongo-metrics-reader.ts';
import { createMetricsSettingsStore } from '../../../data/metrics/mongo-metrics-settings.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import type { ApprovalServices } from '../../../handlers/approvals/types.ts';
import type { FlowSettings } from '../../../handlers/flow/flow-ports.ts';
import type { MetricsScope } from '../../../handlers/metrics/ports.ts';
import { DEFAULT_POLICY_YAML } from '../../../handlers/policy/default-policy.ts';
import { parsePolicy } from '../../../handlers/policy/parse-policy.ts';
import { parseCommandText, runCommand } from '../../../handlers/run-command.ts';
import type { StandupStore } from '../../../handlers/standup/types.ts';
import type { CommandPorts, NoticeView, Surface } from '../../../handlers/types.ts';
import { metricsFactWrites } from '../../data/metrics/metrics-fact-writes.ts';
import { openTestDatabase } from '../../support/database.ts';
import { at, deployment } from './build-facts.ts';

const TENANT = 'T0METSET';
const OTHER = 'T0METOTHER';
const LEAD = 'U0LEAD';
const NOW = at(7 * 24 + 6);
const WEEK = { from: at(0), to: at(7 * 24) };
const API: MetricsScope = { kind: 'repo', repo: 'acme/api' };
const FLOW_DEFAULTS: FlowSettings = { ageMode: 'working', statusStates: { 'In Review': 'waiting' } };

function approvalsWith(yaml: string): ApprovalServices {
  const parsed = parsePolicy(yaml);
  assert.ok(parsed.ok);
  const policies = { inForce: async () => ({ policy: parsed.policy, yaml, source: 'tenant' as const }) };
  return { policies } as unknown as ApprovalServices;
}

/** A week of one repository: a deployment to `staging` on Tuesday and one to `production` on Thursday. */
const WRITES = metricsFactWrites({
  deployments: [
    deployment('acme/api', 1, 'a1', [['success', 24 + 2]], { environment: 'staging' }),
    deployment('acme/api', 2, 'a2', [['success', 72 + 2]]),
  ],
  pushes: [],
  pullRequests: [],
  incidents: [],
});

describe('metrics settings in chat (production environments, signal, bands, windows, flow; real database)', function () {
  this.timeout(60_000);
  let connection: Connection;
  let models: Models;
  let ports: CommandPorts;
  let rollups: ReturnType<typeof createMetricsRollupUpdates>;
  let reader: ReturnType<typeof createMetricsReader>;
  let store: ReturnType<typeof createMetricsSettingsStore>;

  const run = async (userId: string, text: string, tenantId = TENANT, surface: Surface = 'slack') => {
    const reply = await runCommand(
      { actor: { surface, tenantId, userId }, ...parseCommandText(text) },
      undefined,
      ports,
    );
    const view = reply.view as NoticeView;
    return { tone: view.tone, text: `${view.title}\n${view.body}`, suggestion: view.suggestion };
  };
  const marks = (tenantId: string) => models.MetricDirtyMark.countDocuments({ tenantId });

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    store = createMetricsSettingsStore(models.MetricSettings);
    rollups = createMetricsRollupUpdates({
      facts: factModelsOf(models),
      MetricRollup: models.MetricRollup,
      MetricRollupVersion: models.MetricRollupVersion,
      MetricDirtyMark: models.MetricDirtyMark,
      settings: store,
    });
    reader = createMetricsReader(models, store);
    ports = {
      // `teams map` reads only the standups' names.
      standups: { list: async () => [{ name: 'Payments', members: [] }] } as unknown as StandupStore,
      approvals: approvalsWith(
        `${DEFAULT_POLICY_YAML}tiers:\n  high:\n    approvers: { users: ["slack:${LEAD}"] }\n`,
      ),
      metricsSettings: createMetricsSettingsPorts({
        models,
        store,
        rollups,
        flowDefaults: FLOW_DEFAULTS,
      }),
    };
    for (const tenantId of [TENANT, OTHER]) {
      await applyFactWrites(factModelsOf(models), tenantId, WRITES);
      await rollups.recordWrites(tenantId, WRITES, NOW);
      await rollups.updateTenant(tenantId, NOW);
    }
  });
  after(() => connection.close());

  it('shows every setting with its default and where it comes from before anyone sets anything', async () => {
    const shown = await run('U0ANA', 'metrics settings');
    assert.equal(shown.tone, 'info');
    for (const line of [
      'production-environments: production, prod (default)',
      'deployment-signal: deployments (GitHub) (default)',
      'band-year: 2024 (default)',
      'attribution-window: 24h (default)',
      'commit-cutoff: none (default)',
      'hotfix-labels: hotfix (default)',
      'hotfix-branches: hotfix/ (default)',
      'flow-age-mode: working (default, FLOW_AGE_MODE)',
      'flow-status-states: In Review=waiting (default, FLOW_STATUS_STATES)',
      'services: none mapped',
      'teams: none mapped',
    ])
      assert.ok(shown.text.includes(line), `${line}\n${shown.text}`);
    assert.match(shown.suggestion ?? '', /^\/em metrics settings \| set <name> <value>/);
    const teams = await run('U0ANA', 'metrics', TENANT, 'teams');
    assert.match(teams.text, /band-year: 2024 \(default\)/, 'Teams: the same words typed');
    assert.match(teams.suggestion ?? '', /^metrics settings/);
  });

  it("counts a repository's own production environments once set, after the rollups are recomputed", async () => {
    assert.equal((await reader.readDora(TENANT, API, WEEK)).deployments, 1, 'staging is not production');
    const saved = await run(LEAD, 'metrics set production-environments staging,production repo acme/api');
    assert.equal(saved.tone, 'info');
    assert.match(saved.text, /^Saved: production-environments/);
    assert.match(saved.text, /acme\/api: staging, production \(set here\)/);
    assert.match(saved.text, /being recomputed from 2026-09-08 .*within a few minutes/);
    assert.equal(await marks(TENANT), 1, 'every day marked for the metrics-rollups job');
    assert.equal((await reader.readDora(TENANT, API, WEEK)).deployments, 1, 'until the job runs');
    await rollups.updateTenant(TENANT, NOW);
    assert.equal((await reader.readDora(TENANT, API, WEEK)).deployments, 2);
    assert.equal(await marks(TENANT), 0);
    assert.equal((await reader.readDora(OTHER, API, WEEK)).deployments, 1, "the other tenant's stays");

    const unset = await run(LEAD, 'metrics unset production-environments repo acme/api');
    assert.match(unset.text, /production-environments: production, prod \(default\)/);
    assert.doesNotMatch(unset.text, /acme\/api:/);
    await rollups.updateTenant(TENANT, NOW);
    assert.equal((await reader.readDora(TENANT, API, WEEK)).deployments, 1);
  });

  it('bands by the report year set, from the next answer, without recomputing', async () => {
    const before = (await reader.readDora(TENANT, API, WEEK)).bands.deploymentFrequency;
    assert.equal(before.year, 2024);
    const saved = await run(LEAD, 'metrics set band-year 2021');
    assert.match(saved.text, /band-year: 2021 \(set here\)/);
    assert.match(saved.text, /\/dora and the metrics API use it from their next answer/);
    assert.equal(await marks(TENANT), 0, 'bands are read at answer time');
    const after = (await reader.readDora(TENANT, API, WEEK)).bands.deploymentFrequency;
    assert.equal(after.year, 2021);
    assert.notEqual(after.published, before.published);
    assert.equal((await reader.readDora(OTHER, API, WEEK)).bands.deploymentFrequency.year, 2024);
    await run(LEAD, 'metrics set band-year default');
    assert.equal((await reader.readDora(TENANT, API, WEEK)).bands.deploymentFrequency.year, 2024);
  });

  it('sets the tenant-wide and per-repository values of every kind, and shows them', async () => {
    for (const typed of [
      'metrics set production-environments prod,live',
      'metrics set deployment-signal workflow Deploy production repo ACME/api',
      'metrics set attribution-window 2d',
      'metrics set commit-cutoff 2025-01-01',
      'metrics set hotfix-labels hotfix,urgent',
      'metrics set hotfix-branches hotfix/,fix/',
      'metrics set flow-age-mode calendar',
      'metrics set flow-status-states In Review=active,Blocked=waiting',
      'metrics services map Payments API acme/api',
    ])
      assert.equal((await run(LEAD, typed)).tone, 'info', typed);
    const shown = (await run('U0ANA', 'metrics settings')).text;
    for (const line of [
      'production-environments: prod, live (set here, every repository)',
      'deployment-signal: deployments (GitHub) (default)',
      '    acme/api: workflow Deploy production (set here)',
      'attribution-window: 48h (set here)',
      'commit-cutoff: 2025-01-01 (set here)',
      'hotfix-labels: hotfix, urgent (set here)',
      'hotfix-branches: hotfix/, fix/ (set here)',
      'flow-age-mode: calendar (set here)',
      'flow-status-states: In Review=active,Blocked=waiting (set here)',
      'services: 1 mapped (set here)',
      '    Payments API → acme/api',
    ])
      assert.ok(shown.includes(line), `${line}\n${shown}`);
    const settings = await reader.settingsOf(TENANT);
    assert.deepEqual(settings.deploymentSignal?.['acme/api'], {
      kind: 'workflow',
      name: 'Deploy production',
    });
    assert.equal(settings.attributionWindowMs, 48 * 3_600_000);
    assert.deepEqual(settings.serviceRepos, { 'Payments API': ['acme/api'] });
    assert.equal(
      (await models.MetricSettings.findOne({ tenantId: TENANT, _id: TENANT }).lean())?.updatedBy,
      `slack:${LEAD}`,
    );

    const flow = createFlowPorts({
      models,
      availability: { teamDefaultsOf: async () => ({}) } as never,
      holidays: {} as never,
      settings: FLOW_DEFAULTS,
      metricsSettings: store,
      now: () => NOW,
    });
    assert.deepEqual(await flow.settingsOf(TENANT), {
      ageMode: 'calendar',
      statusStates: { 'In Review': 'active', Blocked: 'waiting' },
    });
    assert.deepEqual(await flow.settingsOf(OTHER), FLOW_DEFAULTS, 'the environment is the default');

    const unmapped = await run(LEAD, 'metrics services map Payments API');
    assert.match(unmapped.text, /Payments API is no longer mapped/);
    assert.match(unmapped.text, /being recomputed/);
    await run(LEAD, 'metrics unset flow-age-mode');
    assert.equal((await flow.settingsOf(TENANT)).ageMode, 'working');
    await rollups.updateTenant(TENANT, NOW);
  });

  it('maps a team to its repositories for /dora <team>, from the next answer', async () => {
    const mapped = await run(LEAD, 'metrics teams map payments acme/api');
    assert.match(mapped.text, /^Mapped Payments\n\/dora Payments adds up acme\/api/);
    assert.match(mapped.text, /use it from their next answer/);
    assert.equal(await marks(TENANT), 0, 'a team only changes what is added up');
    assert.deepEqual((await reader.scopeOf(TENANT, { kind: 'team', team: 'Payments' })).repos, ['acme/api']);
    assert.match(
      (await run('U0ANA', 'metrics settings')).text,
      /teams: 1 mapped \(set here\).*\n {4}payments → acme\/api/,
    );
    assert.match((await run(LEAD, 'metrics teams map Payments')).text, /Payments is no longer mapped/);
    assert.equal((await reader.settingsOf(TENANT)).teamRepos?.payments, undefined);
  });

  it('refuses bad values, unknown settings and unknown repositories, saving nothing', async () => {
    const stored = await store.storedOf(TENANT);
    for (const [typed, why] of [
      ['metrics set band-year 2022', /band-year takes a DORA report year: 2021, 2023, 2024/],
      ['metrics set attribution-window 0h', /attribution-window takes hours/],
      ['metrics set attribution-window forever', /attribution-window takes hours/],
      ['metrics set attribution-window 30d', /from 1h to 14d/],
      ['metrics set commit-cutoff 2025-02-30', /commit-cutoff takes a date/],
      ['metrics set flow-age-mode weekly', /flow-age-mode takes working .* or calendar/],
      ['metrics set flow-status-states Blocked=stuck', /flow-status-states takes Jira statuses/],
      ['metrics set deployment-signal tags', /deployment-signal takes deployments, releases, or workflow/],
      ['metrics set deployment-signal releases now', /deployment-signal takes/],
      ['metrics set production-environments ,', /takes environment names/],
      ['metrics set production-environments', /needs a value, e\.g\. production,live/],
      ['metrics set colour blue', /I don't know the setting "colour"/],
      ['metrics set band-year 2023 repo acme/api', /band-year is the same for every repository/],
      ['metrics set production-environments live repo acme/nope', /I don't know a repository acme\/nope/],
      ['metrics set production-environments live repo nope', /End with repo owner\/name/],
      ['metrics services map Payments acme/nope', /I don't know a repository acme\/nope/],
      ['metrics services map', /Name the service and its repositories/],
      ['metrics teams map Platform acme/api', /I don't know a team called "Platform"/],
      ['metrics teams map', /Name the team and its repositories/],
      ['metrics rebuild', /I don't know "metrics rebuild"/],
    ] as const) {
      const answer = await run(LEAD, typed);
      assert.equal(answer.tone, 'warning', typed);
      assert.match(answer.text, why, typed);
    }
    assert.deepEqual(await store.storedOf(TENANT), stored);
    assert.equal(await marks(TENANT), 0, 'nothing marked for recomputing');
  });

  it('lets only the approvers the policy names change settings; anyone may look', async () => {
    const stored = await store.storedOf(TENANT);
    for (const typed of [
      'metrics set band-year 2023',
      'metrics unset attribution-window',
      'metrics services map api acme/api',
      'metrics teams map Payments acme/api',
    ]) {
      const refused = await run('U0ANA', typed);
      assert.equal(refused.tone, 'warning', typed);
      assert.match(refused.text, /Only approvers change metrics settings/, typed);
    }
    assert.deepEqual(await store.storedOf(TENANT), stored);
    assert.equal(await marks(TENANT), 0);
    assert.equal((await run('U0ANA', 'metrics settings')).tone, 'info');
  });

  it("keeps each tenant's settings its own", async () => {
    await run(LEAD, 'metrics set band-year 2023', OTHER);
    const other = (await run('U0ANA', 'metrics settings', OTHER)).text;
    assert.match(other, /band-year: 2023 \(set here\)/);
    assert.match(other, /production-environments: production, prod \(default\)/);
    assert.match(other, /services: none mapped/);
    const mine = (await run('U0ANA', 'metrics settings')).text;
    assert.match(mine, /band-year: 2024 \(default\)/);
    assert.match(mine, /production-environments: prod, live/);
  });

  it('says so when no metrics database is wired', async () => {
    const reply = await runCommand(
      { actor: { surface: 'slack', tenantId: TENANT, userId: LEAD }, ...parseCommandText('metrics') },
      undefined,
      {},
    );
    assert.match((reply.view as NoticeView).title, /not available here/);
  });
});
