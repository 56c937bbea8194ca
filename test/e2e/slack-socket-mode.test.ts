import assert from 'node:assert/strict';
import { FakeSlack } from '../fakes/slack-api.ts';
import { FakeSocketMode } from '../fakes/slack-socket-mode.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const APP_TOKEN = 'xapp-1-A0EMAGENT-socket-mode-test';

describe('Slack over Socket Mode (SLACK_APP_TOKEN, no public URL)', () => {
  let slack: FakeSlack;
  let socket: FakeSocketMode;
  let server: TestServer;

  before(async () => {
    slack = new FakeSlack();
    socket = new FakeSocketMode();
    await Promise.all([slack.http.start(), socket.start()]);
    slack.socketModeUrl = socket.url;
    server = await startTestServer(import.meta.url, {
      SLACK_BOT_TOKEN: 'xoxb-socket-mode-test',
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    });
  });
  after(async () => {
    await server.close();
    await socket.stop();
    await slack.http.stop();
  });

  it('opens the connection with the app-level token', () => {
    const opens = slack.calls('apps.connections.open');
    assert.equal(opens.length, 1);
    assert.equal(opens[0]?.token, APP_TOKEN);
  });

  it('answers a /em help envelope in its ack', async () => {
    const ack = await socket.sendSlashCommand({
      token: 'deprecated',
      team_id: slack.team.id,
      team_domain: slack.team.domain,
      channel_id: 'C0CHANNEL',
      channel_name: 'eng',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command: '/em',
      text: 'help',
      api_app_id: 'A0EMAGENT',
      is_enterprise_install: 'false',
      response_url: slack.responseUrl('socket-help'),
      trigger_id: '1.2.3',
    });
    assert.ok(ack.envelope_id);
    const reply = ack.payload as Record<string, unknown>;
    assert.equal(slack.responses('socket-help').length, 0, 'nothing posted to the response URL');
    assert.equal(reply.response_type, 'ephemeral');
    assert.match(JSON.stringify(reply.blocks), /\/em help/);
  });

  it('explains that /slack/events is unused in Socket Mode', async () => {
    const response = await fetch(`${server.url}/slack/events`, { method: 'POST', body: '{}' });
    assert.equal(response.status, 503);
    const body = (await response.json()) as { error: { message: string } };
    assert.match(body.error.message, /Socket Mode/);
  });
});
