import type { Application } from '@microsoft/teams-ai';
import type { TeamsDeps } from '../teams-deps.ts';
import * as answerActions from './answer-actions.ts';
import * as commandMessage from './command-message.ts';
import * as welcome from './welcome.ts';

export function register(app: Application, deps: TeamsDeps): void {
  welcome.register(app, deps);
  commandMessage.register(app, deps);
  answerActions.register(app, deps);
}
