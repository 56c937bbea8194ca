import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDuplicateKey } from '../db/duplicate-key.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import { applyFactWrites } from '../ingest/apply-fact-writes.ts';
import type { NormalizeDeps } from '../ingest/normalize-pending.ts';
import type { Models } from '../models/index.ts';
import { normalizeEvent } from '../sources/normalize-event.ts';
import { createIdentityDirectory } from '../identity/mongo-identity-directory.ts';
import { addDemoPullFiles } from './demo-pull-files.ts';
import { DEMO_PEOPLE, DEMO_RECORDED_AT } from './demo-team.ts';
import type { DemoDelivery } from './generate-demo.ts';
import { demoOffsetMs, shiftDemoTime } from './shift-demo-time.ts';

/** Bump when events.json changes, so existing demo databases load the new deliveries once. */
export const DEMO_DATASET_VERSION = 'acme-2026-11-v1';
const BATCH = 100;
/** The demo team's approval policy, in force in demo mode unless POLICY_FILE names another. */
export const DEMO_POLICY_FILE = path.join(import.meta.dirname, 'demo-policy.yaml');

export interface DemoSummary {
  repositories: number;
  pullRequests: number;
  openPullRequests: number;
  deployments: number;
  failedDeployments: number;
  ciRuns: number;
  issues: number;
  sprints: number;
  incidents: number;
  people: number;
}

export async function summarizeTenant(models: Models, tenantId: string): Promise<DemoSummary> {
  const count = (model: { countDocuments(filter: object): PromiseLike<number> }, filter: object = {}) =>
    model.countDocuments({ tenantId, ...filter });
  return {
    repositories: await count(models.Repository),
    pullRequests: await count(models.PullRequest),
    openPullRequests: await count(models.PullRequest, { state: 'open' }),
    deployments: await count(models.Deployment),
    failedDeployments: await count(models.Deployment, { latestState: 'failure' }),
    ciRuns: await count(models.CiRun),
    issues: await count(models.JiraIssue),
    sprints: await count(models.Sprint),
    incidents: await count(models.Incident),
    people: (await models.Person.distinct('personId', { tenantId })).length,
  };
}

/**
 * Loads the canned team (data/demo/events.json) into a tenant the way real deliveries arrive: the same
 * normalizers and fact writes as webhooks, and each delivery kept in events_raw under its delivery id. Facts are
 * written first and the raw events stored with nothing left to normalize (no queue entry: one insert each);
 * a crash half-way leaves the version unrecorded, and the next start re-applies everything, which changes
 * nothing already written and stores only the missing deliveries. Done once per dataset version.
 * Times are moved forward to the day of the first load (the same offset on a reload), so the team looks current.
 */
export async function loadDemoDataset(
  models: Models,
  deps: NormalizeDeps,
  tenantId: string,
  now = new Date(),
): Promise<{ loaded: number } | undefined> {
  const tenant = await models.Tenant.findOne({ tenantId }, { demoDataset: 1, demoTimeOffsetMs: 1 }).lean();
  if (tenant?.demoDataset === DEMO_DATASET_VERSION) {
    // Cheap and idempotent, so a demo database from before a person gained an account gets it too.
    await linkDemoPeople(models, tenantId);
    return undefined;
  }
  const offsetMs = tenant?.demoTimeOffsetMs ?? demoOffsetMs(DEMO_RECORDED_AT, now);
  await models.Tenant.updateOne({ tenantId }, { $set: { demoTimeOffsetMs: offsetMs } });
  const file = path.join(import.meta.dirname, 'events.json');
  const deliveries = (JSON.parse(await readFile(file, 'utf8')) as DemoDelivery[]).map((delivery) => ({
    ...delivery,
    payload: shiftDemoTime(delivery.payload, offsetMs),
  }));
  const events = tenantCollection(models.EventRaw);
  let loaded = 0;
  for (let start = 0; start < deliveries.length; start += BATCH) {
    const batch = deliveries.slice(start, start + BATCH);
    const writes = batch.flatMap((delivery) =>
      normalizeEvent(delivery.source, delivery.eventType, delivery.payload),
    );
    await applyFactWrites(deps.facts, tenantId, writes);
    const now = new Date();
    for (const delivery of batch) {
      try {
        await events.insertOne({
          tenantId,
          source: delivery.source,
          deliveryId: delivery.deliveryId,
          eventType: delivery.eventType,
          headers: { 'user-agent': 'em-agent-demo' },
          body: JSON.stringify(delivery.payload),
          verification: { verified: true, method: 'demo-dataset' },
          receivedAt: now,
        });
        loaded += 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }
  await addDemoPullFiles(models, tenantId);
  await linkDemoPeople(models, tenantId);
  await models.Tenant.updateOne({ tenantId }, { $set: { demoDataset: DEMO_DATASET_VERSION } });
  return { loaded };
}

/**
 * Links each canned person's GitHub, Jira, PagerDuty and Teams accounts, as an admin would with `em-agent people
 * link`, so whoever the Agents Playground signs in sees their own work in "my" views.
 */
async function linkDemoPeople(models: Models, tenantId: string): Promise<void> {
  const identity = createIdentityDirectory(models.Person);
  for (const person of DEMO_PEOPLE) {
    const github = { tool: 'github', handle: person.login } as const;
    const teams = { tool: 'teams', handle: person.teams } as const;
    await identity.recordEmail(tenantId, teams, person.email, person.name);
    await identity.link(tenantId, github, { tool: 'jira', handle: person.jira }, 'manual');
    await identity.link(tenantId, github, { tool: 'pagerduty', handle: person.pd }, 'manual');
    await identity.link(tenantId, github, teams, 'manual');
  }
}
