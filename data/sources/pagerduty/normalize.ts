import { defined, toDate, versionOf, type FactWrite } from '../fact-write.ts';

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

export function normalizePagerDutyEvent(eventType: string, payload: Json): FactWrite[] {
  const event: Json = payload.event;
  if (!eventType.startsWith('incident.')) return [];
  return [
    ...incidentWrites(event.data, toDate(event.occurred_at), eventType),
    ...pagerDutyAgentWrites(event.agent),
  ];
}
