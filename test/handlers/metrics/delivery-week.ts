import type { MetricsInput } from '../../../handlers/metrics/types.ts';
import { at, commit, deployment, incident, pull, push } from './build-facts.ts';

const API = 'acme/api';

/**
 * One week of acme/api, hours from Monday 00:00 UTC, every figure computed by hand in the tests:
 * - D1 (h1, m0) is the first deployment observed; PR #10 merged before it (h0.5): left out (DevLake #7193).
 * - PR #11, squash merge: head-branch commits authored h2 and h3, opened h4, reviewed h6, merged h8 as
 *   s11 `Add thing (#11)` (its merge sha not ingested: linked by the number in the title).
 * - PR #12, merge commit: commits known only from the PR commits API (h5, h7), opened h7, ready h9,
 *   reviewed h10, merged h12 as `Merge pull request #12`; its head b2 is on main, so it links by head sha.
 * - D2 (h20, mc12) ships both; D3 (h22) redeploys mc12: folded into D2.
 * - PR #13, rebase merge: head commits authored h24 and h25, opened h26, merged h30 without review; the
 *   rebased commits r1, r2 land on main, r2 as its merge sha.
 * - PR #14, fast-forward: opened h33, merged h35 with head sha r3; the push r2 → r3 was not seen, so the
 *   chain from r3 breaks, and a compare result for mc12...r3 (the previous deployment…r3) fills the gap.
 * - D4 (h40, r3) ships #13 and #14. PR #15 merged h45 is never deployed.
 * - Incident I1 on service `api` triggered h45, resolved h49; D5 (h50) rolls back to mc12: a deployment
 *   without new commits, and the explicit sign that D4 failed.
 */
export function buildDeliveryWeek(): MetricsInput {
  return {
    deployments: [
      deployment(API, 1, 'm0', [['success', 1]]),
      deployment(API, 2, 'mc12', [
        ['in_progress', 19],
        ['success', 20],
      ]),
      deployment(API, 3, 'mc12', [['success', 22]]),
      deployment(API, 4, 'r3', [['success', 40]]),
      deployment(API, 5, 'mc12', [['success', 50]]),
      deployment(API, 6, 'r3', [['success', 41]], { environment: 'staging' }),
    ],
    pushes: [
      push(API, 'main', 'm-1', 'm0', 0.5, [commit('m0', 'Seed (#10)', -100)]),
      push(API, 'feature-a', '0000', 'a2', 3.5, [commit('a1', 'Start a', 2), commit('a2', 'Finish a', 3)]),
      push(API, 'main', 'm0', 's11', 8, [commit('s11', 'Add thing (#11)', 2)]),
      push(API, 'main', 's11', 'mc12', 12, [
        commit('b1', 'Work b', 5),
        commit('b2', 'More b', 7),
        commit('mc12', 'Merge pull request #12 from acme/feature-b', 12),
      ]),
      push(API, 'feature-c', '0000', 'c2', 25, [commit('c1', 'C part 1', 24), commit('c2', 'C part 2', 25)]),
      push(API, 'main', 'mc12', 'r2', 30, [commit('r1', 'C part 1', 24), commit('r2', 'C part 2', 25)]),
    ],
    compares: [
      {
        repo: API,
        base: 'mc12',
        head: 'r3',
        commits: [
          commit('r1', 'C part 1', 24),
          commit('r2', 'C part 2', 25),
          commit('r3', 'Bump client', 34),
        ],
      },
    ],
    pullRequests: [
      pull(API, 10, { opened: -120, merged: 0.5 }, { mergeCommitSha: 'm0' }),
      pull(API, 11, { opened: 4, review: 6, merged: 8 }, { headRef: 'feature-a', headSha: 'a2' }),
      pull(
        API,
        12,
        { opened: 7, ready: 9, review: 10, merged: 12 },
        {
          headRef: 'feature-b',
          headSha: 'b2',
          commitAuthoredTimes: [at(7), at(5)],
        },
      ),
      pull(
        API,
        13,
        { opened: 26, merged: 30 },
        { headRef: 'feature-c', headSha: 'c2', mergeCommitSha: 'r2' },
      ),
      pull(API, 14, { opened: 33, merged: 35 }, { headRef: 'feature-d', headSha: 'r3' }),
      pull(
        API,
        15,
        { opened: 40, merged: 45 },
        { headRef: 'feature-e', headSha: 'e1', mergeCommitSha: 'e1' },
      ),
      pull(API, 16, { opened: 41 }, { headRef: 'feature-f' }),
    ],
    incidents: [incident('I1', 'api', 45, 49)],
  };
}
