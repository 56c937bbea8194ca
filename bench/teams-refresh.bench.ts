/**
 * How fast the bot answers Teams' per-viewer card refreshes (`adaptiveCard/action` invokes with verb
 * approval.refresh: verify the Bot Framework JWT, load the approval and the policy, decide whether this viewer
 * may decide, render their card), against /healthz on the same server in the same run. Every edit of a shared
 * approval card makes each viewer's Teams ask at once, so the load is one channel of 60 viewers refreshing
 * together, over and over.
 *   npm run bench -- bench/teams-refresh.bench.ts      (REQUESTS and CONCURRENCY env vars adjust the load)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeBotConnector } from '../test/fakes/bot-connector.ts';
import { startTestServer } from '../test/support/server.ts';
import { formatTiming, load as loadAll, type Timing } from './support/load.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const REQUESTS = Number(process.env.REQUESTS ?? 1_200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 60);
const APP_ID = '00000000-0000-0000-0000-00000000b07a';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const API_TOKEN = 'bench-teams-refresh-api-token-0123';
const APPROVER = 'b0b00000-0000-4000-8000-000000000002';
const POLICY = `actions:
  policy.set: { risk: high, mode: require_approval }
tiers:
  high:
    approvers: { users: [teams:${APPROVER}] }
`;

const load = (send: (index: number) => Promise<Response>): Promise<Timing> =>
  loadAll(REQUESTS, CONCURRENCY, send);

const dir = await mkdtemp(path.join(tmpdir(), 'em-agent-bench-'));
await writeFile(path.join(dir, 'policy.yaml'), POLICY);
const connector = new FakeBotConnector();
await connector.http.start();
const server = await startTestServer(import.meta.url, {
  API_TOKEN,
  POLICY_FILE: path.join(dir, 'policy.yaml'),
  MICROSOFT_APP_ID: APP_ID,
  MICROSOFT_APP_PASSWORD: 'not-a-real-password',
  MICROSOFT_APP_TENANT_ID: TENANT,
  MICROSOFT_BOT_OPENID_METADATA: connector.openIdMetadataUrl,
  LOG_LEVEL: 'warn',
});
try {
  const proposed = await fetch(`${server.url}/v1/actions/propose`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` },
    body: JSON.stringify({
      action_type: 'policy.set',
      target_ref: 'policy:tenant',
      proposed_payload: { yaml: POLICY },
      requester: 'teams:a11ce000-0000-4000-8000-000000000001',
    }),
  });
  const { action_id: approvalId } = (await proposed.json()) as { action_id: string };
  const token = connector.keys.token({ audience: APP_ID, serviceUrl: connector.serviceUrl });
  const refresh = (index: number) => {
    // Every tenth viewer is the approver (who gets buttons); the others see the card without them.
    const aad =
      index % 10 === 0 ? APPROVER : `e0e00000-0000-4000-8000-${String(index % 60).padStart(12, '0')}`;
    return fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `bench-${index}`,
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        from: { id: `29:viewer-${aad}`, aadObjectId: aad },
        conversation: { id: '19:bench@thread.tacv2', conversationType: 'channel', tenantId: TENANT },
        recipient: { id: '28:em-agent-bot' },
        channelData: { tenant: { id: TENANT } },
        value: {
          action: { type: 'Action.Execute', verb: 'approval.refresh', data: { approvalId } },
          trigger: 'automatic',
        },
      }),
    });
  };

  await load(() => fetch(`${server.url}/healthz`)); // warm-up
  await load(refresh);
  const baseline = await load(() => fetch(`${server.url}/healthz`));
  const refreshed = await load(refresh);
  console.log(`${REQUESTS} requests, ${CONCURRENCY} concurrent, one process on ${server.url}`);
  console.log(formatTiming('baseline GET /healthz', baseline));
  console.log(formatTiming('signed approval.refresh', refreshed));
  console.log(`refresh throughput / baseline: ${(refreshed.perSecond / baseline.perSecond).toFixed(2)}`);
  console.log(
    `a channel of 60 viewers refreshed in about ${((60 / refreshed.perSecond) * 1000).toFixed(0)} ms`,
  );
} finally {
  await server.close();
  await connector.http.stop();
  await rm(dir, { recursive: true, force: true });
}
