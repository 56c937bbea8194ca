import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FakePagerDutyUsers } from '../fakes/pagerduty-users-api.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { testDatabaseUri } from '../support/database.ts';
import { runCli } from '../support/run-cli.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { sendJira } from '../support/webhook-delivery.ts';

const JIRA_SECRET = 'people-cli-jira-secret';
const ANA_JIRA = '5b10ac8d82e05b22cc7d4ef5';
const BEN_JIRA = '5b10a2844c20165700ede21g';
const issue = JSON.parse(
  readFileSync(new URL('../fixtures/jira/issue-updated-in-progress.json', import.meta.url), 'utf8'),
);

describe('em-agent people: email linking from webhooks and Slack, fixed by hand (the processes)', () => {
  const uri = testDatabaseUri(import.meta.url);
  let server: TestServer;
  let slack: FakeSlack;
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const run = runCli(args, { MONGODB_URI: uri, ...env });
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    return run.stdout;
  };
  const listed = async () =>
    new Map(
      (await cli(['people', 'list', '--tenant', 'demo'])).map((line) => {
        const [person, tool, handle, , how, email] = line.split('\t');
        return [`${tool}:${handle}`, { person, how, email }];
      }),
    );
  async function deliverJira(deliveryId: string) {
    assert.equal((await sendJira(server.url, JIRA_SECRET, issue, { deliveryId })).status, 202);
    for (let tries = 0; tries < 100; tries++) {
      const event = await server.models.EventRaw.findOne({ tenantId: 'demo', deliveryId }).lean();
      if (event && !(await server.models.EventPending.exists({ tenantId: 'demo', _id: event._id }))) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.fail(`delivery ${deliveryId} was not normalized`);
  }

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    slack.members.push(
      { id: 'U0ANA', name: 'ana', real_name: 'Ana Lima', profile: { email: 'Ana@acme.example' } },
      { id: 'U0BEN', name: 'ben', real_name: 'Ben Okafor', profile: { email: 'ben@acme.example' } },
      { id: 'U0OLD', name: 'old', deleted: true, profile: { email: 'old@acme.example' } },
      { id: 'U0BOT', name: 'bot', is_bot: true, profile: {} },
      { id: 'USLACKBOT', name: 'slackbot', profile: {} },
    );
    server = await startTestServer(import.meta.url, { JIRA_WEBHOOK_SECRET: JIRA_SECRET });
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  it('links Jira accounts from webhooks to Slack users by verified email after `people sync-slack`', async () => {
    await deliverJira('people-1');
    const before = await listed();
    assert.deepEqual(before.get(`jira:${ANA_JIRA}`), {
      person: `jira:${ANA_JIRA}`,
      how: 'unlinked',
      email: 'ana@acme.example',
    });

    const synced = await cli(['people', 'sync-slack', '--tenant', 'demo'], {
      SLACK_BOT_TOKEN: 'xoxb-people-test',
      SLACK_SIGNING_SECRET: 'people-test-signing-secret',
      SLACK_API_URL: slack.apiUrl,
    });
    assert.deepEqual(synced, ['2 Slack users with a verified email recorded; 2 accounts linked by email']);
    assert.equal(slack.calls('users.list').length, 3, 'followed the cursor through every page');

    const after = await listed();
    assert.deepEqual(after.get('slack:U0ANA'), {
      person: 'slack:U0ANA',
      how: 'anchor',
      email: 'ana@acme.example',
    });
    assert.deepEqual(after.get(`jira:${ANA_JIRA}`), {
      person: 'slack:U0ANA',
      how: 'email',
      email: 'ana@acme.example',
    });
    assert.deepEqual(after.get(`jira:${BEN_JIRA}`), {
      person: 'slack:U0BEN',
      how: 'email',
      email: 'ben@acme.example',
    });
    assert.equal(after.has('slack:U0OLD'), false, 'deactivated users are skipped');
  });

  it('keeps an account unlinked by an admin apart when the next webhook brings its email again', async () => {
    await cli(['people', 'unlink', '--tenant', 'demo', '--account', `jira:${ANA_JIRA}`]);
    await deliverJira('people-2');
    assert.deepEqual((await listed()).get(`jira:${ANA_JIRA}`), {
      person: `jira:${ANA_JIRA}`,
      how: 'kept-apart',
      email: 'ana@acme.example',
    });
    await cli(['people', 'link', '--tenant', 'demo', '--to', 'slack:U0BEN', '--account', `jira:${ANA_JIRA}`]);
    const fixed = await listed();
    assert.deepEqual(fixed.get(`jira:${ANA_JIRA}`), {
      person: 'slack:U0BEN',
      how: 'manual',
      email: 'ana@acme.example',
    });
  });

  it('links PagerDuty users by the login email GET /users returns, after `people sync-pagerduty`', async () => {
    const pagerduty = new FakePagerDutyUsers('pd-people-token');
    await pagerduty.http.start();
    try {
      pagerduty.users.push(
        { id: 'PBEN001', type: 'user', name: 'Ben Okafor', email: 'Ben@acme.example' },
        { id: 'PCAI001', type: 'user', name: 'Cai', email: 'cai@acme.example' },
        { id: 'PDAN001', type: 'user', name: 'Dan' },
      );
      const synced = await cli(['people', 'sync-pagerduty', '--tenant', 'demo'], {
        PAGERDUTY_TOKEN: 'pd-people-token',
        PAGERDUTY_API_URL: pagerduty.http.url,
      });
      assert.deepEqual(synced, ['2 PagerDuty users with an email recorded; 1 account linked by email']);
      assert.equal(pagerduty.http.requests.length, 2, 'followed `more` to the second page');
      const people = await listed();
      assert.deepEqual(people.get('pagerduty:PBEN001'), {
        person: 'slack:U0BEN',
        how: 'email',
        email: 'ben@acme.example',
      });
      assert.deepEqual(people.get('pagerduty:PCAI001'), {
        person: 'pagerduty:PCAI001',
        how: 'unlinked',
        email: 'cai@acme.example',
      });
    } finally {
      await pagerduty.http.stop();
    }
  });

  it('refuses sync-slack without Slack credentials', async () => {
    const run = runCli(['people', 'sync-slack', '--tenant', 'demo'], { MONGODB_URI: uri });
    assert.equal(await run.exited, 1);
    assert.match(run.stderr.join('\n'), /SLACK_BOT_TOKEN/);
  });
});
