import type { App } from '@slack/bolt';
import { DORA_VERBS, readDoraAction, type DoraVerb } from '../../../../handlers/metrics/dora-actions.ts';
import { handleDoraAction } from '../../../../handlers/metrics/dora-command.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import { registerPrivateButton } from './answer-private-button.ts';

/** "Why this number?" and "Back to the figures" on a /dora answer: ack, then replace the private message. */
export function register(app: App, deps: SlackListenerDeps): void {
  registerPrivateButton(app, deps, {
    actionId: new RegExp(`^(${DORA_VERBS.join('|')})$`),
    read: readDoraAction,
    command: '/dora',
    replaceOriginal: true,
    answer: (actor, payload, { actionId }) =>
      handleDoraAction(actor, actionId as DoraVerb, payload, deps.delivery ?? {}),
  });
}
