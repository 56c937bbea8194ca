import assert from 'node:assert/strict';
import { COMMANDS } from '../../handlers/run-command.ts';
import type { CommandDefinition } from '../../handlers/catalog.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { slackSignatureHeaders, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-e2e-test-token';

const slowCommand: CommandDefinition = {
  name: 'slow',
  argsHint: '',
  description: 'Takes longer than Slack waits for an acknowledgement.',
  async run() {
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    return {
      visibility: 'private',
      view: { kind: 'notice', tone: 'info', title: 'Done', body: 'Slow work finished.' },
    };
  },
};

function slackEnv(slack: FakeSlack): Record<string, string> {
  return { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl };
}

async function postSlash(
  server: TestServer,
  body: string,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(`${server.url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

function blockTexts(message: Record<string, unknown>): string {
  return JSON.stringify(message.blocks);
}

describe('Slack: start-up against a rate-limited Web API', () => {
  let slack: FakeSlack;
  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
  });
  after(() => slack.http.stop());

  it('waits out a 429 with Retry-After on auth.test and starts', async () => {
    slack.rateLimitNext('auth.test', 1);
    const started = Date.now();
    const server = await startTestServer(import.meta.url, slackEnv(slack));
    try {
      assert.ok(Date.now() - started >= 1_000, 'the client honoured Retry-After');
      assert.ok(slack.calls('auth.test').length >= 2, 'auth.test was retried');
      assert.ok(slack.calls('auth.test').every((call) => call.token === BOT_TOKEN));
    } finally {
      await server.close();
    }
  });
});

describe('Slack: /em end to end', () => {
  let slack: FakeSlack;
  let server: TestServer;

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    server = await startTestServer(import.meta.url, slackEnv(slack), {
      commands: [...COMMANDS, slowCommand],
    });
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  it('registers the workspace of the bot token as a tenant at start-up', async () => {
    const tenant = await server.models.Tenant.findOne({ tenantId: slack.team.id }).lean();
    assert.equal(tenant?.source, 'slack');
  });

  it('answers `/em help` privately in the ack itself, with every command', async () => {
    const body = slashCommandBody({
      text: 'help',
      responseUrl: slack.responseUrl('help-1'),
      teamId: slack.team.id,
    });
    const response = await postSlash(server, body, slackSignatureHeaders(body, SIGNING_SECRET));
    assert.equal(response.status, 200);
    const reply = (await response.json()) as Record<string, unknown>;
    assert.equal(slack.responses('help-1').length, 0, 'nothing posted to the response URL');
    assert.equal(reply.response_type, 'ephemeral');
    for (const command of COMMANDS)
      assert.ok(blockTexts(reply).includes(`/em ${command.name}`), command.name);
    assert.match(String(reply.text), /em-agent commands/);
  });

  it('treats a bare `/em` as help', async () => {
    const body = slashCommandBody({
      text: '',
      responseUrl: slack.responseUrl('bare'),
      teamId: slack.team.id,
    });
    const response = await postSlash(server, body, slackSignatureHeaders(body, SIGNING_SECRET));
    const reply = (await response.json()) as Record<string, unknown>;
    assert.match(blockTexts(reply), /em-agent commands/);
  });

  it('answers an unknown subcommand in the ack with a friendly hint, not an error', async () => {
    const body = slashCommandBody({
      text: 'hlep me',
      responseUrl: slack.responseUrl('typo'),
      teamId: slack.team.id,
    });
    const response = await postSlash(server, body, slackSignatureHeaders(body, SIGNING_SECRET));
    assert.equal(response.status, 200);
    const reply = (await response.json()) as Record<string, unknown>;
    assert.equal(reply.response_type, 'ephemeral');
    assert.match(blockTexts(reply), /I don't know \\"hlep\\" yet/);
    assert.match(blockTexts(reply), /Did you mean \/em help\?/);
    assert.doesNotMatch(blockTexts(reply), /Error|stack/i);
  });

  it('in a workspace not seen yet, acks at once, records it and answers help through the response URL', async () => {
    const teamId = 'T0NEWTEAM';
    const body = slashCommandBody({ text: 'help', responseUrl: slack.responseUrl('new-team'), teamId });
    const response = await postSlash(server, body, slackSignatureHeaders(body, SIGNING_SECRET));
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '', 'an empty ack');
    const reply = await slack.waitForResponse('new-team');
    assert.equal(reply.response_type, 'ephemeral');
    assert.match(blockTexts(reply), /em-agent commands/);
    const tenant = await server.models.Tenant.findOne({ tenantId: teamId }).lean();
    assert.equal(tenant?.source, 'slack');
  });

  it('acknowledges within Slack’s 3 seconds while slow work continues after the ack', async () => {
    const body = slashCommandBody({
      text: 'slow',
      responseUrl: slack.responseUrl('slow'),
      teamId: slack.team.id,
    });
    const sent = Date.now();
    const response = await postSlash(server, body, slackSignatureHeaders(body, SIGNING_SECRET));
    const acked = Date.now();
    assert.equal(response.status, 200);
    assert.ok(acked - sent < 1_000, `ack took ${acked - sent} ms`);
    assert.equal(slack.responses('slow').length, 0, 'no reply yet at ack time');
    const reply = await slack.waitForResponse('slow', 10_000);
    assert.match(blockTexts(reply), /Slow work finished/);
  });

  describe('refuses requests Slack did not sign', () => {
    const forgedTeam = 'T0FORGED';
    const cases: [string, (body: string) => Record<string, string>][] = [
      ['unsigned', () => ({})],
      ['signed with another secret', (body) => slackSignatureHeaders(body, 'not-the-secret')],
      [
        'replayed after the 5-minute window',
        (body) => slackSignatureHeaders(body, SIGNING_SECRET, Math.floor(Date.now() / 1000) - 6 * 60),
      ],
      [
        'signature over a different body',
        (body) => slackSignatureHeaders(body.replace('help', 'hack'), SIGNING_SECRET),
      ],
    ];
    for (const [name, headersFor] of cases) {
      it(`answers 401 to a request ${name}, storing and posting nothing`, async () => {
        const id = `forged-${name.replace(/\W+/g, '-')}`;
        const body = slashCommandBody({
          text: 'help',
          responseUrl: slack.responseUrl(id),
          teamId: forgedTeam,
        });
        const response = await postSlash(server, body, headersFor(body));
        assert.equal(response.status, 401);
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(slack.responses(id).length, 0);
        assert.equal(await server.models.Tenant.countDocuments({ tenantId: forgedTeam }), 0);
      });
    }
  });

  it('refuses a body over 1 MiB with a clear 413', async () => {
    const body = slashCommandBody({
      text: 'x'.repeat(1_100_000),
      responseUrl: slack.responseUrl('big'),
      teamId: slack.team.id,
    });
    const response = await postSlash(server, body, slackSignatureHeaders(body, SIGNING_SECRET));
    assert.equal(response.status, 413);
    const error = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(error.error.code, 'payload_too_large');
    assert.match(error.error.message, /1 MiB/);
    assert.equal(slack.responses('big').length, 0);
  });

  it('refuses a signed but malformed JSON body with 400', async () => {
    const body = '{"type": "event_callback", ';
    const response = await fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...slackSignatureHeaders(body, SIGNING_SECRET) },
      body,
    });
    assert.equal(response.status, 400);
  });

  it('counts Slack commands in /metrics and never logs secrets or what people typed', async () => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(metrics, /em_chat_events_total\{surface="slack",kind="command"\} [4-9]/);
    const logged = JSON.stringify(server.logs);
    assert.ok(!logged.includes(SIGNING_SECRET), 'signing secret logged');
    assert.ok(!logged.includes(BOT_TOKEN), 'bot token logged');
    assert.ok(!logged.includes('hlep me'), 'message text logged');
  });
});
