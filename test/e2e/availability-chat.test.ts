import assert from 'node:assert/strict';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { emulatorMessage } from '../support/emulator-message.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'availability-signing-secret-0123456789';
const TEAMS_TENANT = '2f6a3f0e-8c1b-4d7e-9a55-3b1f0c2d4e6f';

describe('tz, away and back in chat: Teams messages and Slack /em', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let slack: FakeSlack;
  let server: TestServer;

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    slack = new FakeSlack();
    // Slack's users.info, as it describes a member: their zone is in `tz`.
    slack.members.push({
      id: 'U0CARLA',
      name: 'carla',
      real_name: 'Carla Diaz',
      tz: 'America/Mexico_City',
      profile: { email: 'carla@acme.example' },
    });
    await slack.http.start();
    // Demo mode serves both surfaces (unsigned Teams activities are refused beside a real Slack workspace).
    server = await startTestServer(import.meta.url, {
      DEMO_MODE: 'on',
      SLACK_BOT_TOKEN: 'xoxb-availability-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
    await slack.http.stop();
  });

  async function inSlack(text: string, id: string, userId?: string): Promise<string> {
    const body = slashCommandBody({
      text,
      responseUrl: slack.responseUrl(id),
      teamId: slack.team.id,
      userId,
    });
    const response = await postToSlack(server.url, body, SIGNING_SECRET);
    assert.equal(response.status, 200);
    return JSON.stringify((await slack.waitForResponse(id)).blocks);
  }

  it('sets a time zone and time off from Slack, privately, and lists it back', async () => {
    assert.match(await inSlack('tz Europe/Berlin', 'tz-1'), /Europe\/Berlin \(UTC\+0[12]:00 now\)/);
    assert.match(await inSlack('away 2099-12-24..2099-12-31 holidays', 'away-1'), /Time off recorded/);
    assert.match(await inSlack('away', 'away-2'), /Dec 24, 2099 to Dec 31, 2099 \(holidays\)/);
    assert.match(await inSlack('tz Nowhere/City', 'tz-2'), /do not know that time zone/);
  });

  it("counts in the zone Slack's profile reports until the person sets one", async () => {
    assert.match(await inSlack('away', 'carla-1', 'U0CARLA'), /None planned/);
    for (let tries = 0; tries < 50; tries++) {
      const reply = await inSlack('tz', `carla-tz-${tries}`, 'U0CARLA');
      if (/Mexico_City/.test(reply)) {
        assert.match(reply, /America\/Mexico_City \(UTC-06:00 now\), as your chat profile says/);
        break;
      }
      assert.ok(tries < 49, `no reported zone: ${reply}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.match(await inSlack('tz Europe/Madrid', 'carla-2', 'U0CARLA'), /Time zone set/);
    assert.match(await inSlack('tz', 'carla-3', 'U0CARLA'), /Europe\/Madrid/);
  });

  it('answers the same words as Teams messages, and takes the zone Teams sends with them', async () => {
    const send = async (text: string) => {
      const message = emulatorMessage(connector, text);
      const activity = {
        ...message,
        channelId: 'msteams',
        conversation: { id: message.conversation.id, conversationType: 'personal', tenantId: TEAMS_TENANT },
        channelData: { tenant: { id: TEAMS_TENANT } },
        localTimezone: 'Asia/Kolkata',
      };
      await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      return JSON.stringify(
        (await connector.waitForPost(activity.conversation.id)).activity.attachments?.[0],
      );
    };
    assert.match(await send('back'), /You were not away/);
    assert.match(await send('away 2099-01-05'), /Jan 5, 2099 to Jan 5, 2099/);
    assert.match(await send('tz'), /Asia\/Kolkata \(UTC\+05:30 now\), as your chat profile says/);
  });
});
