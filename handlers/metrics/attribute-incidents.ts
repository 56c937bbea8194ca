import type { PullRequestLink } from './link-pull-requests.ts';
import type { DeploymentCommits } from './contained-commits.ts';
import { groupBy } from './group-by.ts';
import { findServiceRepos } from './service-repos.ts';
import type { CountedDeployment, MetricsConfig, MetricsIncident } from './types.ts';
import { compareText } from './compare-text.ts';

export const DEFAULT_WINDOW_MS = 24 * 3600 * 1000;

export type AttributionRule = 'names-deployment' | 'names-pull-request' | 'rollback' | 'revert' | 'window';

export type IncidentAttribution =
  | { incidentId: string; deploymentKey: string; rule: AttributionRule; repos: string[] }
  | {
      incidentId: string;
      deploymentKey?: undefined;
      /** Why it is shown apart rather than blamed on a deployment. */
      reason: 'no-linked-repository' | 'no-deployment-in-window';
      repos: string[];
    };

const REVERT_TITLE = /^Revert "/;

/**
 * Which deployment caused each incident, in this order:
 * 1. explicitly: the incident names a deployment, or a PR (its deployment); or a rollback deployment, or one
 *    shipping a `Revert "… (#123)"` commit, of a linked repository follows within the window: the rolled-back
 *    deployment, or the one that shipped PR #123;
 * 2. the most recent successful production deployment of a linked repository at or before the trigger, no
 *    older than the window (DevLake #8150, #4989: never the last deployment however long ago);
 * 3. otherwise unattributed, with the reason, counted apart.
 */
export function attributeIncidents(
  incidents: readonly MetricsIncident[],
  deployments: readonly CountedDeployment[],
  deploymentCommits: readonly DeploymentCommits[],
  links: readonly PullRequestLink[],
  config: MetricsConfig,
  knownRepos: readonly string[] = [],
): IncidentAttribution[] {
  const window = config.attributionWindowMs ?? DEFAULT_WINDOW_MS;
  // Every repository seen, so a service named like one without deployments reads "no deployment", not "no
  // repository".
  const repos = [...new Set([...knownRepos, ...deployments.map((d) => d.repo)])].sort();
  const byKey = new Map(deployments.map((d) => [d.key, d]));
  const commitsOf = new Map(deploymentCommits.map((dc) => [dc.deploymentKey, dc.commits]));
  const deploymentOfPullId = new Map(
    links.map((link) => [`${link.repo}#${link.number}`, link.deploymentKey]),
  );
  const deploymentOfPull = (repo: string, number: number) => deploymentOfPullId.get(`${repo}#${number}`);
  const deploymentsOf = groupBy(deployments, (d) => d.repo);
  return [...incidents]
    .sort((a, b) => compareText(a.incidentId, b.incidentId))
    .map((incident): IncidentAttribution => {
      const linked = findServiceRepos(incident, repos, config);
      const explicit = findNamed(incident, byKey, deploymentOfPull);
      if (explicit) return { incidentId: incident.incidentId, ...explicit, repos: linked };
      if (linked.length === 0) {
        return { incidentId: incident.incidentId, reason: 'no-linked-repository', repos: linked };
      }
      const trigger = incident.triggeredAt.getTime();
      const ofLinked = linked
        .flatMap((repo) => deploymentsOf.get(repo) ?? [])
        .sort((a, b) => a.at.getTime() - b.at.getTime() || compareText(a.key, b.key));
      const following = ofLinked.filter(
        (d) => d.at.getTime() >= trigger && d.at.getTime() - trigger <= window,
      );
      for (const fix of following) {
        if (fix.rollbackOf) {
          return {
            incidentId: incident.incidentId,
            deploymentKey: fix.rollbackOf,
            rule: 'rollback',
            repos: linked,
          };
        }
        const reverted = (commitsOf.get(fix.key) ?? [])
          .filter((commit) => REVERT_TITLE.test(commit.title))
          .flatMap((commit) => [...commit.title.matchAll(/\(#(\d+)\)/g)].map((m) => Number(m[1])))
          .map((number) => deploymentOfPull(fix.repo, number))
          .find((key) => key !== undefined);
        if (reverted) {
          return { incidentId: incident.incidentId, deploymentKey: reverted, rule: 'revert', repos: linked };
        }
      }
      const recent = ofLinked
        .filter((d) => d.at.getTime() <= trigger && trigger - d.at.getTime() <= window)
        .sort((a, b) => b.at.getTime() - a.at.getTime() || compareText(b.key, a.key))[0];
      if (recent)
        return { incidentId: incident.incidentId, deploymentKey: recent.key, rule: 'window', repos: linked };
      return { incidentId: incident.incidentId, reason: 'no-deployment-in-window', repos: linked };
    });
}

function findNamed(
  incident: MetricsIncident,
  byKey: Map<string, CountedDeployment>,
  deploymentOfPull: (repo: string, number: number) => string | undefined,
): { deploymentKey: string; rule: AttributionRule } | undefined {
  for (const name of incident.names ?? []) {
    if (name.deploymentId !== undefined) {
      const key = `${name.repo}#${name.deploymentId}`;
      // A redeploy's id names the deployment it was folded into.
      const counted = byKey.get(key) ?? [...byKey.values()].find((d) => d.redeploys.includes(key));
      if (counted) return { deploymentKey: counted.key, rule: 'names-deployment' };
    }
    if (name.prNumber !== undefined) {
      const key = deploymentOfPull(name.repo, name.prNumber);
      if (key) return { deploymentKey: key, rule: 'names-pull-request' };
    }
  }
  return undefined;
}
