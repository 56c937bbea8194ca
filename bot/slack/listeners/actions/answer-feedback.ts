import type { App } from '@slack/bolt';
import { ANSWER_ACTIONS } from '../../../../handlers/ask/answer-actions.ts';
import { recordFeedback } from '../../../../handlers/ask/handle-answer-action.ts';
import type { ChatDeps } from '../../../chat-deps.ts';
import { registerAnswerAction } from './respond-to-answer-action.ts';

/** Helpful / not helpful under an answer: one vote per person per answer, the latest click wins. */
export function register(app: App, deps: ChatDeps): void {
  registerAnswerAction(app, deps, ANSWER_ACTIONS.helpful, (actor, payload, answerDeps) =>
    recordFeedback(actor, payload, true, answerDeps),
  );
  registerAnswerAction(app, deps, ANSWER_ACTIONS.notHelpful, (actor, payload, answerDeps) =>
    recordFeedback(actor, payload, false, answerDeps),
  );
}
