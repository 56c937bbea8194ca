import { createHash } from 'node:crypto';
import { proposeAction } from '../approvals/propose-action.ts';
import type { Actor } from '../types.ts';
import { headMarkOf, viewerOf } from './show-triage-queue.ts';
import type { TriagePorts } from './triage-ports.ts';
import type { TriageItem } from './types.ts';

export const REQUEST_REVIEW_ACTION = 'pr.request_review';

/**
 * "Request review from <login>": the policy action `pr.request_review`, proposed under a key made of the PR, the
 * reviewer and the head, so a double click, a Slack retry or a second viewer returns the first proposal and
 * GitHub is asked once; a new commit makes a new request possible. Returns the note for the clicker.
 */
export async function requestReview(
  actor: Actor,
  item: TriageItem,
  reviewer: string,
  ports: TriagePorts,
): Promise<string> {
  if (!ports.approvals) return 'Actions are off here, so I cannot ask GitHub for a review.';
  const { pull } = item;
  const key = `${actor.tenantId}\n${pull.repo}#${pull.number}\n${reviewer.toLowerCase()}\n${headMarkOf(pull)}`;
  const result = await proposeAction(ports.approvals, {
    tenantId: actor.tenantId,
    action_type: REQUEST_REVIEW_ACTION,
    target_ref: `github:${pull.repo}#${pull.number}`,
    proposed_payload: { reviewers: [reviewer] },
    requester: viewerOf(actor),
    id: `triage-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`,
  });
  if (!result.ok) return `I could not ask for the review: ${result.problem}`;
  const { approval } = result;
  const what = `@${reviewer} on ${pull.repo}#${pull.number}`;
  if (approval.status === 'pending') return `Asked for approval to request a review from ${what}.`;
  if (approval.status !== 'approved') return `The review request for ${what} was ${approval.status}.`;
  switch (approval.execution.status) {
    case 'succeeded':
      return result.replayed
        ? `A review from ${what} was already requested.`
        : `Requested a review from ${what}.`;
    case 'failed':
      return `GitHub did not take the review request for ${what}: ${approval.execution.summary ?? 'no detail'}.`;
    default:
      return `The review request for ${what} is on its way.`;
  }
}
