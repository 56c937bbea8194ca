import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../../chat-deps.ts';
import { runSlashCommand } from './run-slash-command.ts';

/** `/ask <question>`: the same as `/em ask <question>`, for the command people use most. */
export function register(app: App, deps: ChatDeps): void {
  app.command(
    '/ask',
    runSlashCommand(deps, (typed) => `ask ${typed}`),
  );
}
