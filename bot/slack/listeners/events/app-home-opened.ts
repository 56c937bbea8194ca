import type { App } from '@slack/bolt';
import type { SlackListenerDeps } from '../../slack-deps.ts';

/**
 * App Home opened: publish the person's home at once (PRs, standup, approvals with buttons only where they
 * may decide, blockers); from then on it is kept up to date on events, at most once a minute.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'home' });
    const tenantId = deps.tenantOf(body.team_id);
    if (!tenantId) return;
    // The throttle logs a failed publish; the event is answered either way.
    await deps.homes.publishNow({ tenantId, userId: event.user });
  });
}
