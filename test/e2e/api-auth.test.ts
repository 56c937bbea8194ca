import assert from 'node:assert/strict';
import { hashToken } from '../../data/models/api-token.ts';
import { testDatabaseUri } from '../support/database.ts';
import { runCli } from '../support/run-cli.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const ENV_TOKEN = 'env-api-token-0123456789abcdefghij';

describe('REST API authentication (Authorization: Bearer)', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer(import.meta.url, { API_TOKEN: ENV_TOKEN });
  });
  after(() => server.close());

  function whoami(authorization?: string) {
    return fetch(`${server.url}/v1/tenant`, { headers: authorization ? { authorization } : {} });
  }

  it('refuses a request without a token, saying how to send one', async () => {
    const response = await whoami();
    assert.equal(response.status, 401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'unauthorized');
    assert.match(body.error.message, /Authorization: Bearer/);
  });

  it('accepts API_TOKEN for the single tenant set up by the environment', async () => {
    const response = await whoami(`Bearer ${ENV_TOKEN}`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { tenantId: 'demo' });
  });

  it('accepts a created token for its own tenant and stores only its hash', async () => {
    const issued = await server.models.ApiToken.issue('T0OTHER', 'ci');
    const response = await whoami(`Bearer ${issued.token}`);
    assert.deepEqual(await response.json(), { tenantId: 'T0OTHER' });
    const stored = await server.models.ApiToken.findOne({ tenantId: 'T0OTHER', _id: issued.id }).lean();
    assert.equal(stored?.tokenHash, hashToken(issued.token));
    assert.ok(!JSON.stringify(stored).includes(issued.token.slice(-43)), 'the secret is stored');
  });

  it('refuses forged, malformed, other-tenant and revoked tokens', async () => {
    const issued = await server.models.ApiToken.issue('T0OTHER', 'to revoke');
    const secret = issued.token.slice(-43);
    const forgedSecret = issued.token.replace(
      secret,
      `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`,
    );
    const otherTenant = issued.token.replace(
      /^ema_[^_]+_/,
      `ema_${Buffer.from('T0THIRD').toString('base64url')}_`,
    );
    for (const token of [forgedSecret, otherTenant, 'ema_x', `${ENV_TOKEN}x`, 'Basic abc']) {
      const response = await whoami(`Bearer ${token}`);
      assert.equal(response.status, 401, token);
    }
    assert.equal(await server.models.ApiToken.revoke('T0OTHER', issued.id), true);
    assert.equal((await whoami(`Bearer ${issued.token}`)).status, 401);
  });

  it('creates, lists and revokes tokens from the CLI', async () => {
    const env = { MONGODB_URI: testDatabaseUri(import.meta.url) };
    const created = runCli(['token', 'create', '--tenant', 'T0CLI', '--name', 'grafana'], env);
    assert.equal(await created.exited, 0, created.stderr.join('\n'));
    const token = created.stdout.join('').trim();
    assert.match(token, /^ema_/);
    assert.deepEqual(await (await whoami(`Bearer ${token}`)).json(), { tenantId: 'T0CLI' });

    const listed = runCli(['token', 'list', '--tenant', 'T0CLI'], env);
    assert.equal(await listed.exited, 0);
    const [line] = listed.stdout;
    assert.match(line!, /\tgrafana\t.*\tactive$/);
    assert.ok(!listed.stdout.join('\n').includes(token), 'list printed the token');

    const id = line!.split('\t')[0]!;
    const revoked = runCli(['token', 'revoke', '--tenant', 'T0CLI', '--id', id], env);
    assert.equal(await revoked.exited, 0);
    assert.equal((await whoami(`Bearer ${token}`)).status, 401);

    const again = runCli(['token', 'revoke', '--tenant', 'T0CLI', '--id', id], env);
    assert.equal(await again.exited, 1);
    assert.match(again.stderr.join('\n'), /no active token/);
  });
});
