import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../../chat-deps.ts';
import { runSlashCommand } from './run-slash-command.ts';

/** `/standup [list | edit | …]`: the same as `/em standup …`; with nothing after it, opens the set-up modal. */
export function register(app: App, deps: ChatDeps): void {
  app.command(
    '/standup',
    runSlashCommand(deps, (typed) => `standup ${typed}`),
  );
}
