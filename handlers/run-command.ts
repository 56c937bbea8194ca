import type { CommandDefinition } from './catalog.ts';
import { showHelp } from './help/show-help.ts';
import { unknownCommand } from './help/unknown-command.ts';
import { linkAccount } from './identity/link-account.ts';
import type { CommandInput, Reply } from './types.ts';

/** Every command the bot has. Help, the Slack manifest and the Teams manifest are all derived from this list. */
export const COMMANDS: readonly CommandDefinition[] = [
  {
    name: 'help',
    argsHint: '',
    description: 'List the commands em-agent understands, with a line on each.',
    run: (input) => showHelp(input, COMMANDS),
  },
  {
    name: 'link',
    argsHint: 'github <login>',
    description: 'Link your GitHub (or jira/pagerduty) account to you, so your work shows under your name.',
    run: (input) => linkAccount(input, input.ports?.identity),
  },
];

/** Splits what a person typed into a command name and its arguments. */
export function parseCommandText(text: string): Pick<CommandInput, 'name' | 'args' | 'rawArgs'> {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  return {
    name: first.toLowerCase(),
    args: rest.filter(Boolean),
    rawArgs: trimmed.slice(first.length).trim(),
  };
}

/** Dispatches a command; an empty command shows help, an unknown one a friendly hint. */
export async function runCommand(
  input: CommandInput,
  commands: readonly CommandDefinition[] = COMMANDS,
): Promise<Reply> {
  const name = input.name || 'help';
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) return unknownCommand(input, commands);
  return command.run({ ...input, name });
}
