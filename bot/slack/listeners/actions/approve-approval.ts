import type { App } from '@slack/bolt';
import { APPROVAL_ACTIONS } from '../../../../cards/slack/approval.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import { decideByButton } from '../../approvals/decide-by-button.ts';

/** Approve (or Confirm, for a request that only asks its requester). */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(APPROVAL_ACTIONS.approve, decideByButton(deps, 'approve'));
}
