import type { App } from '@slack/bolt';
import { publishApprovalHome } from '../../approvals/publish-approval-home.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

/** App Home opened: publish the person's approval queue (buttons only where they may decide). */
export function register(app: App, deps: SlackListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'home' });
    try {
      await publishApprovalHome(deps, client, deps.tenantOf(body.team_id), event.user);
    } catch (error) {
      deps.log.error({ err: error }, 'could not publish the App Home');
    }
  });
}
