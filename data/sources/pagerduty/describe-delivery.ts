import { firstMissingPath, type DescribedDelivery } from '../types.ts';

/** v3 incident events the normalizer understands; the rest (services, notes on other resources) are ignored. */
export const PAGERDUTY_EVENT_TYPES: ReadonlySet<string> = new Set([
  'incident.triggered',
  'incident.acknowledged',
  'incident.unacknowledged',
  'incident.resolved',
  'incident.reopened',
  'incident.reassigned',
  'incident.escalated',
  'incident.priority_updated',
]);

const REQUIRED = ['event.id', 'event.event_type', 'event.occurred_at', 'event.data.id', 'event.data.status'];

/** A v3 webhook carries one event; its `event.id` is unique and repeated on redelivery. */
export function describePagerDutyDelivery(body: Record<string, unknown>): DescribedDelivery {
  const event = (body.event ?? {}) as Record<string, unknown>;
  const deliveryId = typeof event.id === 'string' ? event.id : undefined;
  const eventType = typeof event.event_type === 'string' ? event.event_type : undefined;
  if (!eventType) return { kind: 'invalid', deliveryId, message: 'payload lacks event.event_type' };
  if (eventType === 'pagey.ping') return { kind: 'ping', deliveryId };
  if (!PAGERDUTY_EVENT_TYPES.has(eventType)) return { kind: 'ignored', deliveryId, eventType };
  const missing = firstMissingPath(body, REQUIRED);
  if (missing) return { kind: 'invalid', deliveryId, message: `${eventType} payload lacks ${missing}` };
  return { kind: 'event', delivery: { deliveryId: deliveryId!, eventType, action: eventType.split('.')[1] } };
}
