import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../../chat-deps.ts';
import { runSlashCommand } from './run-slash-command.ts';

/** `/triage [team | owner/repo | me]`: the same as `/em triage …`, the PR queue with its buttons. */
export function register(app: App, deps: ChatDeps): void {
  app.command(
    '/triage',
    runSlashCommand(deps, (typed) => `triage ${typed}`),
  );
}
