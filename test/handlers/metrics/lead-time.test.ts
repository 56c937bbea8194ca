import assert from 'node:assert/strict';
import { describeLeadTimeChain } from '../../../handlers/metrics/explain-figure.ts';
import { findPullStart } from '../../../handlers/metrics/lead-time.ts';
import { pullNumbersIn } from '../../../handlers/metrics/link-pull-requests.ts';
import { measureDora } from '../../../handlers/metrics/measure-dora.ts';
import { at, commit, deployment, HOUR, pull, push, WEEK } from './build-facts.ts';
import { buildDeliveryWeek } from './delivery-week.ts';

const API = 'acme/api';

describe('lead time for changes', () => {
  const answer = measureDora(buildDeliveryWeek(), {}, WEEK);
  const lead = answer.leadTime;

  it('links squash, merge-commit, rebase and fast-forward merges to the deployment that shipped them', () => {
    assert.deepEqual(
      answer.basis.links.map((l) => [l.number, l.deploymentKey, l.matchedBy]),
      [
        [10, 'acme/api#1', 'merge-sha'],
        [11, 'acme/api#2', 'message'],
        [12, 'acme/api#2', 'head-sha'],
        [13, 'acme/api#4', 'merge-sha'],
        [14, 'acme/api#4', 'head-sha'],
      ],
    );
    // The rollback D5 ships nothing new; the redeploy D3 is folded into D2.
    const shipped = Object.fromEntries(
      answer.basis.deploymentCommits.map((dc) => [dc.deploymentKey, dc.commits.map((c) => c.sha)]),
    );
    assert.deepEqual(shipped, {
      'acme/api#1': ['m0'],
      'acme/api#2': ['b1', 'b2', 'mc12', 's11'],
      'acme/api#4': ['r1', 'r2', 'r3'],
      'acme/api#5': [],
    });
    assert.deepEqual(answer.basis.gaps, []);
  });

  it('starts at the earliest authored commit (head pushes, else the PR commits API, else opened)', () => {
    assert.deepEqual(
      lead.items.map((item) => [
        item.number,
        item.startSource,
        item.leadTimeMs / HOUR,
        item.openedToDeployMs / HOUR,
      ]),
      [
        [11, 'head-pushes', 18, 16],
        [12, 'pr-commits', 15, 13],
        [13, 'head-pushes', 16, 14],
        [14, 'opened', 7, 7],
      ],
    );
  });

  it('reports median, p75 and p90, the PR-opened variant and the phases', () => {
    const hours = (summary: {
      count: number;
      p50: number | null;
      p75: number | null;
      p90: number | null;
    }) => [summary.count, summary.p50! / HOUR, summary.p75! / HOUR, summary.p90! / HOUR];
    assert.deepEqual(hours(lead.leadTime), [4, 15, 16, 16]);
    assert.deepEqual(hours(lead.openedToDeploy), [4, 13, 14, 14]);
    assert.deepEqual(hours(lead.phases.coding), [4, 2, 2, 2]);
    assert.deepEqual(hours(lead.phases.pickup), [2, 1, 1, 1]);
    assert.deepEqual(hours(lead.phases.review), [2, 2, 2, 2]);
    assert.deepEqual(hours(lead.phases.deploy), [4, 8, 10, 10]);
  });

  it('leaves out PRs merged before the first observed deployment and says so; counts the unlinked', () => {
    assert.deepEqual(lead.leftOut, { beforeFirstDeployment: 1, beforeCommitCutoff: 0 });
    assert.deepEqual(lead.coverage, { linked: 4, total: 5, share: 0.8 });
    assert.deepEqual(
      lead.unlinked.map((u) => u.number),
      [15],
    );
  });

  it('shows the outliers with their chain PR → merge sha → deployment → previous deployment', () => {
    assert.deepEqual(lead.outliers.map(describeLeadTimeChain), [
      'acme/api#11 → matched by message → acme/api#2 (mc12) → previous acme/api#1 (m0)',
      'acme/api#13 → merge r2 (GitHub compare mc12...r3 filled a push not seen) → acme/api#4 (r3) → previous acme/api#2 (mc12)',
    ]);
  });

  it('leaves out PRs whose first commit is older than the cutoff', () => {
    const cut = measureDora(buildDeliveryWeek(), { commitCutoff: at(10) }, WEEK).leadTime;
    // #11 (h2) and #12 (h5) start before h10; #15 (opened h40) is unlinked but not older.
    assert.deepEqual(cut.leftOut, { beforeFirstDeployment: 1, beforeCommitCutoff: 2 });
    assert.deepEqual(
      cut.items.map((item) => item.number),
      [13, 14],
    );
  });

  it('reports a break in the push chain that no compare result fills, and links nothing across it', () => {
    const input = buildDeliveryWeek();
    input.compares = [];
    const gapped = measureDora(input, {}, WEEK);
    assert.deepEqual(gapped.basis.gaps, [{ repo: API, base: 'mc12', head: 'r3' }]);
    assert.deepEqual(
      gapped.leadTime.unlinked.map((u) => u.number),
      [13, 14, 15],
    );
    assert.deepEqual(gapped.leadTime.coverage, { linked: 2, total: 5, share: 0.4 });
  });

  it('says which links a compare result made, and which came from pushes', () => {
    const filled = { base: 'mc12', head: 'r3', status: 'ahead', truncated: false };
    assert.deepEqual(
      answer.basis.links.map((l) => [l.number, l.filledBy]),
      [
        [10, undefined],
        [11, undefined],
        [12, undefined],
        [13, filled],
        [14, filled],
      ],
    );
  });

  it('ships nothing past a compare whose head is behind the previous deployment', () => {
    const input = buildDeliveryWeek();
    input.compares = [{ repo: API, base: 'mc12', head: 'r3', status: 'behind', commits: [] }];
    const behind = measureDora(input, {}, WEEK);
    assert.deepEqual(behind.basis.gaps, []);
    assert.deepEqual(
      behind.basis.deploymentCommits.find((dc) => dc.deploymentKey === 'acme/api#4')?.shas,
      new Set(),
    );
    assert.deepEqual(
      behind.leadTime.unlinked.map((u) => u.number),
      [13, 14, 15],
    );
  });

  it('reads PR numbers from squash and merge titles, not from reverts', () => {
    assert.deepEqual(pullNumbersIn('Add thing (#11)'), [11]);
    assert.deepEqual(pullNumbersIn('Bump deps (#3) (#42)'), [3, 42]);
    assert.deepEqual(pullNumbersIn('Merge pull request #12 from acme/feature-b'), [12]);
    assert.deepEqual(pullNumbersIn('Revert "Add thing (#11)"'), []);
    assert.deepEqual(pullNumbersIn('Fix #7 properly'), []);
  });

  it('counts only head-branch pushes after the previous PR from a reused branch merged', () => {
    const first = pull(API, 1, { opened: 1, merged: 5 }, { headRef: 'fix' });
    const second = pull(API, 2, { opened: 20, merged: 30 }, { headRef: 'fix' });
    const pushes = [
      push(API, 'fix', '0', 'x1', 2, [commit('x1', 'first fix', 1)]),
      push(API, 'fix', 'x1', 'x2', 21, [commit('x2', 'second fix', 19)]),
      push(API, 'fix', 'x2', 'x3', 40, [commit('x3', 'after merge', 39)]),
    ];
    assert.deepEqual(findPullStart(second, [first, second], pushes), {
      start: at(19),
      source: 'head-pushes',
    });
    assert.deepEqual(findPullStart(first, [first, second], pushes), { start: at(1), source: 'head-pushes' });
  });

  it('never ties a PR to a deployment made before it merged', () => {
    const input = {
      deployments: [deployment(API, 1, 'a', [['success', 1]]), deployment(API, 2, 'b', [['success', 10]])],
      pushes: [
        push(API, 'main', '0', 'a', 0, [commit('a', 'Base', 0)]),
        push(API, 'main', 'a', 'b', 9, [commit('b', 'Later (#5)', 9)]),
      ],
      // #5's number also appears in D2's commit, but it merged after D2.
      pullRequests: [pull(API, 5, { opened: 2, merged: 12 }, { mergeCommitSha: 'zzz' })],
      incidents: [],
    };
    const result = measureDora(input, {}, WEEK);
    assert.deepEqual(result.basis.links, []);
    assert.deepEqual(result.leadTime.coverage, { linked: 0, total: 1, share: 0 });
  });
});
