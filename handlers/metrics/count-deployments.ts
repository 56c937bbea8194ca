import { isProductionEnvironment } from './is-production.ts';
import type { CountedDeployment, FailedAttempt, MetricsConfig, MetricsDeployment } from './types.ts';
import { compareText } from './compare-text.ts';

export interface CountedDeployments {
  /** Successful production deployments, counted once, oldest first. */
  deployments: CountedDeployment[];
  /** Production deployments whose statuses reached failure/error and never success. */
  failedAttempts: FailedAttempt[];
}

const FAILED_STATES = new Set(['failure', 'error']);
export const keyOfDeployment = (repo: string, deploymentId: number) => `${repo}#${deploymentId}`;

/**
 * Each production deployment counted once, whatever order its statuses arrived in:
 * - it counts at its first `success` status; a later `failure`/`error` (a status flip) marks it failed
 *   rather than adding a deployment;
 * - a deployment of the sha the repository's previous counted deployment already deployed is a redeploy:
 *   folded into that one;
 * - a deployment of a sha deployed earlier than that is a rollback: it counts, and names the deployment it
 *   rolled back (an explicit failure signal for that one);
 * - one that never succeeded but failed is a failed attempt (it counts in the change failure rate).
 * Ties in time are broken by deployment id, so shuffled input gives the same answer.
 */
export function countDeployments(
  all: readonly MetricsDeployment[],
  config: MetricsConfig,
): CountedDeployments {
  const production = all.filter((d) => isProductionEnvironment(d.repo, d.environment, config));
  const succeeded: { deployment: MetricsDeployment; at: Date; failedAt?: Date }[] = [];
  const failedAttempts: FailedAttempt[] = [];
  for (const deployment of production) {
    const statuses = [...deployment.statuses].sort((a, b) => a.at.getTime() - b.at.getTime());
    const success = statuses.find((s) => s.state === 'success');
    if (success) {
      const flip = statuses.find((s) => FAILED_STATES.has(s.state) && s.at >= success.at);
      succeeded.push({ deployment, at: success.at, ...(flip ? { failedAt: flip.at } : {}) });
      continue;
    }
    const failure = statuses.find((s) => FAILED_STATES.has(s.state));
    if (failure) {
      failedAttempts.push({
        key: keyOfDeployment(deployment.repo, deployment.deploymentId),
        repo: deployment.repo,
        deploymentId: deployment.deploymentId,
        sha: deployment.sha,
        ...(deployment.ref ? { ref: deployment.ref } : {}),
        failedAt: failure.at,
      });
    }
  }
  succeeded.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      compareText(a.deployment.repo, b.deployment.repo) ||
      a.deployment.deploymentId - b.deployment.deploymentId,
  );
  const deployments: CountedDeployment[] = [];
  const lastByRepo = new Map<string, CountedDeployment>();
  const deployedShas = new Map<string, Set<string>>();
  for (const { deployment, at, failedAt } of succeeded) {
    const key = keyOfDeployment(deployment.repo, deployment.deploymentId);
    const previous = lastByRepo.get(deployment.repo);
    if (previous && previous.sha === deployment.sha) {
      previous.redeploys.push(key);
      if (failedAt && !previous.failedAt) previous.failedAt = failedAt;
      continue;
    }
    const shas = deployedShas.get(deployment.repo) ?? new Set<string>();
    const counted: CountedDeployment = {
      key,
      repo: deployment.repo,
      deploymentId: deployment.deploymentId,
      sha: deployment.sha,
      ...(deployment.ref ? { ref: deployment.ref } : {}),
      at,
      redeploys: [],
      ...(failedAt ? { failedAt } : {}),
      ...(previous && shas.has(deployment.sha) ? { rollbackOf: previous.key } : {}),
      ...(previous ? { previousKey: previous.key, previousSha: previous.sha } : {}),
    };
    deployments.push(counted);
    lastByRepo.set(deployment.repo, counted);
    shas.add(deployment.sha);
    deployedShas.set(deployment.repo, shas);
  }
  failedAttempts.sort((a, b) => a.failedAt.getTime() - b.failedAt.getTime() || compareText(a.key, b.key));
  return { deployments, failedAttempts };
}
