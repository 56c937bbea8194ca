import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { addDemoActivity } from '../../../data/demo/add-demo-activity.ts';
import { DEMO_PEOPLE } from '../../../data/demo/demo-team.ts';
import { DEMO_DATASET_VERSION } from '../../../data/demo/load-demo.ts';
import { planDemoDay } from '../../../data/demo/plan-demo-day.ts';
import { createNormalizeQueue } from '../../../data/ingest/normalize-queue.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { createTeamFacts } from '../../../data/team/mongo-team-facts.ts';
import { buildTeamView } from '../../../handlers/team/show-team.ts';
import { openTestDatabase } from '../../support/database.ts';
import { snapshotFacts } from '../../support/fact-snapshot.ts';

const TENANT = 'demo';
const DAY = 86_400_000;
/** Loaded on Friday 2026-11-20 (offset 0): the dataset ends that day at 17:00 UTC. */
const OFFSET_MS = 0;
const at = (text: string) => new Date(text);
const dayOfWeek = (date: Date) => date.getUTCDay();

describe('demo activity: the canned team keeps working (data/demo/add-demo-activity.ts)', function () {
  this.timeout(60_000);
  let connection: Connection;
  let models: Models;
  let deps: Parameters<typeof addDemoActivity>[0];

  const liveEvents = () =>
    models.EventRaw.find(
      { tenantId: TENANT, deliveryId: /^demo-live-/ },
      { deliveryId: 1, receivedAt: 1 },
    ).lean();

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    const queue = createNormalizeQueue({
      EventRaw: models.EventRaw,
      EventPending: models.EventPending,
      facts: factModelsOf(models),
      log: pino({ level: 'silent' }),
    });
    deps = { models, queue };
  });
  after(() => connection.close());

  it('does nothing before the demo dataset is loaded', async () => {
    await models.Tenant.ensure(TENANT, 'demo');
    assert.equal(await addDemoActivity(deps, TENANT, at('2026-11-25T12:00:00Z')), undefined);
    assert.equal((await liveEvents()).length, 0);
  });

  it('plans each day the same way every time, with ids from tenant, date and position', () => {
    const context = { tenantId: TENANT, offsetMs: OFFSET_MS };
    const plan = planDemoDay('2026-11-24', context);
    assert.deepEqual(planDemoDay('2026-11-24', context), plan);
    assert.equal(plan[0]?.deliveryId, 'demo-live-demo-2026-11-24-000');
    assert.notDeepEqual(planDemoDay('2026-11-25', context), plan);
    assert.deepEqual(planDemoDay('2026-11-28', context), [], 'Saturday is quiet');
  });

  it('adds the working days after the dataset up to now, through the intake path, and twice adds them once', async () => {
    await models.Tenant.updateOne(
      { tenantId: TENANT },
      { $set: { demoDataset: DEMO_DATASET_VERSION, demoTimeOffsetMs: OFFSET_MS } },
    );
    const now = at('2026-11-25T12:00:00Z'); // Wednesday
    const first = await addDemoActivity(deps, TENANT, now);
    assert.deepEqual(
      first?.days,
      ['2026-11-23', '2026-11-24', '2026-11-25'],
      'the weekend after Friday is skipped',
    );
    assert.ok(first!.stored > 10, `${first?.stored} deliveries stored`);
    const events = await liveEvents();
    assert.equal(events.length, first!.stored);
    assert.ok(
      events.every((event) => event.receivedAt <= now),
      'nothing that has not happened yet',
    );
    assert.equal(await models.EventPending.countDocuments({ tenantId: TENANT }), 0, 'all normalized');
    const facts = await snapshotFacts(models, TENANT);
    assert.ok(facts.pullRequest!.length > 3 && facts.deployment!.length > 0 && facts.ciRun!.length > 0);
    assert.ok(facts.commit!.length > 0 && facts.review!.length > 0 && facts.issueTransition!.length > 0);

    const second = await addDemoActivity(deps, TENANT, now);
    assert.equal(second?.stored, 0);
    assert.equal((await liveEvents()).length, events.length);
    assert.deepEqual(await snapshotFacts(models, TENANT), facts);
  });

  it('uses only the demo team: its people, its three repositories, its services', async () => {
    const accounts = await models.Person.find({ tenantId: TENANT }, { tool: 1, handle: 1 }).lean();
    const known = new Set<string>(DEMO_PEOPLE.flatMap((person) => [person.login, person.jira, person.pd]));
    assert.deepEqual(
      accounts.filter((account) => !known.has(account.handle)),
      [],
    );
    const repos = await models.Repository.distinct('repo', { tenantId: TENANT });
    assert.deepEqual(repos.sort(), ['acme/checkout-web', 'acme/mobile-app', 'acme/payments-api']);
  });

  it('after a gap of several days fills the working days only, and the team view is current', async () => {
    const now = at('2026-12-01T11:00:00Z'); // Tuesday, five days later
    const run = await addDemoActivity(deps, TENANT, now);
    assert.ok(run && run.stored > 10);
    assert.ok(!run.days.includes('2026-11-28') && !run.days.includes('2026-11-29'));
    assert.ok(
      ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01'].every((day) => run.days.includes(day)),
    );
    const events = await liveEvents();
    const days = new Set(events.map((event) => event.deliveryId.slice(-14, -4)));
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'])
      assert.ok(days.has(day), `activity on ${day}`);
    assert.ok(!days.has('2026-11-28') && !days.has('2026-11-29'), 'a quiet weekend');
    assert.ok(
      events.every((event) => ![0, 6].includes(dayOfWeek(event.receivedAt))),
      'nothing happens on a Saturday or Sunday',
    );
    const tenant = await models.Tenant.findOne({ tenantId: TENANT }).lean();
    assert.ok(
      tenant!.demoActivityThrough! >= '2026-11-26',
      `complete through ${tenant?.demoActivityThrough}`,
    );

    const snapshot = await createTeamFacts(models).snapshot(TENANT, new Date(now.getTime() - 42 * DAY));
    const yesterday = (date: Date | undefined) => date?.toISOString().startsWith('2026-11-30');
    assert.ok(snapshot.mergedAt.some(yesterday), "yesterday's merges");
    assert.ok(
      snapshot.deployments.some((deployment) => yesterday(deployment.createdAt)),
      "yesterday's deploys",
    );
    assert.ok(
      snapshot.openPullRequests.some((pr) => pr.openedAt && pr.openedAt.getTime() > now.getTime() - 2 * DAY),
      'pull requests opened in the last two days are open',
    );
    const view = buildTeamView(snapshot, now, 'teams');
    assert.equal(view.counts.repositories, 3);
    assert.ok(view.counts.mergedThisWeek > 3, `${view.counts.mergedThisWeek} merged this week`);
    assert.equal(view.sprint?.name, 'ENG Sprint 23', 'the sprint rolled over on Monday 23 November');
    assert.match(view.sprint!.progress, /days left/);
    assert.match(
      view.sprint!.blocked[0]?.title ?? '',
      /^ENG-533 .*\(blocked by the SDK upgrade\)/,
      'stalled work',
    );
    const closed = await models.Sprint.findOne({ tenantId: TENANT, name: 'ENG Sprint 22' }).lean();
    assert.equal(closed?.state, 'closed');
  });

  it('catches up at most the last 30 days after a long absence', async () => {
    const now = at('2027-02-10T12:00:00Z');
    const run = await addDemoActivity(deps, TENANT, now);
    assert.equal(run?.days[0], '2027-01-12');
    assert.equal(run?.days.at(-1), '2027-02-10');
  });
});
