import type { CommandInput, CommandPorts, Reply } from '../types.ts';
import { buildTriageQueueView } from './show-triage-queue.ts';

export const TRIAGE_ARGS = '[team | owner/repo | me]';

/** `/triage [team|repo|me]`: the ranked PR queue, privately, with a button row on each item. */
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
  const result = await buildTriageQueueView(input.actor, input.rawArgs, ports.triage, ports.standups);
  return { visibility: 'private', view: result.ok ? result.view : result.notice };
}
