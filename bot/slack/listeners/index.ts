import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../chat-deps.ts';
import * as actions from './actions/index.ts';
import * as commands from './commands/index.ts';

export function register(app: App, deps: ChatDeps): void {
  commands.register(app, deps);
  actions.register(app, deps);
}
