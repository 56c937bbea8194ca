import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectClaims, signAtlassianJwt } from '../support/atlassian-jwt.ts';
import { sendGithub } from '../support/webhook-delivery.ts';

const SHARED_SECRET = 'connect-installation-shared-secret';
const CLIENT_KEY = 'jira:8d9c3a8e-1f2b-4c5d-9e0f-0a1b2c3d4e5f';
const issue = readFileSync(
  new URL('../fixtures/jira/issue-updated-in-progress.json', import.meta.url),
  'utf8',
);
const PUSH = {
  ref: 'refs/heads/main',
  before: '0'.repeat(40),
  after: 'b'.repeat(40),
  repository: { id: 1, name: 'web', full_name: 'acme/web', owner: { login: 'acme' } },
  commits: [],
};

function postJira(server: TestServer, pathAndQuery: string, authorization: string | undefined, id: string) {
  return fetch(`${server.url}${pathAndQuery}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-atlassian-webhook-identifier': id,
      ...(authorization ? { authorization } : {}),
    },
    body: issue,
  });
}

describe('webhooks: Jira Connect JWT and secret rotation (real HTTP, real database)', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer(import.meta.url, {
      JIRA_WEBHOOK_SECRET: SHARED_SECRET,
      JIRA_CLIENT_KEY: CLIENT_KEY,
    });
    await server.models.Tenant.ensure('T0ACME', 'slack', 'Acme');
    await server.models.Tenant.updateOne(
      { tenantId: 'T0ACME' },
      { $set: { 'webhookSecrets.jira': 'acme-connect-secret', jiraClientKey: 'jira:acme-install' } },
    );
  });
  after(() => server.close());

  it('stores a delivery with a valid Authorization: JWT and records the method', async () => {
    const claims = connectClaims(CLIENT_KEY, 'POST&/webhooks/jira&lang=en&user_id=5b10', Date.now());
    const token = signAtlassianJwt(claims, SHARED_SECRET);
    const response = await postJira(server, '/webhooks/jira?user_id=5b10&lang=en', `JWT ${token}`, 'jwt-1');
    assert.equal(response.status, 202, await response.clone().text());
    const stored = await server.models.EventRaw.findOne({ tenantId: 'demo', deliveryId: 'jwt-1' }).lean();
    assert.deepEqual(stored?.verification, { verified: true, method: 'atlassian-jwt' });
    assert.equal(stored?.headers.authorization, undefined, 'the token is not kept');
  });

  it('refuses forged, expired, wrong-qsh and wrong-issuer tokens with 401, storing nothing', async () => {
    const canonical = 'POST&/webhooks/jira&';
    const now = Date.now();
    const cases = {
      forged: signAtlassianJwt(connectClaims(CLIENT_KEY, canonical, now), 'guessed-secret'),
      expired: signAtlassianJwt(connectClaims(CLIENT_KEY, canonical, now - 10 * 60_000), SHARED_SECRET),
      otherRequest: signAtlassianJwt(connectClaims(CLIENT_KEY, 'POST&/webhooks/github&', now), SHARED_SECRET),
      otherIssuer: signAtlassianJwt(connectClaims('jira:intruder', canonical, now), SHARED_SECRET),
    };
    for (const [name, token] of Object.entries(cases)) {
      const response = await postJira(server, '/webhooks/jira', `JWT ${token}`, `jwt-bad-${name}`);
      assert.equal(response.status, 401, name);
      assert.match(
        ((await response.json()) as { error: { message: string } }).error.message,
        /signature refused/,
      );
    }
    assert.equal(
      await server.models.EventRaw.countDocuments({ tenantId: 'demo', deliveryId: /^jwt-bad/ }),
      0,
    );
  });

  it("checks a tenant's JWT against that tenant's shared secret, client key and path", async () => {
    const path = '/webhooks/jira/T0ACME';
    const good = signAtlassianJwt(connectClaims('jira:acme-install', `POST&${path}&`), 'acme-connect-secret');
    assert.equal((await postJira(server, path, `JWT ${good}`, 'jwt-acme')).status, 202);
    const envKey = signAtlassianJwt(connectClaims(CLIENT_KEY, `POST&${path}&`), SHARED_SECRET);
    assert.equal((await postJira(server, path, `JWT ${envKey}`, 'jwt-acme-2')).status, 401);
  });

  it('accepts the previous secret during its grace period only', async () => {
    await server.models.Tenant.updateOne(
      { tenantId: 'T0ACME' },
      {
        $set: {
          'webhookSecrets.github': 'new-secret',
          'previousWebhookSecrets.github': { secret: 'old-secret', until: new Date(Date.now() + 60_000) },
        },
      },
    );
    const path = '/webhooks/github/T0ACME';
    assert.equal((await sendGithub(server.url, 'new-secret', 'push', PUSH, { path })).status, 202);
    assert.equal((await sendGithub(server.url, 'old-secret', 'push', PUSH, { path })).status, 202);
    assert.equal((await sendGithub(server.url, 'other-secret', 'push', PUSH, { path })).status, 401);
    await server.models.Tenant.updateOne(
      { tenantId: 'T0ACME' },
      { $set: { 'previousWebhookSecrets.github.until': new Date(Date.now() - 1000) } },
    );
    assert.equal((await sendGithub(server.url, 'old-secret', 'push', PUSH, { path })).status, 401);
  });
});
