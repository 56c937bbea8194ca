import assert from 'node:assert/strict';
import { FLOW_WHY_ACTION } from '../../handlers/flow/flow-view.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { seedFlowFacts } from '../support/flow-fixture.ts';
import { readPngSize } from '../support/png.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buttonClick, postInteraction, slackUser } from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
const NOW = new Date('2026-12-03T10:00:00Z');
const ANA = 'U0ANA';
const BO = 'U0BO';

type Message = {
  response_type?: string;
  text?: string;
  blocks?: { type: string; accessory?: { action_id: string; value: string } }[];
};

describe('Slack: /flow, its Why? buttons, /em flow me and /em privacy (real database)', function () {
  this.timeout(60_000);
  let slack: FakeSlack;
  let server: TestServer;
  let sequence = 0;

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-e2e-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        FLOW_AGE_MODE: 'calendar',
        STANDUP_RETENTION_DAYS: '120',
      },
      { now: () => NOW },
    );
    await seedFlowFacts(server.models, slack.team.id, NOW, {
      ana: { tool: 'slack', handle: ANA },
      bo: { tool: 'slack', handle: BO },
    });
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  async function command(text: string, userId = ANA, slash = '/em'): Promise<Message> {
    const id = `flow-${(sequence += 1)}`;
    const body = slashCommandBody({
      text,
      responseUrl: slack.responseUrl(id),
      teamId: slack.team.id,
      userId,
      command: slash,
    });
    const response = await postToSlack(server.url, body, SIGNING_SECRET);
    assert.equal(response.status, 200);
    return (await slack.waitForResponse(id)) as Message;
  }

  async function why(message: Message, figure: string, userId = ANA): Promise<Message> {
    const button = message.blocks?.find(
      (block) => block.accessory?.action_id === `${FLOW_WHY_ACTION}:${figure}`,
    )?.accessory;
    assert.ok(button, `no Why? button on ${figure}`);
    const id = `why-${(sequence += 1)}`;
    const response = await postInteraction(
      server.url,
      SIGNING_SECRET,
      buttonClick({
        teamId: slack.team.id,
        user: slackUser(userId),
        actionId: button.action_id,
        value: button.value,
        label: 'Why?',
        in: { channel: 'C0CHANNEL', messageTs: '1.1', ephemeral: true },
        responseUrl: slack.responseUrl(id),
      }),
    );
    assert.equal(response.status, 200);
    return (await slack.waitForResponse(id)) as Message;
  }

  it('answers /flow privately with team figures, a trend line and a Why? on each, naming nobody', async () => {
    const reply = await command('', ANA, '/flow');
    assert.equal(reply.response_type, 'ephemeral');
    const text = JSON.stringify(reply.blocks);
    assert.match(text, /Flow: everyone/);
    assert.match(text, /\*Review turnaround\*: 1 h/);
    assert.match(text, /\*PR size\*: 40 lines/);
    assert.match(text, /\*Work in progress\*: 3/);
    assert.match(text, /\*Throughput\*: 2/);
    assert.equal(
      reply.blocks?.filter((block) => block.accessory?.action_id.startsWith(FLOW_WHY_ACTION)).length,
      11,
    );
    assert.doesNotMatch(text, /\bana\b|\bbo\b|acc-/, 'a team answer names no one');

    // The aging-WIP scatter follows in the asker's DM (the answer is ephemeral), through files.uploadV2.
    await slack.http.waitFor((request) => request.path === '/api/files.completeUploadExternal', 20_000);
    const [upload] = slack.uploads();
    assert.equal(upload!.filename, 'aging-wip.png');
    assert.equal(upload!.channel, 'D0ANA');
    assert.equal(upload!.title, 'Aging work in progress');
    assert.match(upload!.initialComment!, /^Chart for Flow: everyone, /);
    assert.deepEqual(readPngSize(upload!.bytes), { width: 1200, height: 720 });
    assert.equal(upload!.bytes.length, upload!.length);
    // Two merged PRs are too few for percentile lines; the three items in progress, oldest first.
    assert.equal(
      upload!.altText,
      'Aging work in progress, 3 items by age: EM-7 4.0 days, acme/web#13 48.0 h, acme/web#14 24.0 h; ' +
        'too few finished items for percentile lines',
    );
  });

  it('keeps the /flow answer when the chart cannot be uploaded (no files:write), and says so', async () => {
    slack.missingScopes.add('files:write');
    try {
      const before = slack.uploads().length;
      const reply = await command('', ANA, '/flow');
      assert.match(JSON.stringify(reply.blocks), /Flow: everyone/);
      await slack.http.waitFor((request) => request.body.includes('charts could not be sent'), 20_000);
      assert.equal(slack.uploads().length, before);
      assert.ok(server.logs.some((line) => line.msg === 'charts not delivered'));
    } finally {
      slack.missingScopes.delete('files:write');
    }
  });

  it("answers a figure's Why? with the PRs behind it and no reviewer's name", async () => {
    const reply = await why(await command('flow acme/api 7d'), 'turnaround');
    assert.equal(reply.response_type, 'ephemeral');
    const text = JSON.stringify(reply.blocks);
    assert.match(text, /Why: Review turnaround 1 h/);
    assert.match(text, /acme\/api#11: 2 h/);
    assert.match(text, /acme\/api#12: 1 h/);
    assert.doesNotMatch(text, /\bana\b|\bbo\b/);
  });

  it('shows each person only their own WIP and turnaround, and its Why? is theirs alone', async () => {
    const ana = await command('flow me');
    const anaText = JSON.stringify(ana.blocks);
    assert.equal(ana.response_type, 'ephemeral');
    assert.match(anaText, /Your flow/);
    assert.match(anaText, /\*Your work in progress\*: 1/);
    assert.match(anaText, /\*Your review turnaround\*: 1 h/);
    const anaWip = JSON.stringify((await why(ana, 'wip')).blocks);
    assert.match(anaWip, /acme\/web#13/);
    assert.doesNotMatch(anaWip, /acme\/web#14|EM-7/, "bo's work is not in ana's answer");

    const bo = await command('flow me', BO);
    const boText = JSON.stringify(bo.blocks);
    assert.match(boText, /\*Your work in progress\*: 2/);
    assert.match(boText, /\*Your review turnaround\*: 2 h/);
    const boWip = JSON.stringify((await why(bo, 'wip', BO)).blocks);
    assert.match(boWip, /acme\/web#14/);
    assert.match(boWip, /EM-7/);
    assert.doesNotMatch(boWip, /acme\/web#13/, "ana's work is not in bo's answer");
    // A Why? button clicked by someone else answers with their own figures, never the button's owner's.
    const clickedByBo = JSON.stringify((await why(ana, 'wip', BO)).blocks);
    assert.doesNotMatch(clickedByBo, /acme\/web#13/);
  });

  it('says what a bad range, an unknown figure or an unknown repository should be', async () => {
    assert.match(
      JSON.stringify((await command('flow 900d')).blocks),
      /last 900 days is longer than 366 days/,
    );
    assert.match(JSON.stringify((await command('flow 2026-13-01..2026-12-01')).blocks), /needs two dates/);
    assert.match(
      JSON.stringify((await command('flow why speed')).blocks),
      /I don't know the figure \\"speed\\"/,
    );
    assert.match(
      JSON.stringify((await command('flow nowhere/repo')).blocks),
      /I don't know the repository nowhere\/repo/,
    );
  });

  it('answers /em privacy with what is stored, the retention in force and who sees what', async () => {
    // It needs no facts, so it comes back in the ack itself.
    const body = slashCommandBody({
      text: 'privacy',
      responseUrl: slack.responseUrl('privacy'),
      teamId: slack.team.id,
      userId: ANA,
    });
    const reply = (await (await postToSlack(server.url, body, SIGNING_SECRET)).json()) as Message;
    assert.equal(reply.response_type, 'ephemeral');
    const text = JSON.stringify(reply.blocks);
    assert.match(text, /What em-agent stores, and who sees it/);
    assert.match(text, /Standup answers: 120 days/);
    assert.match(text, /Raw webhook deliveries: 30 days/);
    assert.match(text, /nobody is ranked/);
  });

  it("takes the tenant's age mode set in chat over FLOW_AGE_MODE, and its default again once unset", async () => {
    assert.match(JSON.stringify((await command('', ANA, '/flow')).blocks), /calendar time/);
    const shown = JSON.stringify(await command('metrics settings'));
    assert.match(shown, /flow-age-mode: calendar \(default, FLOW_AGE_MODE\)/);
    const saved = JSON.stringify(await command('metrics set flow-age-mode working'));
    assert.match(saved, /Saved: flow-age-mode/);
    assert.match(saved, /\/flow and the flow API use it from their next answer/);
    assert.match(JSON.stringify((await command('', ANA, '/flow')).blocks), /working hours/);
    await command('metrics unset flow-age-mode');
    assert.match(JSON.stringify((await command('', ANA, '/flow')).blocks), /calendar time/);
  });
});
