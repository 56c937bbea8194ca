import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { renderHomeForSlack } from '../../../cards/slack/home.ts';
import type { ApprovalServices } from '../../../handlers/approvals/types.ts';
import type { HomeBuilder } from '../../../handlers/home/types.ts';
import { createHomeThrottle, type HomeKey, type HomeThrottle } from '../../home/home-throttle.ts';
import { slackDeciderOf } from '../approvals/slack-decider.ts';
import type { UsergroupMembers } from '../approvals/usergroup-members.ts';

export interface SlackHomesOptions {
  client: WebClient;
  home: HomeBuilder;
  approvals: ApprovalServices;
  groups: UsergroupMembers;
  log: Logger;
  /** The least time between two event-driven publishes of one person's App Home (default a minute). */
  intervalMs?: number;
}

/** views.publish calls in flight at once for a batch of homes (the Web API client retries a 429 itself). */
const PUBLISH_CONCURRENCY = 8;

/**
 * Publishes people's App Home tabs (views.publish): at once when they open it or click in it, throttled to
 * one per person per interval, trailing, when something on it changes.
 */
export function createSlackHomes(options: SlackHomesOptions): HomeThrottle {
  const { client, home, log } = options;
  const ownerOf = async (deps: typeof options, { tenantId, userId }: HomeKey) => ({
    tenantId,
    account: { tool: 'slack' as const, handle: userId },
    decider: await slackDeciderOf(deps, tenantId, userId),
  });
  return createHomeThrottle({
    log,
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
    async publish(key, note) {
      const view = await home.build(await ownerOf(options, key), note);
      await client.views.publish({ user_id: key.userId, view: renderHomeForSlack(view) });
    },
    async publishMany(keys) {
      // The policy is read once for the batch's deciders.
      const policies = new Map<string, ReturnType<ApprovalServices['policyFor']>>();
      const policyFor = (tenantId: string) => {
        if (!policies.has(tenantId)) policies.set(tenantId, options.approvals.policyFor(tenantId));
        return policies.get(tenantId)!;
      };
      const deps = { ...options, approvals: { ...options.approvals, policyFor } };
      const views = await home.buildMany(await Promise.all(keys.map((key) => ownerOf(deps, key))));
      let next = 0;
      const publishNext = async (): Promise<void> => {
        for (let index = next++; index < keys.length; index = next++) {
          const { tenantId, userId } = keys[index]!;
          await client.views
            .publish({ user_id: userId, view: renderHomeForSlack(views[index]!) })
            .catch((error: unknown) => log.warn({ err: error, tenantId }, 'could not publish a home'));
        }
      };
      await Promise.all(Array.from({ length: PUBLISH_CONCURRENCY }, publishNext));
    },
  });
}
