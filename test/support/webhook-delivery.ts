import { randomUUID } from 'node:crypto';
import { hmacSha256Hex } from '../../data/sources/hmac.ts';

export interface SentDelivery {
  status: number;
  body: { status?: string; deliveryId?: string; error?: { code: string; message: string } };
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<SentDelivery> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as SentDelivery['body'] };
}

/** Signs and posts a GitHub delivery the way GitHub does (X-Hub-Signature-256 over the exact bytes sent). */
export function sendGithub(
  baseUrl: string,
  secret: string,
  event: string,
  payload: unknown,
  options: { deliveryId?: string; path?: string } = {},
): Promise<SentDelivery> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return post(`${baseUrl}${options.path ?? '/webhooks/github'}`, body, {
    'x-github-event': event,
    'x-github-delivery': options.deliveryId ?? randomUUID(),
    'x-hub-signature-256': `sha256=${hmacSha256Hex(secret, body)}`,
    'user-agent': 'GitHub-Hookshot/test',
  });
}

/** PagerDuty v3: one `v1=` entry per active secret. */
export function sendPagerDuty(
  baseUrl: string,
  secrets: string[],
  payload: unknown,
  path = '/webhooks/pagerduty',
): Promise<SentDelivery> {
  const body = JSON.stringify(payload);
  return post(`${baseUrl}${path}`, body, {
    'x-pagerduty-signature': secrets.map((secret) => `v1=${hmacSha256Hex(secret, body)}`).join(','),
    'x-webhook-id': 'PSUB123',
  });
}

/** Jira Cloud with a webhook secret: X-Hub-Signature and a delivery identifier. */
export function sendJira(
  baseUrl: string,
  secret: string,
  payload: unknown,
  options: { deliveryId?: string; path?: string } = {},
): Promise<SentDelivery> {
  const body = JSON.stringify(payload);
  return post(`${baseUrl}${options.path ?? '/webhooks/jira'}`, body, {
    'x-hub-signature': `sha256=${hmacSha256Hex(secret, body)}`,
    'x-atlassian-webhook-identifier': options.deliveryId ?? randomUUID(),
  });
}
