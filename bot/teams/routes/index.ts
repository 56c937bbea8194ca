import type { Application } from '@microsoft/teams-ai';
import type { TeamsDeps } from '../teams-deps.ts';
import * as approvalDecide from './approval-decide.ts';
import * as approvalOpen from './approval-open.ts';
import * as approvalRefresh from './approval-refresh.ts';
import * as answerActions from './answer-actions.ts';
import * as commandMessage from './command-message.ts';
import * as doraAction from './dora-action.ts';
import * as homeRefresh from './home-refresh.ts';
import * as rememberConversation from './remember-conversation.ts';
import * as standupAnswer from './standup-answer.ts';
import * as standupSetup from './standup-setup.ts';
import * as triageAction from './triage-action.ts';
import * as welcome from './welcome.ts';

export function register(app: Application, deps: TeamsDeps): void {
  rememberConversation.register(app, deps);
  welcome.register(app, deps);
  commandMessage.register(app, deps);
  approvalRefresh.register(app, deps);
  homeRefresh.register(app, deps);
  approvalDecide.register(app, deps);
  approvalOpen.register(app, deps);
  answerActions.register(app, deps);
  standupAnswer.register(app, deps);
  standupSetup.register(app, deps);
  triageAction.register(app, deps);
  doraAction.register(app, deps);
}
