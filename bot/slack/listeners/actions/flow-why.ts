import type { App } from '@slack/bolt';
import { FLOW_WHY_ACTION } from '../../../../handlers/flow/flow-view.ts';
import { parseCommandText } from '../../../../handlers/run-command.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import { registerPrivateButton } from './answer-private-button.ts';

/**
 * A figure's "Why?" on a /flow answer: its value is the `flow why …` command, run as whoever clicked (so a
 * personal figure's why is that person's own), answered privately below the figures.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  registerPrivateButton(app, deps, {
    actionId: new RegExp(`^${FLOW_WHY_ACTION}:`),
    read(value) {
      const command = parseCommandText(value ?? '');
      return command.name === 'flow' && command.args[0] === 'why' ? command : undefined;
    },
    command: '/flow',
    replaceOriginal: false,
    answer: async (actor, command) => (await deps.runCommand({ actor, ...command })).view,
  });
}
