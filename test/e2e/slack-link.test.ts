import assert from 'node:assert/strict';
import { createIdentityDirectory } from '../../data/identity/mongo-identity-directory.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'e2e-link-signing-secret-0123456789';

describe('Slack: /em link end to end, and the profile email links the rest on first use', () => {
  let slack: FakeSlack;
  let server: TestServer;
  const account = (tool: string, handle: string) =>
    server.models.Person.findOne({
      tenantId: slack.team.id,
      _id: `${slack.team.id}|${tool}|${handle}`,
    }).lean();

  async function slash(text: string, id: string) {
    const body = slashCommandBody({ text, responseUrl: slack.responseUrl(id), teamId: slack.team.id });
    const response = await postToSlack(server.url, body, SIGNING_SECRET);
    assert.equal(response.status, 200);
    return JSON.stringify(await slack.waitForResponse(id));
  }

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    // The user slashCommandBody sends as, with the email Slack shares under users:read.email.
    slack.members.push({
      id: 'U0ALICE',
      name: 'alice',
      real_name: 'Alice Example',
      profile: { email: 'alice@acme.example' },
    });
    server = await startTestServer(import.meta.url, {
      SLACK_BOT_TOKEN: 'xoxb-link-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    await createIdentityDirectory(server.models.Person).recordEmail(
      slack.team.id,
      { tool: 'pagerduty', handle: 'PALICE' },
      'alice@acme.example',
    );
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  it('links the GitHub login typed with /em link github, and the PagerDuty user by the Slack email', async () => {
    const reply = await slash('link github alice-gh', 'link-1');
    assert.match(reply, /alice-gh is now known as you/);
    assert.equal((await account('github', 'alice-gh'))?.personId, 'slack:U0ALICE');
    for (let tries = 0; tries < 50 && !(await account('pagerduty', 'PALICE'))?.linkedBy; tries++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const pagerduty = await account('pagerduty', 'PALICE');
    assert.equal(pagerduty?.personId, 'slack:U0ALICE');
    assert.equal(pagerduty?.linkedBy, 'email');
    assert.equal((await account('slack', 'U0ALICE'))?.verifiedEmail, 'alice@acme.example');
  });

  it('asks Slack for the profile once per user, not on every command', async () => {
    await slash('link', 'link-2');
    assert.equal(slack.calls('users.info').length, 1);
  });
});
