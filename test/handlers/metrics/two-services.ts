import type { MetricsConfig, MetricsInput } from '../../../handlers/metrics/types.ts';
import { at, commit, deployment, incident, pull, push } from './build-facts.ts';

const API = 'acme/api';
const WEB = 'acme/web';

/**
 * Two services, hours from Monday 00:00 UTC:
 * api: A1 h10 (#1), A2 h30 (#2), A3 h100 (a revert of #2, and #3 labelled HotFix).
 * web: W1 h20, W2 fails at h50, W3 fixes it at h53.
 * Incidents: I1 (web, h22–24) names PR acme/api#1; I2 (api, h35–37) follows A2 by 5 h; I3 (payments, mapped
 * to both repos, h54–55, reopened h56–58); I4 (api, h90–101) is 60 h after A2, but A3 reverts #2 10 h later;
 * I5 (billing, no repository, still open); I6 (web, h140–141) is 87 h after W3.
 */
export function buildTwoServices(): MetricsInput {
  return {
    deployments: [
      deployment(API, 1, 'a1', [['success', 10]]),
      deployment(API, 2, 'a2', [['success', 30]]),
      deployment(API, 3, 'a3', [['success', 100]]),
      deployment(WEB, 11, 'w1', [['success', 20]]),
      deployment(WEB, 12, 'w2', [
        ['in_progress', 49],
        ['failure', 50],
      ]),
      deployment(WEB, 13, 'w3', [['success', 53]]),
    ],
    pushes: [
      push(API, 'main', 'a0', 'a1', 9, [commit('a1', 'Feature x (#1)', 5)]),
      push(API, 'main', 'a1', 'a2', 29, [commit('a2', 'Feature y (#2)', 20)]),
      push(API, 'main', 'a2', 'a3', 99, [
        commit('rv', 'Revert "Feature y (#2)"', 98),
        commit('a3', 'Fix login (#3)', 97),
      ]),
    ],
    pullRequests: [
      pull(API, 1, { opened: 5, merged: 9 }),
      pull(API, 2, { opened: 20, merged: 29 }),
      pull(API, 3, { opened: 95, merged: 99 }, { labels: ['HotFix'] }),
    ],
    incidents: [
      incident('I1-named', 'web', 22, 24, { names: [{ repo: API, prNumber: 1 }] }),
      incident('I2-window', 'api', 35, 37),
      incident('I3-reopened', 'payments', 54, 58, {
        transitions: [
          { status: 'triggered', at: at(54) },
          { status: 'resolved', at: at(55) },
          { status: 'triggered', at: at(56) },
          { status: 'acknowledged', at: at(57) },
          { status: 'resolved', at: at(58) },
        ],
      }),
      incident('I4-reverted', 'api', 90, 101),
      incident('I5-billing', 'billing', 60),
      incident('I6-no-deployment', 'web', 140, 141),
    ],
  };
}

export const CONFIG: MetricsConfig = { serviceRepos: { payments: [API, WEB] } };
