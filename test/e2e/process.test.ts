import assert from 'node:assert/strict';
import { openTestDatabase, testDatabaseUri } from '../support/database.ts';
import { runCli } from '../support/run-cli.ts';

describe('the em-agent process', () => {
  before(async () => {
    await (await openTestDatabase(import.meta.url)).close();
  });

  it('starts in demo mode, says what to do next, serves, and exits 0 on SIGTERM after a graceful stop', async function () {
    // A graceful stop waits for the demo team to finish loading (every fact through the normalizer, the triage
    // change log and the metrics marks): seconds here, more on a loaded machine.
    this.timeout(60_000);
    const run = runCli(['start'], {
      MONGODB_URI: testDatabaseUri(import.meta.url),
      PORT: '0',
      // The demo indexes its handbook on start: into the harness's Chroma, not one of its own.
      ...(process.env.TEST_CHROMA_URL ? { CHROMA_URL: process.env.TEST_CHROMA_URL } : {}),
    });
    try {
      const ready = await run.waitForLog(/running in demo mode/);
      const url = /at (http:\/\/localhost:\d+)/.exec(String(ready.msg))?.[1];
      assert.ok(url, 'the log line names the URL');
      assert.match(String(ready.msg), /Bot Framework Emulator|SLACK_BOT_TOKEN/);
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      run.child.kill('SIGTERM');
      assert.equal(await run.exited, 0);
      const stopped = await run.waitForLog(/em-agent stopped/, 1_000);
      assert.equal(typeof stopped.requeued, 'number');
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('refuses a bad configuration with one line naming each variable, never a secret, and exit code 78', async () => {
    const run = runCli(['start'], { PORT: 'abc', SLACK_BOT_TOKEN: 'xoxb-super-secret-value' });
    assert.equal(await run.exited, 78);
    assert.equal(run.stderr.length, 1, run.stderr.join('\n'));
    const [line] = run.stderr;
    assert.match(line!, /^em-agent: invalid configuration: /);
    assert.match(line!, /PORT: .*\(got "abc"\)/);
    assert.match(line!, /SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN/);
    assert.ok(!line!.includes('super-secret'), 'the token value was printed');
  });

  it('exits 1 with a clear line when the database is down at start-up, hiding its credentials', async () => {
    const run = runCli(['start'], { MONGODB_URI: 'mongodb://admin:hunter2@127.0.0.1:1/em-agent', PORT: '0' });
    assert.equal(await run.exited, 1);
    const line = run.stderr.join('\n');
    assert.match(line, /^em-agent: Cannot reach the database at mongodb:\/\/\*\*\*@127\.0\.0\.1:1\/em-agent/);
    assert.match(line, /MONGODB_URI/);
    assert.ok(!line.includes('hunter2'));
  });

  it('describes its commands with --help', async () => {
    const run = runCli(['--help'], {});
    assert.equal(await run.exited, 0);
    const help = run.stdout.join('\n');
    for (const command of ['start', 'demo', 'config'])
      assert.match(help, new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('`config` shows what is configured without printing secrets', async () => {
    const run = runCli(['config'], {
      SLACK_BOT_TOKEN: 'xoxb-visible-nowhere',
      SLACK_SIGNING_SECRET: 'shh-signing-secret',
      MONGODB_URI: 'mongodb://u:p4ss@db.example/em',
    });
    assert.equal(await run.exited, 0);
    const summary = JSON.parse(run.stdout.join('\n')) as Record<string, unknown>;
    assert.equal(summary.slack, 'http');
    assert.equal(summary.database, 'MONGODB_URI');
    assert.equal(summary.demo, false);
    assert.equal(summary.policy, 'built-in default', 'no POLICY_FILE: the default policy applies');
    const printed = run.stdout.join('\n');
    for (const secret of ['xoxb-visible-nowhere', 'shh-signing-secret', 'p4ss'])
      assert.ok(!printed.includes(secret));
  });

  it('`config` says the embedded FerretDB is on FERRETDB_POSTGRESQL_URL without printing it', async () => {
    const run = runCli(['config'], { FERRETDB_POSTGRESQL_URL: 'postgres://em:pg-SECRET@db.example:5432/em' });
    assert.equal(await run.exited, 0);
    const summary = JSON.parse(run.stdout.join('\n')) as Record<string, unknown>;
    assert.equal(summary.database, 'embedded (ferretdb on FERRETDB_POSTGRESQL_URL)');
    assert.ok(!run.stdout.join('\n').includes('pg-SECRET'));
  });
});
