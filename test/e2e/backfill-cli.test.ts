import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { FakeGitHubRest } from '../fakes/github-rest-api.ts';
import { FakeJiraCloud } from '../fakes/jira-cloud-api.ts';
import { FakePagerDuty } from '../fakes/pagerduty-api.ts';
import { openTestDatabase, testDatabaseUri } from '../support/database.ts';
import { buildGithubRepo } from '../support/github-backfill-team.ts';
import { loadJiraAndPagerDutyHistory } from '../support/jira-pagerduty-history.ts';
import { runCli } from '../support/run-cli.ts';

async function cli(args: string[], env: Record<string, string>) {
  const run = runCli(args, env);
  const code = await run.exited;
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') };
}

describe('em-agent backfill (the process)', function () {
  this.timeout(60_000);
  let connection: Connection;
  let models: Models;
  let github: FakeGitHubRest;
  let jira: FakeJiraCloud;
  let pagerDuty: FakePagerDuty;
  let env: Record<string, string>;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    github = new FakeGitHubRest();
    jira = new FakeJiraCloud();
    pagerDuty = new FakePagerDuty();
    await Promise.all([github.http.start(), jira.http.start(), pagerDuty.http.start()]);
    github.repos.set('acme/api', buildGithubRepo('acme/api').data);
    loadJiraAndPagerDutyHistory(jira, pagerDuty);
    env = {
      MONGODB_URI: testDatabaseUri(import.meta.url),
      GITHUB_TOKEN: github.token,
      GITHUB_API_URL: github.url,
      JIRA_BASE_URL: jira.url,
      JIRA_EMAIL: jira.email,
      JIRA_API_TOKEN: jira.apiToken,
      PAGERDUTY_TOKEN: pagerDuty.token,
      PAGERDUTY_API_URL: pagerDuty.url,
    };
  });
  after(async () => {
    await Promise.all([github.http.stop(), jira.http.stop(), pagerDuty.http.stop()]);
    await connection.close();
  });

  it('backfills every configured source with a progress bar on stderr and a summary, then reruns cheaply', async () => {
    const args = ['backfill', '--since', '2026-09-01', '--tenant', 'T-cli', '--repo', 'acme/api'];
    const first = await cli(args, env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /github:acme\/api:pulls \[#{30}\] 1\/1/);
    assert.match(first.stderr, /jira:issues \[#{30}\] 1\/1/);
    assert.match(first.stderr, /pagerduty:incidents \[#{30}\] 1\/1/);
    assert.match(first.stdout, /github:acme\/api:pulls: 7 listed on 1 pages \(0 unchanged\)/);
    assert.match(
      first.stdout,
      /tenant T-cli: backfilled github, jira, pagerduty \(acme\/api\): \d+ listed on \d+ pages, 0 unchanged \(304\), 0 failed streams/,
    );
    assert.equal(await models.PullRequest.countDocuments({ tenantId: 'T-cli' }), 6);
    assert.equal(await models.JiraIssue.countDocuments({ tenantId: 'T-cli' }), 2);
    assert.equal(await models.Incident.countDocuments({ tenantId: 'T-cli' }), 2);

    const second = await cli(args, env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /github:acme\/api:pulls: 0 listed on 1 pages \(1 unchanged\)/);
    assert.match(second.stdout, /0 failed streams/);
    assert.doesNotMatch(second.stderr, / - 304 with id/, "Octokit's request log stays quiet");
  });

  it('takes the repositories the tenant already knows when no --repo is given, and only the source asked for', async () => {
    const run = await cli(
      ['backfill', '--source', 'github', '--since', '2026-09-01', '--tenant', 'T-cli'],
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /tenant T-cli: backfilled github \(acme\/api\)/);
    assert.doesNotMatch(run.stdout, /jira|pagerduty/);

    const unknown = await cli(
      ['backfill', '--source', 'github', '--since', '2026-09-01', '--tenant', 'T-new'],
      env,
    );
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /cannot backfill github: no repository named \(--repo owner\/name\)/);
    const others = await cli(['backfill', '--since', '2026-09-01', '--tenant', 'T-new'], env);
    assert.equal(others.code, 0, others.stderr);
    assert.match(others.stdout, /skipped github: no repository named/);
    assert.match(others.stdout, /tenant T-new: backfilled jira, pagerduty:/);
  });

  it('says which token is missing, and never prints a token it was given', async () => {
    const { GITHUB_TOKEN: _unset, ...withoutGithub } = env;
    const missing = await cli(
      ['backfill', '--source', 'github', '--since', '2026-09-01', '--repo', 'acme/api'],
      withoutGithub,
    );
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /em-agent: backfilling github needs GITHUB_TOKEN/);

    const wrong = 'ghp_wrong_but_secret_value';
    const refused = await cli(
      [
        'backfill',
        '--source',
        'github',
        '--since',
        '2026-09-01',
        '--tenant',
        'T-wrong',
        '--repo',
        'acme/api',
      ],
      { ...env, GITHUB_TOKEN: wrong },
    );
    assert.equal(refused.code, 1);
    assert.match(
      refused.stdout,
      /github:acme\/api:repository: FAILED after 0 pages: HTTP 401: Bad credentials/,
    );
    assert.match(
      refused.stdout,
      /1 failed stream: fix what failed and run the same command again: it resumes where it stopped/,
    );
    assert.ok(!`${refused.stdout}\n${refused.stderr}`.includes(wrong), 'the token is never printed');
  });

  it('reads a date alone as --until as the end of that day', async () => {
    const run = await cli(
      [
        'backfill',
        '--source',
        'pagerduty',
        '--since',
        '2026-10-01',
        '--until',
        '2026-10-08',
        '--tenant',
        'T-day',
      ],
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    const incidents = await models.Incident.find({ tenantId: 'T-day' }).lean();
    assert.deepEqual(
      incidents.map((incident) => incident.number),
      [412],
      'the incident of the 8th, not the one of the 9th',
    );
  });

  it('refuses a bad date or repository with a clear message', async () => {
    const date = await cli(['backfill', '--since', 'last tuesday', '--tenant', 'T-cli'], env);
    assert.equal(date.code, 1);
    assert.match(date.stderr, /--since: expected a date such as 2026-09-01/);
    const repo = await cli(['backfill', '--since', '2026-09-01', '--repo', 'acme'], env);
    assert.match(repo.stderr, /--repo: expected owner\/name \(got "acme"\)/);
  });
});
