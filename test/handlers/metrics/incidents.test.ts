import assert from 'node:assert/strict';
import { findServiceRepos } from '../../../handlers/metrics/service-repos.ts';
import { measureDora } from '../../../handlers/metrics/measure-dora.ts';
import { openIntervals } from '../../../handlers/metrics/time-to-restore.ts';
import { at, HOUR, incident, pull, WEEK } from './build-facts.ts';
import { buildTwoServices, CONFIG } from './two-services.ts';

const WEB = 'acme/web';

describe('incident attribution, change failure rate, time to restore and rework', () => {
  const answer = measureDora(buildTwoServices(), CONFIG, WEEK);

  it('attributes explicitly first, then to the latest linked deployment within 24 h, else shows it apart', () => {
    assert.deepEqual(
      answer.basis.attributions.map((a) => [
        a.incidentId,
        a.deploymentKey ?? ('reason' in a ? a.reason : ''),
        'rule' in a ? a.rule : '-',
      ]),
      [
        ['I1-named', 'acme/api#1', 'names-pull-request'],
        ['I2-window', 'acme/api#2', 'window'],
        ['I3-reopened', 'acme/web#13', 'window'],
        ['I4-reverted', 'acme/api#2', 'revert'],
        ['I5-billing', 'no-linked-repository', '-'],
        ['I6-no-deployment', 'no-deployment-in-window', '-'],
      ],
    );
  });

  it('counts failed deployments: attributed, and a failed attempt before its fix', () => {
    const cfr = answer.changeFailureRate;
    assert.equal(cfr.deployments, 6);
    assert.equal(cfr.failed, 4);
    assert.equal(cfr.rate, 4 / 6);
    assert.deepEqual(cfr.failures, [
      { deploymentKey: 'acme/api#1', causes: ['incident'], incidentIds: ['I1-named'] },
      { deploymentKey: 'acme/api#2', causes: ['incident'], incidentIds: ['I2-window', 'I4-reverted'] },
      { deploymentKey: 'acme/web#13', causes: ['incident'], incidentIds: ['I3-reopened'] },
      { deploymentKey: 'acme/web#12', causes: ['failed-attempt'], incidentIds: [] },
    ]);
    assert.deepEqual(cfr.incidentCoverage, { linked: 4, total: 6, share: 4 / 6 });
    assert.deepEqual(cfr.unattributed, [
      { incidentId: 'I5-billing', reason: 'no-linked-repository' },
      { incidentId: 'I6-no-deployment', reason: 'no-deployment-in-window' },
    ]);
    // 2024 publishes one typical rate per cluster; 0.67 is nearest low's 40%.
    assert.equal(cfr.band?.band, 'low');
    assert.equal(cfr.band?.basis, 'nearest');
  });

  it('measures time to restore, adding a reopened incident’s second spell, and leaves open ones out', () => {
    const restore = answer.timeToRestore;
    assert.deepEqual(
      restore.items.map((item) => [item.incidentId, item.restoreMs / HOUR, item.reopened]),
      [
        ['I1-named', 2, false],
        ['I2-window', 2, false],
        ['I3-reopened', 3, true],
        ['I4-reverted', 11, false],
        ['I6-no-deployment', 1, false],
      ],
    );
    assert.equal(restore.stillOpen, 1);
    assert.equal(restore.reopened, 1);
    assert.deepEqual([restore.mttr.count, restore.mttr.p50! / HOUR, restore.mttr.p90! / HOUR], [5, 2, 3]);
  });

  it('measures failed deployment recovery time from the deployment, and from a failed attempt to its fix', () => {
    const restore = answer.timeToRestore;
    assert.deepEqual(
      restore.recoveries.map((r) => [r.deploymentKey, r.recoveredBy, r.recoveryMs / HOUR]),
      [
        ['acme/api#1', 'I1-named', 14],
        ['acme/api#2', 'I2-window', 7],
        ['acme/web#13', 'I3-reopened', 5],
        ['acme/api#2', 'I4-reverted', 71],
        ['acme/web#12', 'acme/web#13', 3],
      ],
    );
    const fdrt = restore.failedDeploymentRecovery;
    assert.deepEqual([fdrt.count, fdrt.p50! / HOUR, fdrt.p90! / HOUR], [5, 7, 14]);
    // 2024 bands recovery on FDRT: 7 h is high (< 1 day); elite is < 1 hour, 6 h away.
    assert.equal(restore.band?.band, 'high');
    assert.deepEqual([restore.band?.next?.band, restore.band!.next!.by / HOUR], ['elite', 6]);
    // 2021 bands its time to restore service: the median 2 h is high too, 1 h from elite.
    const in2021 = measureDora(buildTwoServices(), CONFIG, WEEK, 2021).timeToRestore.band!;
    assert.deepEqual([in2021.band, in2021.next!.by / HOUR, in2021.year], ['high', 1, 2021]);
  });

  it('counts rework: a revert, a hotfix label, and a deployment within 24 h after an attributed incident', () => {
    const rework = answer.reworkRate;
    assert.deepEqual(rework.items, [
      { deploymentKey: 'acme/api#2', reasons: ['after-incident'] },
      { deploymentKey: 'acme/api#3', reasons: ['revert', 'hotfix', 'after-incident'] },
    ]);
    assert.equal(rework.deployments, 5);
    assert.equal(rework.rate, 0.4);
  });

  it('never blames the last deployment however long ago (DevLake #8150): a wider window does', () => {
    const wide = measureDora(buildTwoServices(), { ...CONFIG, attributionWindowMs: 100 * HOUR }, WEEK);
    const i6 = wide.basis.attributions.find((a) => a.incidentId === 'I6-no-deployment');
    assert.deepEqual(
      [i6?.deploymentKey, i6 && 'rule' in i6 ? i6.rule : undefined],
      ['acme/web#13', 'window'],
    );
  });

  it('says "no deployment" for a service whose repository was seen but never deployed', () => {
    const docs = measureDora(
      {
        deployments: [],
        pushes: [],
        pullRequests: [pull('acme/docs', 1, { opened: 1, merged: 2 })],
        incidents: [incident('D1', 'docs', 3, 4), incident('D2', 'wiki', 3, 4)],
      },
      {},
      WEEK,
    );
    assert.deepEqual(
      docs.basis.attributions.map((a) => [a.incidentId, 'reason' in a ? a.reason : a.deploymentKey]),
      [
        ['D1', 'no-deployment-in-window'],
        ['D2', 'no-linked-repository'],
      ],
    );
    assert.equal(docs.changeFailureRate.rate, null);
  });

  it('maps services to repositories by the services map, else by name', () => {
    const repos = ['acme/api', 'acme/API-gateway', 'other/api', 'acme/web'];
    assert.deepEqual(findServiceRepos(incident('x', 'API', 0), repos, {}), ['acme/api', 'other/api']);
    assert.deepEqual(
      findServiceRepos(incident('x', 'api', 0), repos, { serviceRepos: { api: ['acme/API-gateway'] } }),
      ['acme/API-gateway'],
    );
    assert.deepEqual(
      findServiceRepos({ ...incident('x', 'Checkout', 0), serviceId: 'P123' }, repos, {
        serviceRepos: { P123: [WEB] },
      }),
      [WEB],
    );
    assert.deepEqual(findServiceRepos(incident('x', 'billing', 0), repos, {}), []);
  });

  it('reads open spells from the status history, or triggered → resolved without one', () => {
    const reopenedStillOpen = openIntervals(
      incident('x', 'api', 0, 1, {
        transitions: [
          { status: 'triggered', at: at(0) },
          { status: 'resolved', at: at(1) },
          { status: 'triggered', at: at(5) },
        ],
      }),
    );
    assert.deepEqual(reopenedStillOpen, { intervals: [[at(0), at(1)]], open: true, reopened: true });
    assert.deepEqual(openIntervals(incident('y', 'api', 2, 4)), {
      intervals: [[at(2), at(4)]],
      open: false,
      reopened: false,
    });
  });
});
