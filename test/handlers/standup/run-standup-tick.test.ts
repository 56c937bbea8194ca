import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { readConfig } from '../../../bot/config.ts';
import { createStandupFlow } from '../../../bot/create-standup-flow.ts';
import { createCalendarSource } from '../../../data/availability/create-calendar-source.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { createStandupStore } from '../../../data/standup/mongo-standup-store.ts';
import type { ApprovalServices } from '../../../handlers/approvals/types.ts';
import type { ChatPoster, Delivery } from '../../../handlers/delivery/types.ts';
import { buildPromptView } from '../../../handlers/standup/build-prompt.ts';
import { runStandupTick } from '../../../handlers/standup/run-standup-tick.ts';
import { DEFAULT_CALENDAR, type StandupDeps } from '../../../handlers/standup/standup-deps.ts';
import type { ChatAccount, Standup, StandupPromptView } from '../../../handlers/standup/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0TICK';
const DATE = '2026-12-02';
const NOW = new Date(`${DATE}T09:30:00Z`);
/** More than the first batch (100), so the fan-out goes in several batches. */
const MEMBERS = 130;
const member = (index: number): ChatAccount => ({
  tool: 'slack',
  handle: `U${String(index).padStart(4, '0')}`,
});

/** Records every direct message; `fail` makes the poster throw (our own failure) for those handles. */
function recordingPoster(fail = new Set<string>()) {
  const sent: { account: ChatAccount; view: StandupPromptView }[] = [];
  const poster: ChatPoster = {
    async sendDirect(_tenantId, account, view) {
      if (fail.has(account.handle)) throw new Error('database went away');
      sent.push({ account, view: view as StandupPromptView });
      return { ok: true, ref: { surface: 'slack', channel: `D${account.handle}`, ts: String(sent.length) } };
    },
    post: async (): Promise<Delivery> => ({ ok: false, error: 'not_used' }),
    update: async (): Promise<Delivery> => ({ ok: false, error: 'not_used' }),
  };
  return { sent, poster };
}

describe('runStandupTick: the prompt fan-out (real database)', function () {
  this.timeout(60_000);
  let connection: Connection;
  let models: Models;
  let standup: Standup;

  // Few sends at once: three ticks of 32 would open nearly 100 connections to a PostgreSQL others share.
  const depsWith = (poster: ChatPoster): StandupDeps => ({
    concurrency: 4,
    ...createStandupFlow({
      config: readConfig({}),
      models,
      store: createStandupStore(models.Standup, models.StandupAnswer),
      calendars: createCalendarSource(models, () => undefined),
      poster,
      // Only the report's channel gate reads approvals, and no report is due at the prompt instant.
      approvals: {} as ApprovalServices,
      log: pino({ level: 'silent' }),
      now: () => NOW,
    }).deps,
  });

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
  });
  after(async () => connection.close());
  beforeEach(async () => {
    await models.Standup.deleteMany({ tenantId: TENANT });
    await models.StandupDelivery.deleteMany({ tenantId: TENANT });
    await models.Person.deleteMany({ tenantId: TENANT });
    await models.PullRequest.deleteMany({ tenantId: TENANT });
    await models.StandupDay.deleteMany({ tenantId: TENANT });
    const members = Array.from({ length: MEMBERS }, (_, index) => member(index));
    await models.Person.insertMany(
      members.flatMap(({ handle }, index) => [
        { _id: `${TENANT}|slack|${handle}`, tenantId: TENANT, tool: 'slack', handle, personId: `p${index}` },
        {
          _id: `${TENANT}|github|dev${index}`,
          tenantId: TENANT,
          tool: 'github',
          handle: `dev${index}`,
          personId: `p${index}`,
        },
      ]),
    );
    await models.PullRequest.insertMany(
      members.map((_, index) => ({
        _id: `${TENANT}|acme/api|${index}`,
        tenantId: TENANT,
        repo: 'acme/api',
        number: index,
        author: `dev${index}`,
        title: `Work of ${index}`,
        state: 'merged',
        openedAt: new Date(NOW.getTime() - 30 * 3_600_000),
        mergedAt: new Date(NOW.getTime() - 20 * 3_600_000),
      })),
    );
    standup = await createStandupStore(models.Standup, models.StandupAnswer).create(
      TENANT,
      {
        name: 'Tick',
        surface: 'slack',
        reportChannel: 'C0REPORT',
        owner: member(0),
        members,
        memberSource: { kind: 'people' },
        questions: [
          { id: 'q1', text: 'Done?', kind: 'text' },
          { id: 'q2', text: 'Today?', kind: 'text' },
        ],
        days: [1, 2, 3, 4, 5],
        promptTime: '09:30',
        deadlineTime: '11:00',
        reminderMinutes: null,
      },
      NOW,
    );
  });

  it('prompts every member once across ticks running at once, each with the draft they get alone', async () => {
    const { sent, poster } = recordingPoster();
    const deps = depsWith(poster);
    const results = await Promise.all([1, 2, 3].map(() => runStandupTick(deps, standup, NOW)));
    assert.equal(
      results.reduce((sum, result) => sum + result.prompted, 0),
      MEMBERS,
    );
    assert.equal(new Set(sent.map(({ account }) => account.handle)).size, MEMBERS);
    assert.equal(sent.length, MEMBERS);
    for (const index of [0, 99, 100, MEMBERS - 1]) {
      const got = sent.find(({ account }) => account.handle === member(index).handle)!.view;
      assert.deepEqual(got, await buildPromptView(deps, standup, member(index), DEFAULT_CALENDAR, DATE, NOW));
      assert.match(got.prefill.q1 ?? '', new RegExp(`Merged acme/api#${index} Work of ${index}`));
    }
    const day = await models.StandupDay.findOne({
      tenantId: TENANT,
      standupId: standup.id,
      date: DATE,
    }).lean();
    assert.equal(day?.prompted, MEMBERS);
    // A later tick finds everything sent.
    assert.equal((await runStandupTick(deps, standup, NOW)).prompted, 0);
  });

  it('gives prompts back when sending fails on our side, for a later tick to send, none twice', async () => {
    const failing = recordingPoster(new Set([member(7).handle]));
    await assert.rejects(runStandupTick(depsWith(failing.poster), standup, NOW), /database went away/);
    // The failed one's batch is sent but for it; the next batch, claimed meanwhile, is given back too.
    assert.equal(failing.sent.length, 99);
    const retry = recordingPoster();
    assert.equal((await runStandupTick(depsWith(retry.poster), standup, NOW)).prompted, MEMBERS - 99);
    const handles = [...failing.sent, ...retry.sent].map(({ account }) => account.handle);
    assert.equal(handles.length, MEMBERS);
    assert.equal(new Set(handles).size, MEMBERS);
    assert.ok(retry.sent.some(({ account }) => account.handle === member(7).handle));
  });
});
