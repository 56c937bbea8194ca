import assert from 'node:assert/strict';
import { countDeployments } from '../../../handlers/metrics/count-deployments.ts';
import { measureDeploymentFrequency } from '../../../handlers/metrics/deployment-frequency.ts';
import { readDeploymentSignals } from '../../../handlers/metrics/deployments-from-signals.ts';
import { isProductionEnvironment } from '../../../handlers/metrics/is-production.ts';
import { at, deployment, WEEK } from './build-facts.ts';

const API = 'acme/api';

describe('production deployments', () => {
  it('are `production`/`prod` by default, or the repository’s own list', () => {
    assert.equal(isProductionEnvironment(API, 'production', {}), true);
    assert.equal(isProductionEnvironment(API, 'Prod', {}), true);
    assert.equal(isProductionEnvironment(API, 'staging', {}), false);
    const config = { productionEnvironments: { [API]: ['live-eu', 'live-us'] } };
    assert.equal(isProductionEnvironment(API, 'live-eu', config), true);
    assert.equal(isProductionEnvironment(API, 'production', config), false);
    assert.equal(isProductionEnvironment('acme/web', 'production', config), true);
  });

  it('count once: a redeploy of the same sha folds in, a status flip marks it failed, order does not matter', () => {
    const { deployments, failedAttempts } = countDeployments(
      [
        // Statuses listed out of order: success at 3 is the first success.
        deployment(API, 1, 'aaa', [
          ['success', 5],
          ['in_progress', 2],
          ['success', 3],
        ]),
        deployment(API, 2, 'aaa', [['success', 8]]), // redeploy of aaa
        deployment(API, 3, 'bbb', [
          ['success', 10],
          ['failure', 11],
        ]), // flip
        deployment(API, 4, 'ccc', [['success', 12]], { environment: 'staging' }),
        deployment(API, 5, 'ddd', [['error', 14]]), // never succeeded
        deployment(API, 6, 'eee', [['success', 20]]), // the fix
        deployment(API, 7, 'bbb', [['success', 30]]), // back to an earlier sha: rollback
      ],
      {},
    );
    assert.deepEqual(
      deployments.map((d) => [
        d.key,
        d.at.getTime(),
        d.redeploys,
        d.failedAt?.getTime(),
        d.rollbackOf,
        d.previousSha,
      ]),
      [
        ['acme/api#1', at(3).getTime(), ['acme/api#2'], undefined, undefined, undefined],
        ['acme/api#3', at(10).getTime(), [], at(11).getTime(), undefined, 'aaa'],
        ['acme/api#6', at(20).getTime(), [], undefined, undefined, 'bbb'],
        ['acme/api#7', at(30).getTime(), [], undefined, 'acme/api#6', 'eee'],
      ],
    );
    assert.deepEqual(
      failedAttempts.map((a) => [a.key, a.failedAt.getTime()]),
      [['acme/api#5', at(14).getTime()]],
    );
  });

  it('can come from releases or a named workflow instead of deployments', () => {
    const signals = readDeploymentSignals(
      {
        deployments: [deployment(API, 1, 'ignored', [['success', 1]])],
        releases: [
          {
            repo: API,
            releaseId: 10,
            tag: 'v1',
            sha: 'r1',
            draft: false,
            prerelease: false,
            publishedAt: at(2),
          },
          {
            repo: API,
            releaseId: 11,
            tag: 'v2-rc',
            sha: 'r2',
            draft: false,
            prerelease: true,
            publishedAt: at(3),
          },
          { repo: API, releaseId: 12, tag: 'v2', sha: 'r2', draft: true, prerelease: false },
        ],
        workflowRuns: [
          {
            repo: 'acme/web',
            runId: 20,
            name: 'Deploy',
            headBranch: 'main',
            headSha: 'w1',
            conclusion: 'success',
            completedAt: at(4),
          },
          {
            repo: 'acme/web',
            runId: 21,
            name: 'CI',
            headBranch: 'main',
            headSha: 'w2',
            conclusion: 'success',
            completedAt: at(5),
          },
          {
            repo: 'acme/web',
            runId: 22,
            name: 'Deploy',
            headBranch: 'feature',
            headSha: 'w3',
            conclusion: 'success',
            completedAt: at(6),
          },
          {
            repo: 'acme/web',
            runId: 23,
            name: 'Deploy',
            headBranch: 'main',
            headSha: 'w4',
            conclusion: 'failure',
            completedAt: at(7),
          },
        ],
        pushes: [],
        pullRequests: [],
        incidents: [],
      },
      { deploymentSignal: { [API]: { kind: 'release' }, 'acme/web': { kind: 'workflow', name: 'Deploy' } } },
    );
    assert.deepEqual(
      signals.map((s) => [s.repo, s.deploymentId, s.sha, s.statuses.map((x) => x.state)]),
      [
        [API, -10, 'r1', ['success']],
        ['acme/web', -20, 'w1', ['success']],
        ['acme/web', -23, 'w4', ['failure']],
      ],
    );
  });

  it('give the frequency per range, per week and as deployment days per week', () => {
    const { deployments } = countDeployments(
      [
        deployment(API, 1, 'a', [['success', 1]]),
        deployment(API, 2, 'b', [['success', 20]]), // same UTC day as 1
        deployment(API, 3, 'c', [['success', 40]]),
        deployment('acme/web', 4, 'w', [['success', 100]]),
        deployment(API, 5, 'd', [['success', 200]]), // next week: outside the range
      ],
      {},
    );
    const frequency = measureDeploymentFrequency(deployments, WEEK);
    assert.equal(frequency.count, 4);
    assert.equal(frequency.perWeek, 4);
    assert.equal(frequency.deploymentDaysPerWeek, 3);
    const fortnight = measureDeploymentFrequency(deployments, { from: at(0), to: at(336) });
    assert.equal(fortnight.count, 5);
    assert.equal(fortnight.perWeek, 2.5);
    assert.equal(fortnight.deploymentDaysPerWeek, 2);
    assert.throws(() => measureDeploymentFrequency(deployments, { from: at(5), to: at(5) }), RangeError);
  });
});
