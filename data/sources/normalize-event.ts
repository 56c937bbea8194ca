import type { FactWrite } from './fact-write.ts';
import { normalizeGithubEvent } from './github/normalize.ts';
import { normalizeJiraEvent } from './jira/normalize.ts';
import { normalizePagerDutyEvent } from './pagerduty/normalize.ts';
import type { SourceName } from './types.ts';

/** Pure dispatch from a stored event to the writes it implies. */
export function normalizeEvent(
  source: SourceName,
  eventType: string,
  payload: Record<string, unknown>,
): FactWrite[] {
  if (source === 'github') return normalizeGithubEvent(eventType, payload);
  if (source === 'jira') return normalizeJiraEvent(eventType, payload);
  return normalizePagerDutyEvent(eventType, payload);
}
