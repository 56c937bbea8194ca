import type { App } from '@slack/bolt';
import { parseCommandText } from '../../../../handlers/run-command.ts';
import { readSprintWhy, SPRINT_WHY_ACTION } from '../../../../handlers/sprint/sprint-actions.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import { registerPrivateButton } from './answer-private-button.ts';

/** Why? on a /sprint-health answer: replaces the private answer with every reason and the items behind them. */
export function register(app: App, deps: SlackListenerDeps): void {
  registerPrivateButton(app, deps, {
    actionId: SPRINT_WHY_ACTION,
    read: readSprintWhy,
    command: '/sprint-health',
    replaceOriginal: true,
    answer: async (actor, command, { channelId }) =>
      (
        await deps.runCommand({
          actor,
          ...(channelId ? { conversationId: channelId } : {}),
          ...parseCommandText(command),
        })
      ).view,
  });
}
