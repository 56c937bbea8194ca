import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { openTestDatabase, testDatabaseUri } from '../support/database.ts';
import { runCli } from '../support/run-cli.ts';

describe('em-agent webhooks (the process)', () => {
  const uri = testDatabaseUri(import.meta.url);
  let connection: Connection;
  let models: Models;
  const secretsOf = async (tenantId: string) => (await models.Tenant.findOne({ tenantId }).lean())!;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    await models.Tenant.ensure('T0ACME', 'slack', 'Acme');
    await models.Tenant.ensure('T0GLOBEX', 'slack', 'Globex');
  });
  after(() => connection?.close());

  it('`set-secret github` generates a secret, prints it once on stdout and stores it for that tenant only', async () => {
    const run = runCli(['webhooks', 'set-secret', 'github', '--tenant', 'T0ACME'], { MONGODB_URI: uri });
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    assert.equal(run.stdout.length, 1);
    assert.match(run.stdout[0]!, /^[0-9a-f]{64}$/);
    assert.equal((await secretsOf('T0ACME')).webhookSecrets?.github, run.stdout[0]);
    assert.equal((await secretsOf('T0GLOBEX')).webhookSecrets?.github, undefined);
    assert.ok(run.stderr.some((line) => line.includes('https://YOUR-HOST/webhooks/github/T0ACME')));
    assert.ok(!run.stderr.join('\n').includes(run.stdout[0]!), 'the secret is printed once');
  });

  it('`set-secret pagerduty --stdin` stores the secret PagerDuty showed, printing nothing secret', async () => {
    const secret = 'pd-signing-secret-0123456789abcdef';
    const run = runCli(
      ['webhooks', 'set-secret', 'pagerduty', '--tenant', 'T0ACME', '--stdin'],
      { MONGODB_URI: uri },
      `${secret}\n`,
    );
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    assert.deepEqual(run.stdout, []);
    assert.ok(!run.stderr.join('\n').includes(secret));
    assert.equal((await secretsOf('T0ACME')).webhookSecrets?.pagerduty, secret);

    const refused = runCli(['webhooks', 'set-secret', 'pagerduty', '--tenant', 'T0ACME'], {
      MONGODB_URI: uri,
    });
    assert.equal(await refused.exited, 1);
    assert.match(refused.stderr.join('\n'), /PagerDuty generates the signing secret/);
  });

  it('`rotate-secret` keeps the old secret for the grace period, and `list` shows it without any secret', async () => {
    const before = (await secretsOf('T0ACME')).webhookSecrets!.github!;
    const run = runCli(['webhooks', 'rotate-secret', 'github', '--tenant', 'T0ACME', '--grace-hours', '2'], {
      MONGODB_URI: uri,
    });
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    const tenant = await secretsOf('T0ACME');
    assert.equal(tenant.webhookSecrets?.github, run.stdout[0]);
    assert.equal(tenant.previousWebhookSecrets?.github?.secret, before);
    const until = tenant.previousWebhookSecrets!.github!.until.getTime();
    assert.ok(Math.abs(until - (Date.now() + 2 * 3_600_000)) < 60_000);

    const list = runCli(['webhooks', 'list', '--base-url', 'https://em.example.com/'], { MONGODB_URI: uri });
    assert.equal(await list.exited, 0, list.stderr.join('\n'));
    const text = list.stdout.join('\n');
    for (const secret of [before, run.stdout[0]!, 'pd-signing-secret-0123456789abcdef'])
      assert.ok(!text.includes(secret), 'list never shows a secret');
    assert.deepEqual(
      list.stdout.map((line) => line.split('\t').slice(0, 2).join(' ')),
      [
        'T0ACME github',
        'T0ACME jira',
        'T0ACME pagerduty',
        'T0GLOBEX github',
        'T0GLOBEX jira',
        'T0GLOBEX pagerduty',
      ],
    );
    assert.match(
      list.stdout[0]!,
      /\tsecret set \(old one accepted until .*\)\thttps:\/\/em\.example\.com\/webhooks\/github\/T0ACME$/,
    );
    assert.match(list.stdout[1]!, /\tno secret\t/);
    assert.match(list.stdout[2]!, /\tsecret set\t/);
  });

  it('refuses an unknown tenant, an unknown source and a short secret with exit 1 and one line', async () => {
    const unknown = runCli(['webhooks', 'set-secret', 'github', '--tenant', 'T0NOBODY'], {
      MONGODB_URI: uri,
    });
    assert.equal(await unknown.exited, 1);
    assert.deepEqual(unknown.stderr, ['em-agent: unknown tenant "T0NOBODY"']);
    const gitlab = runCli(['webhooks', 'set-secret', 'gitlab', '--tenant', 'T0ACME'], { MONGODB_URI: uri });
    assert.equal(await gitlab.exited, 1);
    assert.match(gitlab.stderr.join('\n'), /source must be one of github, jira, pagerduty/);
    const short = runCli(
      ['webhooks', 'set-secret', 'jira', '--tenant', 'T0ACME', '--stdin'],
      { MONGODB_URI: uri },
      'abc',
    );
    assert.equal(await short.exited, 1);
    assert.match(short.stderr.join('\n'), /at least 16 characters/);
  });

  it('`set-secret jira --client-key` stores the Connect client key the JWT iss must match', async () => {
    const run = runCli(
      [
        'webhooks',
        'set-secret',
        'jira',
        '--tenant',
        'T0GLOBEX',
        '--stdin',
        '--client-key',
        'jira:globex-install',
      ],
      { MONGODB_URI: uri },
      'connect-shared-secret-from-installed',
    );
    assert.equal(await run.exited, 0, run.stderr.join('\n'));
    const tenant = await secretsOf('T0GLOBEX');
    assert.equal(tenant.jiraClientKey, 'jira:globex-install');
    assert.equal(tenant.webhookSecrets?.jira, 'connect-shared-secret-from-installed');
  });
});
