import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { renderHomeForSlack } from '../../../cards/slack/home.ts';
import type { ApprovalServices } from '../../../handlers/approvals/types.ts';
import type { HomeBuilder } from '../../../handlers/home/types.ts';
import { createHomeThrottle, type HomeThrottle } from '../../home/home-throttle.ts';
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

/**
 * Publishes people's App Home tabs (views.publish): at once when they open it or click in it, throttled to
 * one per person per interval, trailing, when something on it changes.
 */
export function createSlackHomes(options: SlackHomesOptions): HomeThrottle {
  const { client, home, log } = options;
  return createHomeThrottle({
    log,
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
    async publish({ tenantId, userId }, note) {
      const decider = await slackDeciderOf(options, tenantId, userId);
      const view = await home.build({ tenantId, account: { tool: 'slack', handle: userId }, decider }, note);
      await client.views.publish({ user_id: userId, view: renderHomeForSlack(view) });
    },
  });
}
