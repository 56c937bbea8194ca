import { Types } from 'mongoose';
import { isDuplicateKey } from '../db/duplicate-key.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { NormalizeQueue } from '../ingest/normalize-queue.ts';
import type { StoredEvent } from '../ingest/normalize-pending.ts';
import type { Models } from '../models/index.ts';
import { describeGithubDelivery } from '../sources/github/describe-delivery.ts';
import { describeJiraDelivery } from '../sources/jira/describe-delivery.ts';
import { describePagerDutyDelivery } from '../sources/pagerduty/describe-delivery.ts';
import type { DescribedDelivery } from '../sources/types.ts';
import {
  DAY,
  dayOf,
  firstActivityDay,
  isWorkingDay,
  planDemoDay,
  startOfDay,
  type PlannedDelivery,
} from './plan-demo-day.ts';

/** However long the demo sat unused, only the last this many days are caught up, so a run stays small. */
export const DEMO_ACTIVITY_MAX_DAYS = 30;

export interface DemoActivityDeps {
  models: Pick<Models, 'Tenant' | 'EventRaw' | 'EventPending'>;
  queue: NormalizeQueue;
}

export interface DemoActivitySummary {
  /** The working days whose deliveries were looked at. */
  days: string[];
  /** Deliveries stored now (the rest were stored by an earlier run, or have not happened yet). */
  stored: number;
}

/** The headers a provider sends with a delivery, so the intake's own parsers describe it. */
function headersOf(delivery: PlannedDelivery): Record<string, string> {
  if (delivery.source === 'github')
    return { 'x-github-event': delivery.eventType, 'x-github-delivery': delivery.deliveryId };
  if (delivery.source === 'jira') return { 'x-atlassian-webhook-identifier': delivery.deliveryId };
  return {};
}

function describe(
  delivery: PlannedDelivery,
  headers: Record<string, string>,
  body: string,
): DescribedDelivery {
  if (delivery.source === 'github') return describeGithubDelivery(headers, delivery.payload);
  if (delivery.source === 'jira') return describeJiraDelivery(headers, delivery.payload, Buffer.from(body));
  return describePagerDutyDelivery(delivery.payload);
}

/**
 * Stores one delivery as the webhook intake does (bot/webhooks/webhook-routes.ts), past the signature check a
 * delivery made here needs none of: described by the provider's parser, the queue entry first, then the raw
 * event, a duplicate dropped by the unique delivery id; then normalized like any other. False for a duplicate.
 */
async function storeDelivery(
  deps: DemoActivityDeps,
  tenantId: string,
  delivery: PlannedDelivery,
): Promise<boolean> {
  const headers = {
    ...headersOf(delivery),
    'user-agent': 'em-agent-demo',
    'content-type': 'application/json',
  };
  const body = JSON.stringify(delivery.payload);
  const described = describe(delivery, headers, body);
  if (described.kind !== 'event')
    throw new Error(`demo delivery ${delivery.deliveryId} is ${described.kind}`);
  const stored: StoredEvent = {
    _id: new Types.ObjectId(),
    source: delivery.source,
    deliveryId: described.delivery.deliveryId,
    eventType: described.delivery.eventType,
    body,
  };
  // Received when it happened, as a live webhook would have been.
  const receivedAt = new Date(delivery.at);
  const pending = tenantCollection(deps.models.EventPending);
  await pending.insertOne({ _id: stored._id, tenantId, receivedAt, attempts: 0 });
  try {
    await tenantCollection(deps.models.EventRaw).insertOne({
      ...stored,
      tenantId,
      ...(described.delivery.action ? { action: described.delivery.action } : {}),
      headers,
      verification: { verified: true, method: 'demo-activity' },
      receivedAt,
    });
  } catch (error) {
    await pending.deleteById(tenantId, stored._id);
    if (isDuplicateKey(error)) return false;
    throw error;
  }
  deps.queue.kick(tenantId, stored);
  return true;
}

/**
 * Keeps the demo team current: delivers every working day's activity (plan-demo-day.ts) that has happened by
 * `now`, from the day after the last complete one (at most DEMO_ACTIVITY_MAX_DAYS back, never before the loaded
 * dataset ends), and waits until it is normalized. Weekends stay quiet. Idempotent: deliveries keep their ids,
 * so a second run, or one after a crash, stores only what is missing. Nothing happens before the dataset loads.
 */
export async function addDemoActivity(
  deps: DemoActivityDeps,
  tenantId: string,
  now = new Date(),
): Promise<DemoActivitySummary | undefined> {
  const tenant = await deps.models.Tenant.findOne(
    { tenantId },
    { demoDataset: 1, demoTimeOffsetMs: 1, demoActivityThrough: 1 },
  ).lean();
  if (!tenant?.demoDataset || tenant.demoTimeOffsetMs === undefined) return undefined;
  const context = { tenantId, offsetMs: tenant.demoTimeOffsetMs };
  const after = tenant.demoActivityThrough ? Date.parse(`${tenant.demoActivityThrough}T00:00:00Z`) + DAY : 0;
  const first = Math.max(
    firstActivityDay(context.offsetMs),
    startOfDay(now.getTime()) - (DEMO_ACTIVITY_MAX_DAYS - 1) * DAY,
    after,
  );
  const summary: DemoActivitySummary = { days: [], stored: 0 };
  let through = tenant.demoActivityThrough;
  let complete = true;
  for (let day = first; day <= now.getTime(); day += DAY) {
    const plan = planDemoDay(dayOf(day), context);
    if (isWorkingDay(day)) summary.days.push(dayOf(day));
    for (const delivery of plan.filter((planned) => planned.at <= now.getTime()).sort((a, b) => a.at - b.at))
      if (await storeDelivery(deps, tenantId, delivery)) summary.stored += 1;
    // A day is done once everything it planned (reviews and merges run into the next days) has happened.
    complete &&= plan.every((planned) => planned.at <= now.getTime());
    if (complete) through = dayOf(day);
  }
  await deps.queue.idle();
  if (through !== tenant.demoActivityThrough)
    await deps.models.Tenant.updateOne({ tenantId }, { $set: { demoActivityThrough: through } });
  return summary;
}
