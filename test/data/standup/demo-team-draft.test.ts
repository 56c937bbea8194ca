import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { JIRA_SITE } from '../../../data/demo/demo-payloads.ts';
import { DEMO_PEOPLE, DEMO_RECORDED_AT } from '../../../data/demo/demo-team.ts';
import { loadDemoDataset } from '../../../data/demo/load-demo.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { createActivitySource } from '../../../data/standup/mongo-activity-source.ts';
import type { ActivityItem, ChatAccount } from '../../../handlers/standup/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const DAY = 86_400_000;
/** The dataset unshifted: loaded "on" the day it was recorded, so its times are the ones in events.json. */
const UNTIL = new Date(DEMO_RECORDED_AT);
const SINCE = new Date(UNTIL.getTime() - 17 * DAY);
const teamsAccountOf = (login: string): ChatAccount => ({
  tool: 'teams',
  handle: DEMO_PEOPLE.find((person) => person.login === login)!.teams,
});

describe('standup drafts for the demo team (real database)', function () {
  this.timeout(120_000);
  let connection: Connection;
  let models: Models;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    const deps = {
      EventRaw: models.EventRaw,
      EventPending: models.EventPending,
      facts: factModelsOf(models),
      log: pino({ level: 'silent' }),
    };
    await loadDemoDataset(models, deps, 'demo', UNTIL);
  });

  after(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const checkLinked = (items: ActivityItem[]) => {
    for (const item of items) {
      const expected = item.kind.startsWith('issue-')
        ? `${JIRA_SITE}/browse/`
        : /^(pr|commit)/.test(item.kind)
          ? 'https://github.com/acme/'
          : 'https://acme.pagerduty.com/';
      assert.ok(item.url?.startsWith(expected), `${item.text} links to ${item.url}`);
    }
  };

  it("drafts Ben's sprint from the canned deliveries: linked, in the window, in time order, each once", async () => {
    const source = createActivitySource(models, { jiraBaseUrl: JIRA_SITE });
    const draft = await source.draftFor('demo', teamsAccountOf('bokafor'), SINCE, UNTIL);
    const kinds = new Set(draft.done.map((item) => item.kind));
    for (const kind of ['pr-merged', 'pr-reviewed', 'pr-opened', 'issue-moved', 'incident'] as const)
      assert.ok(kinds.has(kind), `a ${kind} item`);
    assert.ok(
      draft.done.some(
        (item) => item.text === 'Resolved incident #1201 payments-api 5xx above 2% after deploy',
      ),
    );
    // The squash commits of his merged PRs are those PRs, not commits of their own.
    assert.ok(!kinds.has('commit'));
    assert.equal(new Set(draft.done.map((item) => item.text)).size, draft.done.length);
    const times = draft.done.map((item) => item.at!);
    assert.deepEqual([...times].sort(), times);
    assert.ok(times.every((at) => at >= SINCE.toISOString() && at < UNTIL.toISOString()));
    checkLinked([...draft.done, ...draft.today]);
    assert.deepEqual(
      draft.today.map((item) => item.kind),
      ['pr-waiting', 'issue-in-progress'],
    );
  });

  it("lists the team's shipped work of the sprint: the newest 10, deploys included", async () => {
    const source = createActivitySource(models, { jiraBaseUrl: JIRA_SITE });
    const team = DEMO_PEOPLE.map((person) => teamsAccountOf(person.login));
    const shipped = await source.shippedBy('demo', team, SINCE, UNTIL);
    assert.equal(shipped.length, 10);
    const times = shipped.map((item) => item.at!);
    assert.deepEqual([...times].sort().reverse(), times);
    const all = await source.shippedBy('demo', team, SINCE, UNTIL, 1000);
    assert.deepEqual(all.slice(0, 10), shipped);
    assert.deepEqual(
      new Set(all.map((item) => item.kind)),
      new Set(['pr-merged', 'issue-moved', 'deployed']),
    );
  });
});
