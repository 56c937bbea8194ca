import type { App } from '@slack/bolt';
import type { ChatDeps } from '../../../chat-deps.ts';
import { runSlashCommand } from './run-slash-command.ts';

/** `/dora [team | owner/repo | service] [range]`: the same as `/em dora …`, delivery metrics with why buttons. */
export function register(app: App, deps: ChatDeps): void {
  app.command(
    '/dora',
    runSlashCommand(deps, (typed) => `dora ${typed}`),
  );
}
