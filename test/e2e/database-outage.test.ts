import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** A FerretDB of this test's own, so it can be stopped and started under a running bot. */
class OwnFerretdb {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'em-agent-outage-'));
  port = 0;

  async start(): Promise<void> {
    this.port ||= await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    this.#script('start', this.dir, String(this.port));
  }

  stop(): void {
    this.#script('stop', this.dir);
  }

  remove(): void {
    this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  #script(...args: string[]): void {
    const result = spawnSync('bash', [path.resolve('scripts/ferretdb.sh'), ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`ferretdb.sh ${args[0]} failed: ${result.stderr}`);
  }
}

async function waitForReadiness(server: TestServer, status: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${server.url}/readyz`);
    if (response.status === status) return;
    if (Date.now() > deadline) throw new Error(`/readyz stayed ${response.status}, expected ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function helpActivity(connector: FakeBotConnector, tenantId: string, conversationId: string) {
  return {
    type: 'message',
    id: `act-${conversationId}`,
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from: { id: '29:1bob', name: 'Bob' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId },
    recipient: { id: '28:em-agent-bot', name: 'em-agent' },
    text: 'help',
  };
}

describe('losing the database while running', () => {
  const database = new OwnFerretdb();
  let connector: FakeBotConnector;
  let server: TestServer;

  before(async () => {
    await database.start();
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(import.meta.url, {
      MONGODB_URI: `mongodb://127.0.0.1:${database.port}/em_agent_outage`,
    });
  });
  after(async () => {
    await server.close().catch(() => undefined);
    await connector.http.stop();
    database.remove();
  });

  it('turns /readyz 503 and answers chat requests with a clear message instead of crashing', async () => {
    await waitForReadiness(server, 200, 1_000);
    database.stop();
    await waitForReadiness(server, 503, 5_000);
    const body = (await (await fetch(`${server.url}/readyz`)).json()) as Record<string, unknown>;
    assert.equal(body.database, 'unreachable');

    // The team view reads the facts, so this request needs the database.
    const activity = { ...helpActivity(connector, 'tenant-during-outage', 'conv-outage'), text: 'team' };
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    assert.ok(response.status < 500, `status ${response.status}`);
    const post = await connector.waitForPost('conv-outage', 10_000);
    assert.match(JSON.stringify(post.activity.attachments?.[0]?.content), /cannot reach my database/);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'the process is alive');
  });

  it('resumes service when the database returns', async () => {
    await database.start();
    await waitForReadiness(server, 200, 30_000);
    const activity = { ...helpActivity(connector, 'tenant-after-outage', 'conv-after'), text: 'team' };
    await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const post = await connector.waitForPost('conv-after', 10_000);
    assert.match(JSON.stringify(post.activity.attachments?.[0]?.content), /Your team at a glance/);
  });
});
