import { formatUsage, type CommandDefinition } from '../catalog.ts';
import type { CommandInput, Reply } from '../types.ts';

export function showHelp(input: CommandInput, commands: readonly CommandDefinition[]): Reply {
  const { surface } = input.actor;
  return {
    visibility: 'private',
    view: {
      kind: 'help',
      title: 'em-agent commands',
      intro:
        surface === 'slack'
          ? 'Type `/em` followed by one of these. Only you can see this message.'
          : 'Send me one of these messages.',
      commands: commands.map((command) => ({
        name: command.name,
        usage: formatUsage(surface, command.name, command.argsHint),
        description: command.description,
      })),
    },
  };
}
