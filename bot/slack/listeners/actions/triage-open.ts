import type { App } from '@slack/bolt';
import { TRIAGE_ACTIONS } from '../../../../handlers/triage/triage-actions.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

/** "Open in GitHub" is a link button: Slack opens the PR and still sends the click, which only needs an ack. */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(TRIAGE_ACTIONS.open, async ({ ack }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
  });
}
