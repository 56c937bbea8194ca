import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { FakeSlack } from '../fakes/slack-api.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';
import { sendGithub } from '../support/webhook-delivery.ts';

const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
const GITHUB_SECRET = 'slack-team-github-secret';
const DAY = 86_400_000;

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as {
  name: string;
  examples: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}[];

/** GitHub's own "pull request opened" example, as a PR of ours opened and last touched `ageDays` ago. */
function openedPullRequest(number: number, title: string, ageDays: number) {
  const payload = structuredClone(
    examples.find((group) => group.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!,
  );
  const at = new Date(Date.now() - ageDays * DAY).toISOString();
  Object.assign(payload.pull_request, { number, title, draft: false, created_at: at, updated_at: at });
  payload.repository.full_name = 'acme/payments';
  return payload;
}

describe('Slack: /em team from the facts the webhooks delivered', function () {
  this.timeout(60_000);
  let slack: FakeSlack;
  let server: TestServer;

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    server = await startTestServer(import.meta.url, {
      SLACK_BOT_TOKEN: 'xoxb-e2e-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
    });
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  async function team(id: string, teamId = slack.team.id) {
    const body = slashCommandBody({ text: 'team', responseUrl: slack.responseUrl(id), teamId });
    const response = await postToSlack(server.url, body, SIGNING_SECRET);
    assert.equal(response.status, 200);
    return slack.waitForResponse(id);
  }

  it('answers privately with the workspace’s open and stale pull requests, linked to GitHub', async () => {
    for (const [number, title, age] of [
      [501, 'Forgotten refactor', 12],
      [502, 'Fresh fix', 1],
    ] as const) {
      const sent = await sendGithub(
        server.url,
        GITHUB_SECRET,
        'pull_request',
        openedPullRequest(number, title, age),
      );
      assert.equal(sent.status, 202);
    }
    await server.normalizer.idle();

    const reply = await team('team-1');
    assert.equal(reply.response_type, 'ephemeral');
    const blocks = JSON.stringify(reply.blocks);
    assert.match(blocks, /2 open pull requests/);
    assert.match(blocks, /Stale pull requests/);
    assert.match(blocks, /<https:\/\/github\.com\/[^|]+\|acme\/payments#501 Forgotten refactor>/);
    assert.doesNotMatch(blocks, /#502/, 'a pull request touched yesterday is not stale');
  });

  it('shows another workspace none of it', async () => {
    const reply = await team('team-2', 'T0OTHERTEAM');
    const blocks = JSON.stringify(reply.blocks);
    assert.match(blocks, /0 open pull requests/);
    assert.match(blocks, /Nothing has arrived yet/);
  });

  it('refuses unsigned Teams activities beside a real workspace, so nobody can name its tenant and read it', async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        serviceUrl: 'http://127.0.0.1:9/',
        channelId: 'msteams',
        from: { id: '29:mallory' },
        conversation: { id: 'a:conv', tenantId: slack.team.id },
        recipient: { id: '28:bot' },
        text: 'team',
      }),
    });
    assert.equal(response.status, 503);
    assert.match(
      ((await response.json()) as { error: { message: string } }).error.message,
      /MICROSOFT_APP_ID/,
    );
  });
});
