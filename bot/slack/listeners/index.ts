import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../chat-deps.ts';
import * as commands from './commands/index.ts';

export function register(app: App, deps: ChatDeps): void {
  commands.register(app, deps);
}
