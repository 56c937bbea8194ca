import { DEFAULT_WINDOW_MS, type IncidentAttribution } from './attribute-incidents.ts';
import type { DeploymentCommits } from './contained-commits.ts';
import { groupBy } from './group-by.ts';
import type { PullRequestLink } from './link-pull-requests.ts';
import type {
  CountedDeployment,
  MetricsConfig,
  MetricsIncident,
  MetricsPullRequest,
  TimeRange,
} from './types.ts';

export type ReworkReason = 'rollback' | 'revert' | 'hotfix' | 'after-incident';

export interface ReworkRate {
  /** rework ÷ deployments, or null without deployments. */
  rate: number | null;
  deployments: number;
  rework: number;
  items: { deploymentKey: string; reasons: ReworkReason[] }[];
}

/**
 * Deployment rework rate (DORA 2024's fifth metric): the share of the range's deployments that were unplanned
 * fixes: a rollback, one shipping a `Revert "…"` commit, one from a hotfix branch or shipping a PR with a
 * hotfix label or branch, or one of the same repository within the window after an attributed incident's
 * trigger.
 */
export function measureReworkRate(
  deployments: readonly CountedDeployment[],
  deploymentCommits: readonly DeploymentCommits[],
  links: readonly PullRequestLink[],
  pullRequests: readonly MetricsPullRequest[],
  incidents: readonly MetricsIncident[],
  attributions: readonly IncidentAttribution[],
  config: MetricsConfig,
  range: TimeRange,
): ReworkRate {
  const window = config.attributionWindowMs ?? DEFAULT_WINDOW_MS;
  const labels = (config.hotfixLabels ?? ['hotfix']).map((label) => label.toLowerCase());
  const prefixes = config.hotfixBranchPrefixes ?? ['hotfix/'];
  const isHotfixRef = (ref: string | undefined) => !!ref && prefixes.some((prefix) => ref.startsWith(prefix));
  const commitsOf = new Map(deploymentCommits.map((dc) => [dc.deploymentKey, dc.commits]));
  const pullOf = new Map(pullRequests.map((pr) => [`${pr.repo}#${pr.number}`, pr]));
  const byKey = new Map(deployments.map((d) => [d.key, d]));
  const triggeredAt = new Map(incidents.map((i) => [i.incidentId, i.triggeredAt.getTime()]));
  const incidentsByRepo = groupBy(
    attributions.flatMap((a) => {
      const cause = a.deploymentKey ? byKey.get(a.deploymentKey) : undefined;
      const at = triggeredAt.get(a.incidentId);
      return cause && at !== undefined ? [{ repo: cause.repo, at }] : [];
    }),
    (incident) => incident.repo,
  );
  const linksOf = groupBy(links, (link) => link.deploymentKey);
  const counted = deployments.filter((d) => d.at >= range.from && d.at < range.to);
  const items: ReworkRate['items'] = [];
  for (const deployment of counted) {
    const shipped = (linksOf.get(deployment.key) ?? []).flatMap(
      (link) => pullOf.get(`${link.repo}#${link.number}`) ?? [],
    );
    const at = deployment.at.getTime();
    const reasons: ReworkReason[] = [];
    if (deployment.rollbackOf) reasons.push('rollback');
    if ((commitsOf.get(deployment.key) ?? []).some((commit) => commit.title.startsWith('Revert "'))) {
      reasons.push('revert');
    }
    if (
      isHotfixRef(deployment.ref) ||
      shipped.some(
        (pr) => isHotfixRef(pr.headRef) || pr.labels.some((label) => labels.includes(label.toLowerCase())),
      )
    ) {
      reasons.push('hotfix');
    }
    if ((incidentsByRepo.get(deployment.repo) ?? []).some((i) => at > i.at && at - i.at <= window)) {
      reasons.push('after-incident');
    }
    if (reasons.length > 0) items.push({ deploymentKey: deployment.key, reasons });
  }
  return {
    rate: counted.length === 0 ? null : items.length / counted.length,
    deployments: counted.length,
    rework: items.length,
    items,
  };
}
