import type { App } from '@slack/bolt';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import * as modifyApprovalSubmitted from './modify-approval-submitted.ts';
import * as standupAnswerSubmitted from './standup-answer-submitted.ts';
import * as standupSetupSubmitted from './standup-setup-submitted.ts';

export function register(app: App, deps: SlackListenerDeps): void {
  modifyApprovalSubmitted.register(app, deps);
  standupAnswerSubmitted.register(app, deps);
  standupSetupSubmitted.register(app, deps);
}
