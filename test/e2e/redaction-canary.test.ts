import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ANSWER_ACTIONS } from '../../handlers/ask/answer-actions.ts';
import type { RedactionLevel } from '../../handlers/policy/redact-pii.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { FakeOpenAi } from '../fakes/openai-api.ts';
import type { RecordedRequest } from '../fakes/http-fake.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { chromaDocuments } from '../support/chroma-documents.ts';
import { testChromaUrl } from '../support/docs-fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { answerButtonClick } from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
const TENANT = 'demo';

/** What issue 14 saw leak: a runbook's contacts and token, and the asker's email and token. */
const CANARY = {
  docEmail: 'oncall.lead@example.net',
  docPhone: '+1 415 555 0142',
  docToken: 'ghp_C4n4ryT0k3nF0rTh3D0cs0123456789ab',
  askEmail: 'dave@example.org',
  askToken: 'xoxb-1234567890-canary0token0slack',
};
const SECRETS = [CANARY.docToken, CANARY.askToken];
const CONTACTS = [CANARY.docEmail, CANARY.docPhone, CANARY.askEmail];

const RUNBOOK = `# Billing API runbook

## Roll back billing-api

To roll back billing-api, run \`deploy.sh billing-api --rollback\` and watch the error rate for ten minutes.
The deploy bot signs in with GITHUB_TOKEN=${CANARY.docToken} from the vault.

## On-call

Page the on-call lead at ${CANARY.docEmail} or ${CANARY.docPhone} when a rollback fails.
`;
const QUESTION = `how do I roll back billing-api? my email is ${CANARY.askEmail} and my token is ${CANARY.askToken}`;

interface SlackReply {
  blocks?: { elements?: { action_id?: string; value?: string }[] }[];
}

/** What a request to Slack said, whether JSON (response URLs) or form-encoded (the Web API). */
function slackText(request: RecordedRequest): string {
  if (String(request.headers['content-type']).includes('json')) return request.body;
  return JSON.stringify(Object.fromEntries(new URLSearchParams(request.body)));
}

const found = (texts: string[], needles: string[]) =>
  needles.filter((needle) => texts.some((text) => text.includes(needle)));

/**
 * Issue 14's set-up, once per redaction level: docs with a runbook holding contacts and a token, OpenAI pointed
 * at a recording fake, and a question carrying the asker's email and a token, asked, shared and passed on in
 * Slack and Teams. No secret reaches the provider, a chat message, the stored chunks, Chroma or the logs; no
 * contact detail reaches the provider (but at `off`) or anyone but the asker.
 */
for (const level of ['off', 'standard', 'strict'] as RedactionLevel[]) {
  describe(`redaction canaries at pii_redaction: ${level} (Slack, Teams, OpenAI, storage, logs)`, function () {
    this.timeout(60_000);
    let slack: FakeSlack;
    let connector: FakeBotConnector;
    let openai: FakeOpenAi;
    let server: TestServer;
    let folder: string;
    let sequence = 0;
    /** Response URLs of the asker's own private replies: the one place their contact details may appear. */
    const privateReplies = new Set<string>();

    const post = (body: string) =>
      postToSlack(server.url, body, SIGNING_SECRET, 'application/x-www-form-urlencoded');

    async function command(text: string, user: { id: string; name: string }, name = '/ask') {
      const id = `cmd-${(sequence += 1)}`;
      if (name === '/ask') privateReplies.add(`/response/${id}`);
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

    async function click(
      reply: SlackReply,
      match: (value: { action_id?: string; value?: string }) => boolean,
    ) {
      const button = reply.blocks?.flatMap((block) => block.elements ?? []).find(match);
      assert.ok(button, 'no such button');
      const id = `action-${(sequence += 1)}`;
      const payload = answerButtonClick(
        slack,
        'U0DAVE',
        button.action_id!,
        button.value!,
        slack.responseUrl(id),
      );
      assert.equal(
        (await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString())).status,
        200,
      );
    }

    const teamsActivity = (overrides: Record<string, unknown>) => ({
      id: `act-${(sequence += 1)}`,
      timestamp: new Date().toISOString(),
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      from: { id: '29:1dave', name: 'Dave Example', aadObjectId: 'aad-dave' },
      conversation: { id: 'a:conv-dave', conversationType: 'personal', tenantId: 'teams-tenant' },
      recipient: { id: '28:em-agent-bot', name: 'em-agent' },
      channelData: { tenant: { id: 'teams-tenant' } },
      locale: 'en-US',
      ...overrides,
    });
    const toTeams = (body: unknown) =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    before(async () => {
      folder = await mkdtemp(path.join(os.tmpdir(), 'em-agent-canary-'));
      await mkdir(path.join(folder, 'runbooks'));
      await writeFile(path.join(folder, 'runbooks', 'billing-api.md'), RUNBOOK);
      await writeFile(path.join(folder, 'CODEOWNERS'), '* @alice\n');
      const policyFile = path.join(folder, 'policy.yaml');
      await writeFile(
        policyFile,
        `actions: {}\nlimits:\n  max_monthly_cost_usd: 5\n  pii_redaction: ${level}\n`,
      );
      slack = new FakeSlack();
      connector = new FakeBotConnector();
      openai = new FakeOpenAi();
      await Promise.all([slack.http.start(), connector.http.start(), openai.http.start()]);
      // Demo mode: Slack and Teams requests are both served from the one tenant the docs belong to.
      server = await startTestServer(
        import.meta.url,
        {
          DEMO_MODE: 'on',
          SLACK_BOT_TOKEN: 'xoxb-e2e-test-token',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
          OPENAI_API_KEY: 'sk-test-fake-openai-key',
          OPENAI_BASE_URL: openai.baseUrl,
          DOCS_DIR: folder,
          DOCS_TENANT_ID: TENANT,
          POLICY_FILE: policyFile,
        },
        { demoData: false, scheduler: { jobs: [] } },
      );
      assert.equal((await server.knowledge.index(TENANT)).added, 1);
    });
    after(async () => {
      await server.close();
      await Promise.all([slack.http.stop(), connector.http.stop(), openai.http.stop()]);
      await rm(folder, { recursive: true, force: true });
    });

    it('asks, shares and passes the question on, in Slack and in Teams', async () => {
      const dave = { id: 'U0DAVE', name: 'dave' };
      const answered = await command(QUESTION, dave);
      assert.match(JSON.stringify(answered), /deploy\.sh billing-api --rollback/);
      await click(answered, (button) => button.action_id === ANSWER_ACTIONS.share);
      await slack.http.waitFor((request) => request.body.includes('thread_ts'), 15_000);

      await command('link github alice', { id: 'U0ALICE', name: 'alice' }, '/em');
      const unknown = await command(`noanswer ${QUESTION}`, dave);
      assert.match(JSON.stringify(unknown), /I don't know/);
      await click(unknown, (button) => /"person":"@alice"/.test(button.value ?? ''));
      await slack.http.waitFor(
        (request) => request.path === '/api/chat.postMessage' && /U0ALICE/.test(request.body),
        15_000,
      );

      const asked = teamsActivity({ type: 'message', text: `ask ${QUESTION}`, textFormat: 'plain' });
      assert.ok((await toTeams(asked)).ok);
      const reply = await connector.waitForPost('a:conv-dave', 15_000);
      const card = JSON.stringify(reply.activity);
      assert.match(card, /deploy\.sh billing-api --rollback/);
      const data = (
        reply.activity.attachments?.[0]?.content as { actions: { verb?: string; data?: unknown }[] }
      ).actions.find((action) => action.verb === ANSWER_ACTIONS.share)!.data;
      const shared = await toTeams(
        teamsActivity({
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: ANSWER_ACTIONS.share, data }, trigger: 'manual' },
        }),
      );
      assert.match(await shared.text(), /Shared/);
    });

    it('sends the provider no secret, and contact details only at off', () => {
      const bodies = openai.http.requests.map((request) => request.body);
      const embeddings = openai.embeddingInputs();
      assert.ok(
        embeddings.some((text) => text.includes('Page the on-call lead')),
        'the runbook was embedded',
      );
      assert.ok(
        embeddings.some((text) => text.includes('how do I roll back billing-api?')),
        'the question was',
      );
      assert.ok(openai.chatRequests().length >= 2, 'the model wrote answers');
      assert.deepEqual(found(bodies, SECRETS), []);
      assert.deepEqual(found(bodies, CONTACTS), level === 'off' ? CONTACTS : []);
    });

    it('posts no secret to Slack or Teams, and the asker’s contact details only in their own reply', () => {
      const toEveryone = slack.http.requests
        .filter((request) => !privateReplies.has(request.path))
        .map(slackText);
      const toAsker = slack.http.requests
        .filter((request) => privateReplies.has(request.path))
        .map(slackText);
      const teamsPosts = connector.posts().map((post) => JSON.stringify(post.activity));
      const [teamsReply, ...teamsShared] = teamsPosts;
      assert.ok(
        toEveryone.some((text) => text.includes('asked:')),
        'the question was shared',
      );
      assert.ok(
        toEveryone.some((text) => text.includes('has a question for you')),
        'and passed on to alice',
      );
      assert.ok(teamsShared.length > 0, 'and shared in Teams');
      assert.deepEqual(found([...toEveryone, ...toAsker, ...teamsPosts], SECRETS), []);
      assert.deepEqual(
        found(toAsker, [CANARY.askEmail]),
        [CANARY.askEmail],
        'the asker sees their own question',
      );
      assert.deepEqual(found([teamsReply!], [CANARY.askEmail]), [CANARY.askEmail]);
      assert.deepEqual(found([...toEveryone, ...teamsShared], [CANARY.askEmail]), []);
      if (level !== 'off')
        assert.deepEqual(found([...toEveryone, ...toAsker, ...teamsPosts], CONTACTS.slice(0, 2)), []);
    });

    it('stores no secret in the chunks or Chroma, and logs no canary at debug level', async () => {
      const chunks = await server.models.KnowledgeChunk.find({ tenantId: TENANT }).lean();
      assert.ok(chunks.length > 0);
      assert.deepEqual(
        found(
          chunks.map((chunk) => JSON.stringify(chunk)),
          SECRETS,
        ),
        [],
      );
      const stored = await chromaDocuments(testChromaUrl(), TENANT, server.knowledge.embedder.id);
      assert.ok(stored.some((text) => text.includes('Page the on-call lead')));
      assert.deepEqual(found(stored, SECRETS), []);
      const records = await server.models.AnswerRecord.find({ tenantId: TENANT }).lean();
      assert.deepEqual(
        found(
          records.map((record) => JSON.stringify(record)),
          SECRETS,
        ),
        [],
      );
      assert.ok(
        server.logs.some((line) => line.level === 20),
        'debug lines were logged',
      );
      // Nor any message text: not the question, nor what was posted (the Web API logs request bodies at debug).
      const logged = server.logs.map((line) => JSON.stringify(line)).join('\n');
      assert.doesNotMatch(logged, /how do I roll back|asked:|has a question for you/);
      assert.deepEqual(
        found(
          server.logs.map((line) => JSON.stringify(line)),
          [...SECRETS, ...CONTACTS],
        ),
        [],
      );
    });
  });
}
