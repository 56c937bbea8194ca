import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { defineModels, ensureIndexes } from '../../data/models/index.ts';
import { DELIVERY_LEASE_MS } from '../../data/standup/mongo-standup-deliveries.ts';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import type { Standup, StandupSettings } from '../../handlers/standup/types.ts';
import { STANDUP_TICK_JOB } from '../../jobs/standup-tick.ts';
import { DELIVERY_EVENT_TYPE } from '../../bot/slack/slack-poster.ts';
import { FakeSlack, type FakeSlackOptions, type SlackPost } from '../fakes/slack-api.ts';
import { openTestDatabase, testDatabaseUri } from '../support/database.ts';
import { restartTestServer, startTestServer, type TestServer } from '../support/server.ts';
import { eventually } from '../support/standup-tick.ts';

/**
 * Issue 11: every member gets exactly one prompt a day, and the channel one report, with three processes on one
 * database (each its own Agenda worker), and after a process killed (SIGKILL) in the middle of a fan-out.
 */

/** A Wednesday, at the standup's prompt time (members without a calendar work Mon–Fri 09–17 UTC). */
const PROMPT_AT = new Date('2026-12-02T09:30:00.000Z');
const DATE = '2026-12-02';
const AFTER_DEADLINE = new Date('2026-12-02T11:01:00.000Z');
const REPORT_CHANNEL = 'C0STANDUP';
const MEMBERS = 45;
const SIGNING_SECRET = 'e2e-exactly-once-signing-secret-0123456789';

const memberIds = Array.from({ length: MEMBERS }, (_, index) => `U0M${String(index).padStart(3, '0')}`);
const dmOf = (user: string) => user.replace(/^U/, 'D');

function settings(): StandupSettings {
  const members = memberIds.map((handle) => ({ tool: 'slack' as const, handle }));
  return {
    name: 'Platform daily',
    surface: 'slack',
    reportChannel: REPORT_CHANNEL,
    owner: members[0]!,
    members,
    memberSource: { kind: 'people' },
    questions: [
      { id: 'q1', text: 'What did you do?', kind: 'text' },
      { id: 'q2', text: 'Anything blocking you?', kind: 'text', blockers: true },
    ],
    days: [1, 2, 3, 4, 5],
    promptTime: '09:30',
    deadlineTime: '11:00',
    reminderMinutes: null,
  };
}

function newSlack(options: FakeSlackOptions = {}): FakeSlack {
  const slack = new FakeSlack(options);
  // Small and private: the default policy lets the report post there without asking.
  slack.channelInfo.set(REPORT_CHANNEL, { name: 'platform-standup', is_private: true, num_members: 5 });
  return slack;
}

const slackEnv = (slack: FakeSlack) => ({
  SLACK_BOT_TOKEN: 'xoxb-exactly-once-test',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: slack.apiUrl,
});

const isPrompt = (post: SlackPost) =>
  post.metadata?.event_type === DELIVERY_EVENT_TYPE &&
  /\|prompt\|/.test(String(post.metadata.event_payload?.key));

/** Prompt DMs (by their delivery key) each member got, by user id; every member appears, 0 when none. */
function promptsPerMember(slack: FakeSlack): Map<string, number> {
  const counts = new Map(memberIds.map((user) => [user, 0]));
  for (const post of slack.posts().filter(isPrompt)) {
    const user = post.channel.replace(/^D/, 'U');
    counts.set(user, (counts.get(user) ?? 0) + 1);
  }
  return counts;
}

/**
 * Each member has exactly one prompt, and no DM is anything else: the report's request to post in its channel
 * runs under the tenant policy without asking, so nobody is told "Done" for it.
 */
function assertExactlyOnePromptEach(slack: FakeSlack) {
  const wrong = [...promptsPerMember(slack)].filter(([, count]) => count !== 1);
  assert.deepEqual(wrong, [], 'members without exactly one prompt (user, prompts)');
  const others = slack.posts().filter((post) => post.channel.startsWith('D') && !isPrompt(post));
  assert.deepEqual(others, [], 'DMs other than prompts');
}

const successfulTicks = async (server: TestServer) =>
  (await server.metrics.jobRuns.get()).values.find(
    (value) => value.labels.job === STANDUP_TICK_JOB && value.labels.outcome === 'success',
  )?.value ?? 0;

/**
 * Starts a one-off standup tick on each server at once (each `agenda.now` is a job of its own, run by
 * whichever worker locks it) and waits until every one of them has finished. Returns the runs each server did.
 */
async function tickAll(servers: readonly TestServer[]): Promise<number[]> {
  const before = await Promise.all(servers.map(successfulTicks));
  const jobs = await Promise.all(servers.map((server) => server.scheduler.agenda.now(STANDUP_TICK_JOB)));
  const ids = jobs.map((job) => String(job.attrs._id));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = await servers[0]!.scheduler.agenda.queryJobs({ ids });
    const finished = found.jobs.filter((job) => job.lastFinishedAt && !job.lockedAt);
    if (finished.length === ids.length) break;
    assert.ok(Date.now() < deadline, 'the standup ticks did not all finish');
    await sleep(100);
  }
  const after = await Promise.all(servers.map(successfulTicks));
  return after.map((count, index) => count - before[index]!);
}

describe('Standups: exactly one prompt per member per day, one report (issue 11)', function () {
  this.timeout(180_000);

  describe('three processes on one database, each with its own Agenda worker', () => {
    let slack: FakeSlack;
    const servers: TestServer[] = [];
    let clock = PROMPT_AT;

    before(async () => {
      // Slack's pace (20 a second here) makes the fan-out last over two seconds: the three runs overlap.
      slack = newSlack({ postLimits: { workspacePerSecond: 20 } });
      await slack.http.start();
      const options = { now: () => clock, scheduler: { processEvery: '1 second' } };
      servers.push(await startTestServer(import.meta.url, slackEnv(slack), options));
      await createStandupStore(servers[0]!.models.Standup, servers[0]!.models.StandupAnswer).create(
        slack.team.id,
        settings(),
        PROMPT_AT,
      );
      servers.push(await restartTestServer(import.meta.url, slackEnv(slack), options));
      servers.push(await restartTestServer(import.meta.url, slackEnv(slack), options));
    });
    after(async () => {
      await Promise.all(servers.map((server) => server.close()));
      await slack.http.stop();
    });

    it('prompts every member once when all three tick at the same instant', async () => {
      const runs = await tickAll(servers);
      // Ticks ran, and at least two processes ran them at once (each worker holds one tick at a time, and a
      // fan-out at Slack's pace outlasts a poll); on a loaded machine one worker may take two in turn.
      // At least the three asked for: the minute's scheduled tick may run beside them.
      const total = runs.reduce((sum, count) => sum + count, 0);
      assert.ok(total >= 3, `three ticks ran (${runs.join(', ')})`);
      assert.ok(
        runs.filter((count) => count >= 1).length >= 2,
        `at least two processes ran a tick (${runs.join(', ')})`,
      );
      // A paced send can land just after its tick is marked finished (seen on FerretDB/SQLite in the full suite).
      await eventually(
        () => [...promptsPerMember(slack).values()].every((count) => count >= 1),
        'every member prompted',
      );
      assertExactlyOnePromptEach(slack);
      // Another round at the same instant, everyone claimed already: nothing more.
      await tickAll(servers);
      assertExactlyOnePromptEach(slack);
      assert.equal(slack.posts().filter((post) => post.channel === REPORT_CHANNEL).length, 0);
    });

    it('posts the report once when the deadline has passed and all three tick again', async () => {
      clock = AFTER_DEADLINE;
      await tickAll(servers);
      await tickAll(servers);
      const reports = slack.posts().filter((post) => post.channel === REPORT_CHANNEL);
      assert.equal(reports.length, 1, 'one report message in the channel');
      assert.equal(reports[0]!.threadTs, undefined);
      assertExactlyOnePromptEach(slack);
    });
  });

  describe('a process killed in the middle of a fan-out', () => {
    let slack: FakeSlack;
    let server: TestServer | undefined;

    before(async () => {
      // Slow Slack: 10 messages a second for the workspace (the bot paces itself at 50: it is told 429s).
      slack = newSlack({ postLimits: { workspacePerSecond: 10 } });
      await slack.http.start();
    });
    after(async () => {
      await server?.close();
      await slack.http.stop();
    });

    it('after SIGKILL and a restart past the lease, every member still has exactly one prompt', async () => {
      const connection = await openTestDatabase(import.meta.url, '_crash');
      const models = defineModels(connection);
      await ensureIndexes(models);
      await createStandupStore(models.Standup, models.StandupAnswer).create(
        slack.team.id,
        settings(),
        PROMPT_AT,
      );
      // Each answer held back after the message is in, so that the kill finds messages Slack accepted whose
      // sender never learned so.
      slack.postAnswerDelayMs = 1_500;
      const child = spawn(process.execPath, [path.resolve('test/support/standup-server-process.ts')], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          MONGODB_URI: testDatabaseUri(import.meta.url, '_crash'),
          PORT: '0',
          LOG_LEVEL: 'info',
          TEST_NOW: PROMPT_AT.toISOString(),
          ...(process.env.TEST_CHROMA_URL ? { CHROMA_URL: process.env.TEST_CHROMA_URL } : {}),
          ...slackEnv(slack),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const stderr: string[] = [];
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );
      try {
        const deadline = Date.now() + 60_000;
        while (slack.posts().length < 12) {
          assert.ok(Date.now() < deadline, `the process sent no prompts; stderr: ${stderr.join('')}`);
          await sleep(20);
        }
        child.kill('SIGKILL');
        assert.equal(await exited, 'SIGKILL');
      } finally {
        child.kill('SIGKILL');
      }
      const sentBeforeKill = slack.posts().length;
      assert.ok(sentBeforeKill < MEMBERS, `the kill came mid-fan-out (${sentBeforeKill} of ${MEMBERS} sent)`);

      // What the kill left: claims never finished, some of them for DMs Slack did accept.
      const claims = await models.StandupDelivery.find({ tenantId: slack.team.id }).lean();
      const unfinished = claims.filter((claim) => !claim.finishedAt);
      const delivered = new Set(slack.posts().map((post) => post.channel));
      const landedUnrecorded = unfinished.filter((claim) =>
        delivered.has(dmOf(claim.key.split(':').at(-1)!)),
      );
      assert.ok(landedUnrecorded.length > 0, 'the kill left DMs Slack accepted but nobody recorded');
      await connection.close();

      slack.postAnswerDelayMs = 0;
      const restartAt = new Date(PROMPT_AT.getTime() + DELIVERY_LEASE_MS + 60_000);
      const restarted = await restartTestServer(
        import.meta.url,
        { ...slackEnv(slack), MONGODB_URI: testDatabaseUri(import.meta.url, '_crash') },
        { now: () => restartAt, scheduler: { processEvery: '1 second' } },
      );
      server = restarted;
      await tickAll([restarted]);
      assertExactlyOnePromptEach(slack);
      // The takeovers of the landed ones looked in the DM and recorded what they found there.
      assert.ok(slack.calls('conversations.history').length >= landedUnrecorded.length);
      for (const claim of landedUnrecorded) {
        const records = await restarted.models.StandupDelivery.find({
          tenantId: slack.team.id,
          key: claim.key,
        }).lean();
        const finished = records.find((record) => record.finishedAt);
        const user = claim.key.split(':').at(-1)!;
        const post = slack.posts().find((candidate) => candidate.channel === dmOf(user));
        assert.deepEqual(finished?.ref, { surface: 'slack', channel: dmOf(user), ts: post!.ts });
      }
    });
  });

  describe('the history check on a takeover', () => {
    let slack: FakeSlack;
    let server: TestServer;
    let standup: Standup;
    let clock = PROMPT_AT;

    before(async () => {
      slack = newSlack();
      await slack.http.start();
      server = await startTestServer(import.meta.url, slackEnv(slack), {
        now: () => clock,
        scheduler: { processEvery: '1 second' },
      });
    });
    after(async () => {
      await server.close();
      await slack.http.stop();
    });

    it('records a DM Slack accepted before its sender died instead of sending it again', async () => {
      const { models } = server;
      // Two members whose prompt claim a dead process left unfinished: Slack has the first one's DM (with its
      // key), the second one's send never reached Slack.
      standup = await createStandupStore(models.Standup, models.StandupAnswer).create(
        slack.team.id,
        { ...settings(), members: settings().members.slice(0, 2) },
        PROMPT_AT,
      );
      const [landed, lost] = standup.members.map(
        (member) => `${standup.id}|${DATE}|prompt|slack:${member.handle}`,
      );
      for (const key of [landed!, lost!]) {
        await models.StandupDelivery.create({
          _id: `${slack.team.id}|${key}~1`,
          tenantId: slack.team.id,
          key,
          scope: `${standup.id}|${DATE}`,
          attempt: 1,
          claimedAt: PROMPT_AT,
        });
      }
      const accepted = await fetch(`${slack.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-exactly-once-test' },
        body: JSON.stringify({
          channel: memberIds[0],
          text: 'Platform daily: your standup',
          metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key: landed } },
        }),
      });
      const { ts } = (await accepted.json()) as { ts: string };
      // Someone else's message in the same DM, with another key: not the one looked for.
      await fetch(`${slack.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-exactly-once-test' },
        body: JSON.stringify({
          channel: memberIds[0],
          text: 'yesterday',
          metadata: {
            event_type: DELIVERY_EVENT_TYPE,
            event_payload: { key: `${standup.id}|2026-12-01|prompt|x` },
          },
        }),
      });

      clock = new Date(PROMPT_AT.getTime() + DELIVERY_LEASE_MS + 1_000);
      await tickAll([server]);

      const counts = slack.postCounts();
      assert.equal(counts.get(dmOf(memberIds[0]!)), 2, 'no second prompt for the DM that had landed');
      assert.equal(counts.get(dmOf(memberIds[1]!)), 1, 'the lost one is sent by the takeover');
      const record = await models.StandupDelivery.findOne({
        tenantId: slack.team.id,
        key: landed,
        attempt: 2,
      }).lean();
      assert.deepEqual(record?.ref, { surface: 'slack', channel: dmOf(memberIds[0]!), ts });
      assert.ok(record?.finishedAt);
      const looked = slack.calls('conversations.history');
      assert.equal(looked.length, 2, 'both takeovers looked in their DM first');
      assert.equal(looked[0]!.args.include_all_metadata, 'true');
    });
  });
});
