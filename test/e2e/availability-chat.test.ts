import assert from 'node:assert/strict';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { emulatorMessage } from '../support/emulator-message.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'availability-signing-secret-0123456789';
const TEAMS_TENANT = '2f6a3f0e-8c1b-4d7e-9a55-3b1f0c2d4e6f';

describe('tz, away, back, hours and holidays in chat: Teams messages and Slack /em', function () {
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
    // On vacation by her Slack status, which clears in three days; her Slack language is German (Germany).
    slack.members.push({
      id: 'U0PALOMA',
      name: 'paloma',
      real_name: 'Paloma Ruiz',
      tz: 'Europe/Berlin',
      locale: 'de-DE',
      profile: {
        email: 'paloma@acme.example',
        status_emoji: ':palm_tree:',
        status_text: 'Vacationing',
        status_expiration: Math.floor(Date.now() / 1000) + 3 * 86_400,
      },
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

  /** Asks until the reply matches: what users.info reports is recorded beside the command, not before it. */
  async function untilReported(text: string, id: string, userId: string, expected: RegExp): Promise<string> {
    for (let tries = 0; ; tries++) {
      const reply = await inSlack(text, `${id}-${tries}`, userId);
      if (expected.test(reply) || tries === 49) return reply;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('sets working hours from Slack and reads them back, refusing hours that end before they start', async () => {
    assert.match(await inSlack('hours', 'hours-1'), /Mon-Fri 09:00-17:00 \(Europe\/Berlin\), the default/);
    assert.match(await inSlack('hours mon-thu 08:00-16:30', 'hours-2'), /Working hours set/);
    assert.match(await inSlack('hours mon-fri 18:00-09:00', 'hours-3'), /must be after the start/);
    assert.match(await inSlack('hours', 'hours-4'), /Mon-Thu 08:00-16:30 \(Europe\/Berlin\), your own/);
  });

  it("counts a Slack vacation status as time off, through its expiry, and the locale's country as holidays", async () => {
    const expected = /Your time off.*to .* \(Slack status\)/;
    assert.match(await untilReported('away', 'paloma-away', 'U0PALOMA', expected), expected);
    assert.match(
      await inSlack('holidays', 'paloma-holidays', 'U0PALOMA'),
      /DE \(the country of your chat language settings\)\. Next: /,
    );
    assert.match(
      await inSlack('holidays us-ca', 'paloma-holidays-2', 'U0PALOMA'),
      /US-CA \(your own choice\)/,
    );
    assert.match(
      await inSlack('holidays Atlantis', 'paloma-holidays-3', 'U0PALOMA'),
      /do not know the holiday region/,
    );
    assert.match(await inSlack('back', 'paloma-back', 'U0PALOMA'), /Welcome back.*Slack status/);
    assert.match(await inSlack('away', 'paloma-away-after', 'U0PALOMA'), /None planned/);
    const info = slack.calls('users.info').find((call) => call.args.user === 'U0PALOMA');
    assert.equal(String(info?.args.include_locale), 'true', 'asked with the locale');
  });

  it('records nothing, and still answers, where Slack refuses users.info', async () => {
    slack.members.push({
      id: 'U0SCOPE',
      name: 'scope',
      tz: 'Asia/Tokyo',
      locale: 'ja-JP',
      profile: { status_emoji: ':palm_tree:' },
    });
    slack.usersInfoError = 'missing_scope';
    try {
      assert.match(await inSlack('away', 'scope-1', 'U0SCOPE'), /None planned/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.match(await inSlack('tz', 'scope-2', 'U0SCOPE'), /Not set, and your chat profile says none/);
      assert.match(await inSlack('holidays', 'scope-3', 'U0SCOPE'), /None \(not set/);
      assert.match(await inSlack('away', 'scope-4', 'U0SCOPE'), /None planned/);
    } finally {
      slack.usersInfoError = undefined;
    }
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
        locale: 'en-IN',
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
    assert.match(await send('holidays'), /IN \(the country of your chat language settings\)/);
    assert.match(
      await send('hours sun-thu 10:00-19:00'),
      /Working hours set.*Mon-Thu,Sun 10:00-19:00 \(Asia\/Kolkata\)/,
    );
  });
});
