import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../../chat-deps.ts';
import { runSlashCommand } from './run-slash-command.ts';

/** `/flow [me | team | owner/repo] [range]`: the same as `/em flow …`, privately. */
export function register(app: App, deps: ChatDeps): void {
  app.command(
    '/flow',
    runSlashCommand(deps, (typed) => `flow ${typed}`),
  );
}
