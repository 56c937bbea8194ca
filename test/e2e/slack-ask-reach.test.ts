import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { ANSWER_ACTIONS } from '../../handlers/ask/answer-actions.ts';
import { STALE_DOCS_DIGEST_JOB } from '../../jobs/stale-docs-digest.ts';
import * as staleDocsDigest from '../../jobs/stale-docs-digest.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { copyFixtureDocs } from '../support/docs-fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { answerButtonClick } from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
const DAY = 86_400_000;

interface SlackReply {
  response_type?: string;
  text?: string;
  blocks?: { type: string; elements?: { action_id?: string; value?: string }[] }[];
}

/**
 * Doc answers reaching people in Slack: "ask this person" as a direct message to the account linked to a
 * GitHub login, sharing as a question with the answer in its thread, @mentions answered in their thread, and
 * stale-docs digests sent to their owners (or the fallback channel) once per week.
 */
describe('Slack: doc answers reach people (ask a person, threads, mentions, stale-docs digests)', function () {
  this.timeout(60_000);
  let slack: FakeSlack;
  let server: TestServer;
  let folder: string;
  let sequence = 0;

  const post = (body: string, contentType = 'application/x-www-form-urlencoded') =>
    postToSlack(server.url, body, SIGNING_SECRET, contentType);

  async function command(
    text: string,
    user: { id: string; name: string },
    name = '/ask',
  ): Promise<SlackReply> {
    const id = `cmd-${(sequence += 1)}`;
    const body = slashCommandBody({
      text,
      command: name,
      responseUrl: slack.responseUrl(id),
      teamId: slack.team.id,
      userId: user.id,
      userName: user.name,
    });
    assert.equal((await post(body)).status, 200);
    return (await slack.waitForResponse(id, 15_000)) as SlackReply;
  }

  const buttonOf = (
    reply: SlackReply,
    match: (element: { action_id?: string; value?: string }) => boolean,
  ) => {
    const button = reply.blocks?.flatMap((block) => block.elements ?? []).find(match);
    assert.ok(button, 'no such button');
    return button;
  };

  /** Clicks a button as bob in #eng; resolves with the private reply, if one comes within `waitMs`. */
  async function click(
    button: { action_id?: string; value?: string },
    waitMs = 15_000,
  ): Promise<SlackReply | undefined> {
    const id = `action-${(sequence += 1)}`;
    const payload = answerButtonClick(
      slack,
      'U0BOB',
      button.action_id!,
      button.value!,
      slack.responseUrl(id),
    );
    assert.equal(
      (await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString())).status,
      200,
    );
    return (await slack.waitForResponse(id, waitMs).catch(() => undefined)) as SlackReply | undefined;
  }

  const posted = (predicate: (call: SlackCall) => boolean) =>
    slack.calls('chat.postMessage').filter(predicate);

  async function waitForPosts(predicate: (call: SlackCall) => boolean, count: number): Promise<SlackCall[]> {
    const deadline = Date.now() + 15_000;
    while (posted(predicate).length < count) {
      assert.ok(Date.now() < deadline, `expected ${count} posts`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return posted(predicate);
  }

  async function successfulRuns(job: string): Promise<number> {
    const metric = await server.metrics.jobRuns.get();
    return (
      metric.values.find((value) => value.labels.job === job && value.labels.outcome === 'success')?.value ??
      0
    );
  }

  /** Runs a job now through the scheduler and waits until that run has finished. */
  async function runJob(job: string): Promise<void> {
    const before = await successfulRuns(job);
    await server.scheduler.agenda.now(job);
    const deadline = Date.now() + 15_000;
    while ((await successfulRuns(job)) <= before) {
      assert.ok(Date.now() < deadline, `${job} did not run`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  before(async () => {
    folder = await copyFixtureDocs();
    slack = new FakeSlack();
    await slack.http.start();
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-e2e-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DOCS_DIR: folder,
        DOCS_DIGEST_CHANNEL: 'slack:C0DIGEST',
      },
      { scheduler: { jobs: [staleDocsDigest], processEvery: 100 } },
    );
    assert.equal((await server.knowledge.index(server.knowledge.tenantId())).added, 7);
    // The weekly job's first run happens at start, with nothing to report yet.
    const deadline = Date.now() + 15_000;
    while ((await successfulRuns(STALE_DOCS_DIGEST_JOB)) < 1) {
      assert.ok(Date.now() < deadline, 'the digest job did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('"Ask @alice" says privately that she is not linked, then DMs her the question once she links GitHub', async () => {
    const bob = { id: 'U0BOB', name: 'bob' };
    const reply = await command('deploy zebra unicorn quartz walrus', bob);
    assert.match(JSON.stringify(reply.blocks), /I don't know/);
    const askAlice = buttonOf(reply, (element) => /"person":"@alice"/.test(element.value ?? ''));

    const refused = await click(askAlice);
    assert.equal(refused?.response_type, 'ephemeral');
    assert.match(JSON.stringify(refused?.blocks), /could not reach @alice/);
    assert.match(JSON.stringify(refused?.blocks), /no chat account linked/);
    assert.equal(posted((call) => call.args.channel === 'U0ALICE').length, 0);

    const linked = await command('link github alice', { id: 'U0ALICE', name: 'alice' }, '/em');
    assert.match(JSON.stringify(linked.blocks), /github/i);

    const sent = await click(askAlice);
    assert.equal(sent?.response_type, 'ephemeral');
    assert.match(JSON.stringify(sent?.blocks), /Sent to @alice/);
    const [dm] = posted((call) => call.args.channel === 'U0ALICE');
    assert.ok(dm, 'alice got a direct message');
    const text = String(dm.args.blocks);
    assert.match(text, /bob has a question for you/);
    assert.match(text, /deploy zebra unicorn quartz walrus/);
    assert.match(text, /code owner of docs\/deploy\.md/);
    assert.match(text, /Closest sources/);
    assert.match(text, /docs\/deploy\.md/);
    // Nothing was posted in the channel.
    assert.equal(posted((call) => call.args.channel === 'C0CHANNEL').length, 0);

    // A second click (or a retried one) does not send it again.
    const again = await click(askAlice);
    assert.match(JSON.stringify(again?.blocks), /Sent to @alice/);
    assert.equal(posted((call) => call.args.channel === 'U0ALICE').length, 1);
  });

  it('shares an answer as the question in the channel, with the answer in its thread', async () => {
    const reply = await command('How do I roll back a billing-api deploy?', { id: 'U0BOB', name: 'bob' });
    const before = slack.calls('chat.postMessage').length;
    const response = await click(
      buttonOf(reply, (element) => element.action_id === ANSWER_ACTIONS.share),
      1_000,
    );
    assert.equal(response, undefined, 'nothing through the response URL: the bot posted itself');
    const [parent, answer] = slack.calls('chat.postMessage').slice(before);
    assert.equal(parent?.args.channel, 'C0CHANNEL');
    assert.match(String(parent?.args.text), /<@U0BOB> asked: How do I roll back a billing-api deploy\?/);
    assert.equal(parent?.args.thread_ts, undefined);
    assert.equal(answer?.args.channel, 'C0CHANNEL');
    assert.ok(answer?.args.thread_ts, 'the answer is in the thread');
    const blocks = String(answer?.args.blocks);
    assert.match(blocks, /docs\/deploy\.md#L\d+-L\d+/);
    assert.doesNotMatch(blocks, new RegExp(ANSWER_ACTIONS.share), 'no share button once shared');
    assert.match(blocks, new RegExp(ANSWER_ACTIONS.helpful));
  });

  it('shares through the response URL where the bot is not a member of the channel', async () => {
    slack.channelsWithoutBot.add('C0CHANNEL');
    try {
      const reply = await command('How do I roll back a billing-api deploy?', { id: 'U0BOB', name: 'bob' });
      const shared = await click(buttonOf(reply, (element) => element.action_id === ANSWER_ACTIONS.share));
      assert.equal(shared?.response_type, 'in_channel');
      assert.match(JSON.stringify(shared?.blocks), /docs\/deploy\.md/);
    } finally {
      slack.channelsWithoutBot.delete('C0CHANNEL');
    }
  });

  it('answers an @mention in the thread of the message that asked', async () => {
    const mention = async (ts: string, threadTs?: string) => {
      const body = JSON.stringify({
        token: 'deprecated-verification-token',
        team_id: slack.team.id,
        api_app_id: 'A0EMAGENT',
        type: 'event_callback',
        event_id: `Ev${(sequence += 1)}`,
        event_time: 1_700_000_100,
        event: {
          type: 'app_mention',
          user: 'U0BOB',
          text: `<@${slack.bot.userId}> how do I roll back a billing-api deploy?`,
          ts,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          channel: 'C0CHANNEL',
          event_ts: ts,
        },
      });
      assert.equal((await post(body, 'application/json')).status, 200);
    };
    await mention('1700000100.000200');
    const [answer] = await waitForPosts((call) => call.args.thread_ts === '1700000100.000200', 1);
    assert.equal(answer?.args.channel, 'C0CHANNEL');
    const blocks = String(answer?.args.blocks);
    assert.match(blocks, /how do I roll back a billing-api deploy\?/);
    assert.match(blocks, /docs\/deploy\.md/);
    assert.doesNotMatch(blocks, new RegExp(ANSWER_ACTIONS.share), 'already public: no share button');

    // A mention inside a thread is answered in that same thread.
    await mention('1700000200.000300', '1700000100.000200');
    await waitForPosts((call) => call.args.thread_ts === '1700000100.000200', 2);
    assert.equal(posted((call) => call.args.thread_ts === '1700000200.000300').length, 0);
  });

  it('sends stale-docs digests to linked owners by DM and the rest to the fallback channel, once per week', async () => {
    const tenantId = slack.team.id;
    const documents = await server.models.KnowledgeDocument.find({ tenantId }).lean();
    const doc = (path: string) => documents.find((document) => document.path === path)!;
    const deploy = doc('docs/deploy.md');
    const failover = doc('runbooks/database-failover.md');
    assert.deepEqual(deploy.owners, ['@alice']);
    const cite = (document: typeof deploy) => ({
      source: document.source,
      path: document.path,
      url: `file:///${document.path}#L1-L5`,
      updatedAt: new Date(Date.now() - 400 * DAY),
    });
    await server.models.AnswerRecord.create({
      _id: '00000000-0000-4000-8000-000000000001',
      tenantId,
      userId: 'U0BOB',
      mode: 'extractive',
      citations: [cite(deploy), cite(failover)],
      view: { kind: 'answer' },
      createdAt: new Date(),
    });
    // Someone found an answer citing the deploy guide unhelpful.
    await server.models.AnswerFeedback.create({
      tenantId,
      answerId: '00000000-0000-4000-8000-000000000001',
      userId: 'U0CAROL',
      helpful: false,
      sources: [{ source: deploy.source, path: deploy.path }],
      createdAt: new Date(),
    });
    const callsBefore = slack.calls('chat.postMessage').length;

    await runJob(STALE_DOCS_DIGEST_JOB);
    const digests = await server.models.StaleDocsDigest.find({ tenantId }).lean();
    const byOwner = new Map(digests.map((digest) => [digest.owner, digest]));
    // @acme/payments owns docs/local-setup.md, whose API key indexing masked: they are told where it is.
    assert.deepEqual([...byOwner.keys()].sort(), ['@acme/payments', '@acme/sre', '@alice', '@bob']);
    assert.equal(byOwner.get('@alice')?.delivery?.status, 'sent');
    assert.equal(byOwner.get('@alice')?.delivery?.to, 'slack:U0ALICE');
    assert.equal(byOwner.get('@bob')?.delivery?.status, 'fallback');
    assert.equal(byOwner.get('@acme/sre')?.delivery?.to, 'fallback:slack:C0DIGEST');
    const sent = slack.calls('chat.postMessage').slice(callsBefore);
    const toAlice = sent.filter((call) => call.args.channel === 'U0ALICE');
    assert.equal(toAlice.length, 1);
    assert.match(String(toAlice[0]!.args.blocks), /1 doc you own need a look/);
    assert.match(String(toAlice[0]!.args.blocks), /docs\/deploy\.md/);
    assert.match(String(toAlice[0]!.args.blocks), /marked not helpful 1 time/);
    const toChannel = sent.filter((call) => call.args.channel === 'C0DIGEST');
    assert.equal(toChannel.length, 3);
    assert.match(String(toChannel.map((call) => call.args.blocks)), /Stale docs owned by @bob/);
    assert.match(String(toChannel.map((call) => call.args.blocks)), /runbooks\/database-failover\.md/);
    assert.match(
      String(toChannel.map((call) => call.args.blocks)),
      /docs\/local-setup\.md.*secret-looking text on line 12/,
    );
    assert.equal(sent.length, 4);

    await runJob(STALE_DOCS_DIGEST_JOB);
    assert.equal(slack.calls('chat.postMessage').length, callsBefore + 4, 'a second run posts nothing');
  });
});
