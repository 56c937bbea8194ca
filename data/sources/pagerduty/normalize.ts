import { defined, toDate, versionOf, type FactWrite } from '../fact-write.ts';
import { namesInText } from './incident-names.ts';

/* Pure: a PagerDuty v3 webhook event (or an incident from the REST API, from backfill) to fact writes. */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- provider JSON

const STATUS_RANK: Record<string, number> = { triggered: 0, acknowledged: 1, resolved: 2 };

/**
 * `at` is when the change happened (the event's occurred_at). Acknowledged and resolved times are first-seen
 * ($min): a resolved event that arrives before the acknowledgement still leaves both times and the status right.
 */
export function incidentWrites(incident: Json, at: Date | undefined, eventType?: string): FactWrite[] {
  const status: string = incident.status;
  const service: Json | undefined = incident.service;
  const acknowledged = eventType === 'incident.acknowledged' || (!eventType && status === 'acknowledged');
  const resolved = eventType === 'incident.resolved' || (!eventType && status === 'resolved');
  // Read from the title (and the REST incident's description, in backfill) as it stands at this change.
  const names = namesInText(incident.title, incident.description);
  return [
    {
      kind: 'incident',
      key: { incidentId: incident.id },
      once: defined({
        number: incident.number,
        serviceId: service?.id,
        serviceName: service?.summary,
        url: incident.html_url,
      }),
      earliest: {
        triggeredAt: toDate(incident.created_at),
        acknowledgedAt: acknowledged ? at : undefined,
        resolvedAt: resolved ? (toDate(incident.resolved_at) ?? at) : undefined,
      },
      snapshot: {
        version: versionOf(at, STATUS_RANK[status] ?? 0),
        fields: defined({
          title: incident.title,
          status,
          urgency: incident.urgency,
          priority: incident.priority?.summary ?? undefined,
          assignees: Array.isArray(incident.assignees)
            ? incident.assignees.map((assignee: Json) => assignee.summary ?? assignee.assignee?.summary)
            : undefined,
          names: names.length > 0 ? names : undefined,
        }),
      },
    },
    ...(service?.id ? [serviceWrite(service)] : []),
  ];
}

/** A service as an incident references it, or as the services API lists it (where summary is its name too). */
export function serviceWrite(service: Json): FactWrite {
  return {
    kind: 'service',
    key: { serviceId: service.id },
    once: defined({ name: service.summary ?? service.name, url: service.html_url }),
  };
}

export function pagerDutyAgentWrites(agent: Json | null | undefined): FactWrite[] {
  if ((agent?.type !== 'user_reference' && agent?.type !== 'user') || !agent.id) return [];
  return [
    {
      kind: 'identity',
      key: { tool: 'pagerduty', handle: agent.id },
      onInsert: { personId: `pagerduty:${agent.id}` },
      once: defined({ displayName: agent.summary }),
      // A full user object (REST API, backfill) has the login email PagerDuty confirmed; a webhook's
      // user_reference does not, so webhooks alone never link PagerDuty users by email.
      ...(typeof agent.email === 'string'
        ? { snapshot: { version: 0, fields: { verifiedEmail: agent.email.toLowerCase() } } }
        : {}),
    },
  ];
}

type ChangedStatus = 'triggered' | 'acknowledged' | 'resolved';

/** The v3 events that change an incident's status, and the status each leaves it in. */
const STATUS_OF_EVENT: Record<string, ChangedStatus> = {
  'incident.triggered': 'triggered',
  'incident.acknowledged': 'acknowledged',
  // Unacknowledged (the ack timed out) and reopened (after a resolution) both leave it triggered again.
  'incident.unacknowledged': 'triggered',
  'incident.resolved': 'resolved',
  'incident.reopened': 'triggered',
};

/**
 * One status change, keyed by what reported it (a webhook event id, a log entry id), so every change is kept:
 * a reopened incident's second resolution too, which the incident fact's first-seen `resolvedAt` loses.
 */
export function statusChangeWrite(
  incidentId: string,
  changeId: string,
  status: ChangedStatus,
  at: Date | undefined,
): FactWrite {
  return { kind: 'incidentStatusChange', key: { incidentId, changeId }, once: defined({ status, at }) };
}

export function normalizePagerDutyEvent(eventType: string, payload: Json): FactWrite[] {
  const event: Json = payload.event;
  if (!eventType.startsWith('incident.')) return [];
  const at = toDate(event.occurred_at);
  const status = STATUS_OF_EVENT[eventType];
  return [
    ...incidentWrites(event.data, at, eventType),
    ...(status ? [statusChangeWrite(String(event.data.id), String(event.id), status, at)] : []),
    ...pagerDutyAgentWrites(event.agent),
  ];
}
