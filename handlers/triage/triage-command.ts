import type { CommandInput, CommandPorts, Reply } from '../types.ts';
import { buildTriageQueueView } from './show-triage-queue.ts';
import { runTriageSettings } from './triage-settings-command.ts';

export const TRIAGE_ARGS = '[team | owner/repo | me | settings [team] [key=value …]]';

/** `/triage [team|repo|me]`: the ranked PR queue, privately, with a button row on each item; `settings` its knobs. */
export async function runTriageCommand(input: CommandInput, ports: CommandPorts): Promise<Reply> {
  if (!ports.triage) {
    return {
      visibility: 'private',
      view: {
        kind: 'notice',
        tone: 'info',
        title: 'PR triage is not set up here',
        body: 'It needs GitHub facts: connect GitHub (webhooks or a backfill) and try again.',
      },
    };
  }
  const [first, ...rest] = input.args;
  if (first?.toLowerCase() === 'settings' && ports.triage.settings) {
    return runTriageSettings(input, ports, ports.triage.settings, rest);
  }
  const result = await buildTriageQueueView(input.actor, input.rawArgs, ports.triage, ports.standups);
  // `me` is the asker's own PRs and reviews: theirs alone.
  const personal = first?.toLowerCase() === 'me';
  return { visibility: personal ? 'personal' : 'private', view: result.ok ? result.view : result.notice };
}
