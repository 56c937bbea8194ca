import type { App } from '@slack/bolt';
import { ANSWER_ACTIONS } from '../../../../handlers/ask/answer-actions.ts';
import { askPerson } from '../../../../handlers/ask/handle-answer-action.ts';
import type { ChatDeps } from '../../../chat-deps.ts';
import { registerAnswerAction } from './respond-to-answer-action.ts';

/** "Ask <person>" under an answer that did not know: a direct message to that person, if linked to chat. */
export function register(app: App, deps: ChatDeps): void {
  registerAnswerAction(app, deps, new RegExp(`^${ANSWER_ACTIONS.askPerson}_\\d+$`), askPerson);
}
