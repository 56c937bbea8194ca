import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../../chat-deps.ts';
import { runSlashCommand } from './run-slash-command.ts';

/** `/em <command> [args]`: every command of the catalog. */
export function register(app: App, deps: ChatDeps): void {
  app.command(
    '/em',
    runSlashCommand(deps, (typed) => typed),
  );
}
