import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../../chat-deps.ts';
import * as answerFeedback from './answer-feedback.ts';
import * as askPerson from './ask-person.ts';
import * as shareAnswer from './share-answer.ts';

export function register(app: App, deps: ChatDeps): void {
  shareAnswer.register(app, deps);
  answerFeedback.register(app, deps);
  askPerson.register(app, deps);
}
