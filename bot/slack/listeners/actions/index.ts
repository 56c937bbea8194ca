import type { App } from '@slack/bolt';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import * as answerFeedback from './answer-feedback.ts';
import * as approveApproval from './approve-approval.ts';
import * as askPerson from './ask-person.ts';
import * as declineApproval from './decline-approval.ts';
import * as flowWhy from './flow-why.ts';
import * as doraAction from './dora-action.ts';
import * as modifyApproval from './modify-approval.ts';
import * as openStandupAnswer from './open-standup-answer.ts';
import * as shareAnswer from './share-answer.ts';
import * as sprintWhy from './sprint-why.ts';
import * as standupSetupAddQuestion from './standup-setup-add-question.ts';
import * as standupSetupOpen from './standup-setup-open.ts';
import * as triageItemAction from './triage-item-action.ts';
import * as triageOpen from './triage-open.ts';

export function register(app: App, deps: SlackListenerDeps): void {
  approveApproval.register(app, deps);
  declineApproval.register(app, deps);
  modifyApproval.register(app, deps);
  shareAnswer.register(app, deps);
  answerFeedback.register(app, deps);
  askPerson.register(app, deps);
  openStandupAnswer.register(app, deps);
  standupSetupAddQuestion.register(app, deps);
  standupSetupOpen.register(app, deps);
  triageItemAction.register(app, deps);
  triageOpen.register(app, deps);
  flowWhy.register(app, deps);
  doraAction.register(app, deps);
  sprintWhy.register(app, deps);
}
