import { formatUsage, type CommandDefinition } from '../catalog.ts';
import type { CommandInput, Reply } from '../types.ts';
import { suggestCommand } from './suggest-command.ts';

const MAX_ECHO = 40;

export function unknownCommand(input: CommandInput, commands: readonly CommandDefinition[]): Reply {
  const { surface } = input.actor;
  const guess = suggestCommand(
    input.name,
    commands.map((command) => command.name),
  );
  const typed = input.name.length > MAX_ECHO ? `${input.name.slice(0, MAX_ECHO)}…` : input.name;
  return {
    visibility: 'private',
    view: {
      kind: 'notice',
      tone: 'warning',
      title: `I don't know "${typed}" yet`,
      body: guess
        ? `Did you mean ${formatUsage(surface, guess)}?`
        : `${formatUsage(surface, 'help')} lists everything I can do.`,
      suggestion: formatUsage(surface, guess ?? 'help'),
    },
  };
}
