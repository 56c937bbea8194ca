import assert from 'node:assert/strict';
import { renderViewForSlack } from '../../../cards/slack/render-view.ts';
import { renderViewForTeams } from '../../../cards/teams/render-view.ts';
import { DORA_ACTIONS, readDoraAction } from '../../../handlers/metrics/dora-actions.ts';
import { handleDoraAction, runDoraCommand, splitDoraArgs } from '../../../handlers/metrics/dora-command.ts';
import { DORA_FIGURES, type DoraView, type DoraWhyView } from '../../../handlers/metrics/dora-view.ts';
import { measureDora } from '../../../handlers/metrics/measure-dora.ts';
import { parseCommandText } from '../../../handlers/run-command.ts';
import type { Standup, StandupStore } from '../../../handlers/standup/types.ts';
import type { Actor, CommandPorts, View } from '../../../handlers/types.ts';
import { createFixtureMetricsReader } from '../../support/fixture-metrics-reader.ts';
import { adaptiveCardProblems, assertWithinSlackLimits } from '../../support/validate-cards.ts';
import { generateOrg } from './generate-org.ts';

const TENANT = 'T-dora';
const NOW = new Date('2026-10-20T12:00:00Z');
const ORG = generateOrg(11, 3, 56);
const ANA: Actor = { surface: 'slack', tenantId: TENANT, userId: 'U0ANA' };
/** The one standup the scope reads (its name and members); /dora only lists standups. */
const STANDUPS = {
  list: async () => [
    { name: 'Payments', members: [{ tool: 'slack', handle: 'U0ANA' }] } as unknown as Standup,
  ],
} as unknown as StandupStore;
const reader = createFixtureMetricsReader(ORG, { tenantId: TENANT, teamRepos: { payments: ['acme/svc0'] } });
const PORTS: CommandPorts = { metrics: { reader, now: () => NOW }, standups: STANDUPS };

async function dora(typed: string, ports: CommandPorts = PORTS, actor: Actor = ANA): Promise<View> {
  return (await runDoraCommand({ actor, ...parseCommandText(`dora ${typed}`) }, ports)).view;
}

function asDora(view: View): DoraView {
  assert.equal(view.kind, 'dora', JSON.stringify(view));
  return view as DoraView;
}

const figure = (view: DoraView, name: string) => view.figures.find((f) => f.figure === name)!;

describe('/dora', () => {
  it('says metrics are not set up when no reader is configured', async () => {
    const view = await dora('', {});
    assert.equal(view.kind, 'notice');
    assert.match(JSON.stringify(view), /Delivery metrics are not set up yet/);
  });

  it("answers for the asker's team by default: five figures with bands, trend and coverage", async () => {
    const view = asDora(await dora(''));
    assert.equal(view.scopeLabel, 'Payments');
    assert.equal(view.rangeLabel, 'last 30 days');
    assert.deepEqual([view.from, view.to], ['2026-09-21', '2026-10-20']);
    assert.deepEqual(
      view.figures.map((f) => f.figure),
      DORA_FIGURES,
    );
    const exact = measureDora(
      { ...ORG, deployments: ORG.deployments.filter((d) => d.repo === 'acme/svc0') },
      {},
      { from: new Date('2026-09-21T00:00:00Z'), to: new Date('2026-10-21T00:00:00Z') },
    );
    const frequency = figure(view, 'deployment-frequency');
    assert.ok(exact.deploymentFrequency.count > 0);
    assert.match(frequency.detail, new RegExp(`· ${exact.deploymentFrequency.count} deployments$`));
    assert.equal(frequency.value, `${exact.deploymentFrequency.perWeek.toFixed(1)} / week`);
    assert.equal(frequency.band?.band, exact.deploymentFrequency.band.band);
    assert.ok(frequency.trend, 'the previous period has data too');
    assert.match(figure(view, 'lead-time').value, /median$/);
    assert.match(figure(view, 'rework-rate').detail, /DORA publishes no band/);
    assert.equal(figure(view, 'rework-rate').band, undefined);
    assert.equal(view.charts.deployments.length, 5, 'five weeks, the last one cut');
    assert.equal(
      view.charts.deployments.reduce((sum, week) => sum + week.count, 0),
      exact.deploymentFrequency.count,
    );
    assert.ok(view.coverage.pullRequests.total > 0);
  });

  it('reads a repository, a service, a team, everyone, and a range after the scope', async () => {
    const repo = asDora(await dora('acme/svc1 last 2w'));
    assert.equal(repo.scopeLabel, 'acme/svc1');
    assert.equal(repo.rangeLabel, 'last 2 weeks');
    assert.equal(repo.charts.deployments.length, 2);
    assert.equal(asDora(await dora('service svc2 2026-Q3')).scopeLabel, 'service svc2');
    assert.equal(asDora(await dora('payments since 2026-10-01')).scopeLabel, 'Payments');
    const all = asDora(await dora('all'));
    assert.equal(all.scopeLabel, 'everyone');
    const count = (view: DoraView) => view.charts.deployments.reduce((sum, week) => sum + week.count, 0);
    assert.ok(count(all) > count(asDora(await dora(''))), 'everyone has more deployments than one team');
    assert.deepEqual(splitDoraArgs(['Platform', 'team', 'last', '30d']), {
      scope: 'Platform team',
      range: 'last 30d',
    });
  });

  it('refuses a person, and explains an unknown scope or range', async () => {
    for (const typed of ['me', '@ana', '<@U0ANA>']) {
      assert.match(JSON.stringify(await dora(typed)), /about teams, not people/, typed);
    }
    const unknown = JSON.stringify(await dora('billing'));
    assert.match(unknown, /I don't know a team or service called \\"billing\\"/);
    assert.match(unknown, /Teams \(standup names\): Payments\./);
    const range = JSON.stringify(await dora('payments last fortnight'));
    assert.match(range, /I could not read that range/);
    assert.match(range, /\/em dora \[team/);
  });

  it('says so when nothing was measured', async () => {
    const view = asDora(await dora('acme/unknown'));
    assert.match(view.cautions.join(' '), /Nothing was measured here/);
    assert.equal(figure(view, 'lead-time').value, 'no changes shipped');
  });

  it('answers "why" with the exact basis of each figure, within both surfaces\' limits', async () => {
    const view = asDora(await dora('all 2026-Q3'));
    const exact = measureDora(
      ORG,
      {},
      { from: new Date('2026-07-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z') },
    );
    for (const name of DORA_FIGURES) {
      const payload = readDoraAction(JSON.stringify({ ...view.action, figure: name }));
      assert.ok(payload, name);
      const why = (await handleDoraAction(ANA, DORA_ACTIONS.why, payload, PORTS)) as DoraWhyView;
      assert.equal(why.kind, 'dora-why', name);
      assertWithinSlackLimits(renderViewForSlack(why), `why ${name}`);
      assert.deepEqual(adaptiveCardProblems(renderViewForTeams(why)), [], `why ${name}`);
      if (name === 'lead-time') {
        const outliers = why.sections.find((s) => s.title.startsWith('Slowest changes'))!;
        assert.equal(outliers.lines.length + outliers.more, exact.leadTime.outliers.length);
        assert.match(outliers.lines[0]!, /^[\d.]+ (h|days|min): acme\/svc\d#\d+ → .+ → acme\/svc\d#\d+ \(/);
      }
      if (name === 'deployment-frequency') {
        const listed = why.sections[0]!;
        assert.equal(listed.lines.length + listed.more, exact.deploymentFrequency.count);
      }
    }
    const back = await handleDoraAction(ANA, DORA_ACTIONS.show, view.action, PORTS);
    assert.deepEqual(back, view, 'back shows the same figures');
  });

  it('keeps the answer within Slack limits and valid for Teams', async () => {
    const view = asDora(await dora('all 2026-Q3'));
    const slack = renderViewForSlack(view);
    assertWithinSlackLimits(slack, 'dora');
    const buttons = slack.blocks.flatMap((block) =>
      block.type === 'section' && block.accessory ? [block.accessory] : [],
    );
    assert.equal(buttons.length, 5, 'a why button on every figure');
    assert.deepEqual(adaptiveCardProblems(renderViewForTeams(view)), []);
    assert.ok(JSON.stringify(renderViewForTeams(view)).length < 28_000);
  });

  it('reads back only its own button data', () => {
    const good = { scope: 'payments', from: '2026-09-01', to: '2026-10-01', label: 'last 30 days' };
    assert.deepEqual(readDoraAction(JSON.stringify({ ...good, figure: 'mttr' })), undefined, 'not a figure');
    assert.deepEqual(readDoraAction({ ...good, from: '2026-10-01' }), undefined, 'empty range');
    assert.deepEqual(readDoraAction({ ...good, to: 'soon' }), undefined);
    assert.deepEqual(readDoraAction('{not json'), undefined);
    assert.deepEqual(readDoraAction({ ...good, figure: 'recovery' }), { ...good, figure: 'recovery' });
  });
});
