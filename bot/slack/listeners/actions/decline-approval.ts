import type { App } from '@slack/bolt';
import { APPROVAL_ACTIONS } from '../../../../cards/slack/approval.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import { decideByButton } from '../../approvals/decide-by-button.ts';

/** Decline; Slack has already asked "Decline this request?" before the click reaches us. */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(APPROVAL_ACTIONS.decline, decideByButton(deps, 'decline'));
}
