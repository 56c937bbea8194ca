import type { App } from '@slack/bolt';
import { handleTriageAction } from '../../../../handlers/triage/handle-triage-action.ts';
import {
  readTriageAction,
  TRIAGE_VERBS,
  type TriageVerb,
} from '../../../../handlers/triage/triage-actions.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import { registerPrivateButton } from './answer-private-button.ts';

/**
 * The buttons on a /triage item (request review, nudge, snooze, I'm on it): ack at once, act, then replace the
 * private queue message with the queue as it now stands and a line on what happened.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  registerPrivateButton(app, deps, {
    // Only our buttons carry these action ids.
    actionId: new RegExp(`^(${TRIAGE_VERBS.join('|')})$`),
    read: readTriageAction,
    command: '/triage',
    replaceOriginal: true,
    answer: (actor, payload, { actionId }) =>
      handleTriageAction(actor, actionId as TriageVerb, payload, deps.triage ?? {}),
  });
}
