import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hmacSha256Hex } from '../../data/sources/hmac.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { sendGithub, sendJira, sendPagerDuty } from '../support/webhook-delivery.ts';

const GITHUB_SECRET = 'intake-github-secret';
const JIRA_SECRET = 'intake-jira-secret';
const PAGERDUTY_SECRET = 'intake-pagerduty-secret';
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

const PUSH = {
  ref: 'refs/heads/main',
  before: '0'.repeat(40),
  after: 'a'.repeat(40),
  repository: { id: 1, name: 'web', full_name: 'acme/web', owner: { login: 'acme' } },
  commits: [],
};

describe('webhook intake (POST /webhooks/<source>)', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer(import.meta.url, {
      GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
      JIRA_WEBHOOK_SECRET: JIRA_SECRET,
      PAGERDUTY_WEBHOOK_SECRET: PAGERDUTY_SECRET,
    });
  });
  after(() => server.close());

  const stored = (filter: Record<string, unknown> = {}) =>
    server.models.EventRaw.find({ tenantId: 'demo', ...filter }).lean();

  it('stores a signed GitHub delivery once with its headers and verification, and answers a replay with 200', async () => {
    const first = await sendGithub(server.url, GITHUB_SECRET, 'push', PUSH, { deliveryId: 'gh-dup-1' });
    assert.equal(first.status, 202);
    assert.deepEqual(first.body, { status: 'accepted', deliveryId: 'gh-dup-1' });
    const again = await sendGithub(server.url, GITHUB_SECRET, 'push', PUSH, { deliveryId: 'gh-dup-1' });
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'duplicate');
    const events = await stored({ deliveryId: 'gh-dup-1' });
    assert.equal(events.length, 1);
    assert.equal(events[0]!.source, 'github');
    assert.equal(events[0]!.eventType, 'push');
    assert.deepEqual(events[0]!.verification, { verified: true, method: 'hmac-sha256' });
    assert.equal(events[0]!.headers['x-github-delivery'], 'gh-dup-1');
    assert.equal(events[0]!.headers['x-hub-signature-256'], undefined, 'the signature is not kept');
    assert.deepEqual(JSON.parse(events[0]!.body), PUSH);
    assert.ok(server.logs.some((line) => line.msg === 'webhook duplicate' && line.deliveryId === 'gh-dup-1'));
  });

  it('answers concurrent copies of one delivery with one 202 and the rest 200, storing it once', async () => {
    const sends = Array.from({ length: 8 }, () =>
      sendGithub(server.url, GITHUB_SECRET, 'push', PUSH, { deliveryId: 'gh-race' }),
    );
    const statuses = (await Promise.all(sends)).map((sent) => sent.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 202]);
    assert.equal((await stored({ deliveryId: 'gh-race' })).length, 1);
  });

  it('refuses forged, missing and stale signatures with 401 and stores nothing', async () => {
    const body = JSON.stringify(PUSH);
    const attempts: Record<string, string | undefined> = {
      forged: `sha256=${hmacSha256Hex(GITHUB_SECRET, body).replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}`,
      stale: `sha256=${hmacSha256Hex('rotated-out-secret', body)}`,
      missing: undefined,
    };
    for (const [name, signature] of Object.entries(attempts)) {
      const response = await fetch(`${server.url}/webhooks/github`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'push',
          'x-github-delivery': `gh-bad-${name}`,
          ...(signature ? { 'x-hub-signature-256': signature } : {}),
        },
        body,
      });
      assert.equal(response.status, 401, name);
      const answer = (await response.json()) as { error: { code: string } };
      assert.equal(answer.error.code, 'unauthorized');
      assert.ok(
        server.logs.some((line) => line.msg === 'webhook refused' && line.deliveryId === `gh-bad-${name}`),
      );
    }
    assert.equal((await stored({ deliveryId: /^gh-bad-/ })).length, 0);
  });

  it('answers 202 "ignored" for an event type it does not use, storing nothing', async () => {
    const sent = await sendGithub(
      server.url,
      GITHUB_SECRET,
      'star',
      { action: 'created' },
      { deliveryId: 'gh-star' },
    );
    assert.equal(sent.status, 202);
    assert.equal(sent.body.status, 'ignored');
    assert.equal((await stored({ deliveryId: 'gh-star' })).length, 0);
    const ping = await sendGithub(server.url, GITHUB_SECRET, 'ping', { zen: 'Keep it logically awesome.' });
    assert.equal(ping.status, 200);
  });

  it('refuses bodies that are not JSON or lack required fields with 400, logged with the delivery id', async () => {
    const notJson = await sendGithub(server.url, GITHUB_SECRET, 'push', '{"ref": ', {
      deliveryId: 'gh-nojson',
    });
    assert.equal(notJson.status, 400);
    assert.match(notJson.body.error!.message, /not valid JSON/);
    const missing = await sendGithub(
      server.url,
      GITHUB_SECRET,
      'pull_request',
      { action: 'opened', repository: { full_name: 'acme/web' } },
      { deliveryId: 'gh-missing' },
    );
    assert.equal(missing.status, 400);
    assert.match(missing.body.error!.message, /pull_request payload lacks pull_request\.number/);
    assert.ok(server.logs.some((line) => line.msg === 'webhook refused' && line.deliveryId === 'gh-missing'));
    assert.equal((await stored({ deliveryId: { $in: ['gh-nojson', 'gh-missing'] } })).length, 0);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const huge = { ...PUSH, padding: 'x'.repeat(1024 * 1024) };
    const sent = await sendGithub(server.url, GITHUB_SECRET, 'push', huge, { deliveryId: 'gh-huge' });
    assert.equal(sent.status, 413);
    assert.equal(sent.body.error!.code, 'payload_too_large');
    assert.ok(server.logs.some((line) => line.msg === 'webhook refused' && line.deliveryId === 'gh-huge'));
  });

  it('answers 404 for an unknown tenant or source, and routes a known tenant to its own secret', async () => {
    const unknown = await sendGithub(server.url, GITHUB_SECRET, 'push', PUSH, {
      path: '/webhooks/github/T0NOBODY',
    });
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error!.message, /Unknown tenant "T0NOBODY"/);
    const badSource = await sendGithub(server.url, GITHUB_SECRET, 'push', PUSH, { path: '/webhooks/gitlab' });
    assert.equal(badSource.status, 404);

    await server.models.Tenant.ensure('T0ACME', 'slack', 'Acme');
    await server.models.Tenant.updateOne(
      { tenantId: 'T0ACME' },
      { $set: { 'webhookSecrets.github': 'acme-only' } },
    );
    const path = '/webhooks/github/T0ACME';
    const withEnvSecret = await sendGithub(server.url, GITHUB_SECRET, 'push', PUSH, { path });
    assert.equal(withEnvSecret.status, 401, 'the env secret is not valid for another tenant');
    const accepted = await sendGithub(server.url, 'acme-only', 'push', PUSH, { path, deliveryId: 'gh-acme' });
    assert.equal(accepted.status, 202);
    const events = await server.models.EventRaw.find({ tenantId: 'T0ACME' }).lean();
    assert.deepEqual(
      events.map((event) => event.deliveryId),
      ['gh-acme'],
    );
    const noJiraSecret = await sendJira(server.url, JIRA_SECRET, fixture('jira/sprint-started.json'), {
      path: '/webhooks/jira/T0ACME',
    });
    assert.equal(noJiraSecret.status, 404);
  });

  it('stores Jira deliveries signed with X-Hub-Signature or ?secret=, deduped by webhook identifier', async () => {
    const issue = fixture('jira/issue-updated-in-progress.json');
    const signed = await sendJira(server.url, JIRA_SECRET, issue, { deliveryId: 'jira-1' });
    assert.equal(signed.status, 202);
    assert.equal((await sendJira(server.url, JIRA_SECRET, issue, { deliveryId: 'jira-1' })).status, 200);
    const sprint = JSON.stringify(fixture('jira/sprint-started.json'));
    const viaQuery = await fetch(`${server.url}/webhooks/jira?secret=${encodeURIComponent(JIRA_SECRET)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sprint,
    });
    assert.equal(viaQuery.status, 202);
    const badQuery = await fetch(`${server.url}/webhooks/jira?secret=nope`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sprint,
    });
    assert.equal(badQuery.status, 401);
    const events = await stored({ source: 'jira' });
    assert.deepEqual(events.map((event) => event.eventType).sort(), ['jira:issue_updated', 'sprint_started']);
    assert.equal(
      events.find((event) => event.eventType === 'sprint_started')!.verification.method,
      'shared-secret',
    );
  });

  it('stores PagerDuty v3 deliveries signed during a secret rotation, deduped by event id', async () => {
    const triggered = fixture('pagerduty/incident-triggered.json');
    const sent = await sendPagerDuty(server.url, ['retired-secret', PAGERDUTY_SECRET], triggered);
    assert.equal(sent.status, 202);
    assert.equal(sent.body.deliveryId, triggered.event.id);
    assert.equal((await sendPagerDuty(server.url, [PAGERDUTY_SECRET], triggered)).status, 200);
    assert.equal((await sendPagerDuty(server.url, ['retired-secret'], triggered)).status, 401);
    const ignored = await sendPagerDuty(server.url, [PAGERDUTY_SECRET], {
      event: { id: 'E-SVC', event_type: 'service.updated', occurred_at: '2026-10-08T03:14:07Z', data: {} },
    });
    assert.equal(ignored.status, 202);
    assert.equal(ignored.body.status, 'ignored');
    assert.equal((await stored({ source: 'pagerduty' })).length, 1);
  });
});
