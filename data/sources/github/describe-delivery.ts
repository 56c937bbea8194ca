import { firstMissingPath, type DescribedDelivery } from '../types.ts';

/** The event types the GitHub normalizer understands, with the fields it cannot do without. */
export const GITHUB_REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  pull_request: ['action', 'repository.full_name', 'pull_request.number', 'pull_request.created_at'],
  pull_request_review: ['action', 'repository.full_name', 'pull_request.number', 'review.id', 'review.state'],
  push: ['ref', 'repository.full_name'],
  deployment: ['repository.full_name', 'deployment.id', 'deployment.created_at'],
  deployment_status: [
    'repository.full_name',
    'deployment.id',
    'deployment_status.id',
    'deployment_status.state',
    'deployment_status.created_at',
  ],
  workflow_run: ['repository.full_name', 'workflow_run.id', 'workflow_run.created_at'],
  check_run: ['repository.full_name', 'check_run.id', 'check_run.started_at'],
  release: ['action', 'repository.full_name', 'release.id'],
};

export function describeGithubDelivery(
  headers: Record<string, string | undefined>,
  body: Record<string, unknown>,
): DescribedDelivery {
  const deliveryId = headers['x-github-delivery'];
  const eventType = headers['x-github-event'];
  if (!eventType) return { kind: 'invalid', deliveryId, message: 'missing X-GitHub-Event header' };
  if (eventType === 'ping') return { kind: 'ping', deliveryId };
  if (!deliveryId) return { kind: 'invalid', message: 'missing X-GitHub-Delivery header' };
  const required = GITHUB_REQUIRED_FIELDS[eventType];
  if (!required) return { kind: 'ignored', deliveryId, eventType };
  const missing = firstMissingPath(body, required);
  if (missing) return { kind: 'invalid', deliveryId, message: `${eventType} payload lacks ${missing}` };
  const action = typeof body.action === 'string' ? body.action : undefined;
  return { kind: 'event', delivery: { deliveryId, eventType, action } };
}
