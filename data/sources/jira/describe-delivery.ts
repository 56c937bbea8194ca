import { createHash } from 'node:crypto';
import { firstMissingPath, type DescribedDelivery } from '../types.ts';

const ISSUE_FIELDS = ['issue.id', 'issue.key', 'issue.fields'];
const SPRINT_FIELDS = ['sprint.id', 'sprint.name'];

export const JIRA_REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'jira:issue_created': ISSUE_FIELDS,
  'jira:issue_updated': ISSUE_FIELDS,
  'jira:issue_deleted': ISSUE_FIELDS,
  sprint_created: SPRINT_FIELDS,
  sprint_updated: SPRINT_FIELDS,
  sprint_started: SPRINT_FIELDS,
  sprint_closed: SPRINT_FIELDS,
  sprint_deleted: SPRINT_FIELDS,
};

/**
 * Jira Cloud names each delivery in `X-Atlassian-Webhook-Identifier` (the same on retries). Senders without it
 * (Jira Server, Automation) get a digest of the body instead, so an identical resend is still stored once.
 */
export function describeJiraDelivery(
  headers: Record<string, string | undefined>,
  body: Record<string, unknown>,
  rawBody: Buffer,
): DescribedDelivery {
  const deliveryId =
    headers['x-atlassian-webhook-identifier'] ??
    `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
  const eventType = body.webhookEvent;
  if (typeof eventType !== 'string' || eventType === '') {
    return { kind: 'invalid', deliveryId, message: 'payload lacks webhookEvent' };
  }
  const required = JIRA_REQUIRED_FIELDS[eventType];
  if (!required) return { kind: 'ignored', deliveryId, eventType };
  const missing = firstMissingPath(body, required);
  if (missing) return { kind: 'invalid', deliveryId, message: `${eventType} payload lacks ${missing}` };
  const action = typeof body.issue_event_type_name === 'string' ? body.issue_event_type_name : undefined;
  return { kind: 'event', delivery: { deliveryId, eventType, action } };
}
