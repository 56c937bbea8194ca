import type { App } from '@slack/bolt';
import { ANSWER_ACTIONS } from '../../../../handlers/ask/answer-actions.ts';
import { shareAnswer } from '../../../../handlers/ask/handle-answer-action.ts';
import type { ChatDeps } from '../../../chat-deps.ts';
import { registerAnswerAction } from './respond-to-answer-action.ts';

/** "Share with channel" under a private answer: the question in the channel, the answer in its thread. */
export function register(app: App, deps: ChatDeps): void {
  registerAnswerAction(app, deps, ANSWER_ACTIONS.share, shareAnswer);
}
