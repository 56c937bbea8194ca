import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../../chat-deps.ts';
import { runSlashCommand } from './run-slash-command.ts';

/** `/sprint-health [board | sprint name]`: the same as `/em sprint …`, the sprint's health with its Why button. */
export function register(app: App, deps: ChatDeps): void {
  app.command(
    '/sprint-health',
    runSlashCommand(deps, (typed) => `sprint ${typed}`),
  );
}
